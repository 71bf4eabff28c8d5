/**
 * @module The provided onboarding machines `<foyer-onboarding>` uses when it is given no `.logic`:
 * built once per client (or per `api-base`). Loaded with the onboarding chunk only.
 */
import { createFoyerClient, createOnboardingHttpActors, createOnboardingMachines, type FoyerClient } from '@foyer/core';

type OnboardingMachines = ReturnType<typeof createOnboardingMachines>;

const byClient = new WeakMap<FoyerClient, OnboardingMachines>();
const byBaseUrl = new Map<string, OnboardingMachines>();

/**
 * The onboarding machines for `client` if given, else for a client of `apiBase` (`''` = same origin).
 *
 * @example
 * const { onboarding } = onboardingMachinesFor(undefined, 'https://auth.example.com');
 */
export function onboardingMachinesFor(
  client: FoyerClient | undefined,
  apiBase: string | null | undefined,
): OnboardingMachines {
  if (client) {
    let machines = byClient.get(client);
    if (!machines) byClient.set(client, (machines = createOnboardingMachines(createOnboardingHttpActors(client))));
    return machines;
  }
  const baseUrl = apiBase ?? '';
  let machines = byBaseUrl.get(baseUrl);
  if (!machines)
    byBaseUrl.set(
      baseUrl,
      (machines = createOnboardingMachines(createOnboardingHttpActors(createFoyerClient({ baseUrl })))),
    );
  return machines;
}
