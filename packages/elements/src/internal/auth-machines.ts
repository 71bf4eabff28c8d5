/**
 * @module The provided auth machines an element uses when it is given no `.actor` or `.logic`:
 * built once per client (or per `api-base`), so elements on one page share them.
 */
import {
  createAuthMachines,
  createFoyerClient,
  createHttpActors,
  type AuthMachines,
  type FoyerClient,
} from '@foyer/core';
import { webauthnCeremonies } from './webauthn.js';

const byClient = new WeakMap<FoyerClient, AuthMachines>();
const byBaseUrl = new Map<string, AuthMachines>();

/**
 * The machines for `client` if given, else for a client of `apiBase` (`''` = same origin).
 *
 * @example
 * const { signIn } = authMachinesFor(undefined, 'https://auth.example.com');
 */
export function authMachinesFor(client: FoyerClient | undefined, apiBase: string | null | undefined): AuthMachines {
  if (client) {
    let machines = byClient.get(client);
    if (!machines) byClient.set(client, (machines = createAuthMachines(createHttpActors(client), webauthnCeremonies)));
    return machines;
  }
  const baseUrl = apiBase ?? '';
  let machines = byBaseUrl.get(baseUrl);
  if (!machines)
    byBaseUrl.set(
      baseUrl,
      (machines = createAuthMachines(createHttpActors(createFoyerClient({ baseUrl })), webauthnCeremonies)),
    );
  return machines;
}
