/** @module Production actors of the auth machines: each one is a call of the typed client. */
import { fromPromise } from 'xstate';
import type { AuthActors } from '../actors/auth.actors.js';
import type { OnboardingActors } from '../actors/onboarding.actors.js';
import type { FoyerClient } from './client.js';
import { authHttpActors } from './auth.endpoints.js';
import { securityHttpActors } from './security.endpoints.js';
import { mfaHttpActors } from './mfa.endpoints.js';
import { phoneHttpActors } from './phone.endpoints.js';
import { accountDeletionHttpActors } from './account-deletion.endpoints.js';

/**
 * The machines' I/O actors backed by the HTTP client: every group (`authHttpActors`,
 * `securityHttpActors`… beside each endpoint group). Aborting (the machine
 * leaving the state) aborts the request.
 *
 * @example
 * const machines = createAuthMachines(createHttpActors(createFoyerClient({ baseUrl: '' })));
 */
export function createHttpActors(client: FoyerClient): AuthActors {
  return {
    ...authHttpActors(client),
    ...securityHttpActors(client),
    ...mfaHttpActors(client),
    ...phoneHttpActors(client),
    ...accountDeletionHttpActors(client),
  };
}

/**
 * The onboarding machines' I/O actors backed by the HTTP client.
 *
 * @example
 * const { onboarding } = createOnboardingMachines(createOnboardingHttpActors(client));
 */
export function createOnboardingHttpActors(client: FoyerClient): OnboardingActors {
  return {
    getOnboarding: fromPromise(({ signal }) => client.getOnboarding({ signal })),
    saveStepDraft: fromPromise(({ input: { keepalive, ...request }, signal }) =>
      client.saveStepDraft(request, { signal, keepalive }),
    ),
    completeStep: fromPromise(({ input, signal }) => client.completeStep(input, { signal })),
    publish: fromPromise(({ input, signal }) => client.publish(input, { signal })),
    unpublish: fromPromise(({ input, signal }) => client.unpublish(input, { signal })),
  };
}
