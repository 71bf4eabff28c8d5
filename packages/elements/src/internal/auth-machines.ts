/**
 * @module The provided auth machines an element uses when it is given no `.actor` or `.logic`:
 * built on demand, once per client (or per `api-base`), so elements on one page share them. Each
 * element module builds only its own machine (and children) from only the endpoint groups it calls
 * (`provideSessionsMachine(securityActors(source))`), so its chunk carries only those route tables
 * and machines — never `createAuthMachines`, which builds them all.
 */
import {
  authEndpoints,
  authHttpActors,
  createEndpointCall,
  mfaEndpoints,
  mfaHttpActors,
  securityEndpoints,
  securityHttpActors,
  type EndpointCall,
  type FoyerClient,
} from '@foyer/core';

/** The I/O of one client (or one `api-base`): actor groups and machines, each built once. */
export class MachineIo {
  readonly #client: FoyerClient | undefined;
  readonly #baseUrl: string;
  #call: EndpointCall | undefined;
  readonly #built = new Map<unknown, unknown>();

  constructor(client: FoyerClient | undefined, baseUrl: string) {
    this.#client = client;
    this.#baseUrl = baseUrl;
  }

  /** `build(this)` once per source. */
  once<T>(build: (source: MachineIo) => T): T {
    if (!this.#built.has(build)) this.#built.set(build, build(this));
    return this.#built.get(build) as T;
  }

  /** The actors of one endpoint group: over the given client, else over just that group's endpoints. */
  actors<E, A>(endpoints: (call: EndpointCall) => E, httpActors: (client: E) => A): A {
    return this.once(() =>
      httpActors(
        this.#client ? (this.#client as E) : endpoints((this.#call ??= createEndpointCall({ baseUrl: this.#baseUrl }))),
      ),
    );
  }
}

const byClient = new WeakMap<FoyerClient, MachineIo>();
const byBaseUrl = new Map<string, MachineIo>();

function sourceFor(client: FoyerClient | undefined, apiBase: string | null | undefined): MachineIo {
  if (client) {
    let source = byClient.get(client);
    if (!source) byClient.set(client, (source = new MachineIo(client, '')));
    return source;
  }
  const baseUrl = apiBase ?? '';
  let source = byBaseUrl.get(baseUrl);
  if (!source) byBaseUrl.set(baseUrl, (source = new MachineIo(undefined, baseUrl)));
  return source;
}

/** The actors of the auth, security and MFA endpoint groups (the ones the auth widget calls). */
export const authActors = (s: MachineIo) => s.actors(authEndpoints, authHttpActors);
/** @see authActors */
export const securityActors = (s: MachineIo) => s.actors(securityEndpoints, securityHttpActors);
/** @see authActors */
export const mfaActors = (s: MachineIo) => s.actors(mfaEndpoints, mfaHttpActors);
/** @see authActors */
export const credentialActors = (s: MachineIo) => ({ ...authActors(s), ...securityActors(s), ...mfaActors(s) });

type ApiBase = string | null | undefined;

/**
 * The machine `build` makes for `client` if given, else for a client of `apiBase` (`''` = same
 * origin): built once per client (or base URL) and `build` function, shared by the elements of a page.
 * Each element module keeps its own `build`, so its chunk carries only its machine.
 *
 * @example
 * const buildSessions = (source: MachineIo) => provideSessionsMachine(securityActors(source));
 * const logic = providedMachine(this.client, this.apiBase, buildSessions);
 */
export function providedMachine<T>(
  client: FoyerClient | undefined,
  apiBase: ApiBase,
  build: (source: MachineIo) => T,
): T {
  return sourceFor(client, apiBase).once(build);
}
