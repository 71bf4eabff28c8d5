/**
 * @module The client methods of `SECURITY_ROUTES` and their machine actors. A bundle that imports only some of these modules carries
 * only their route tables and answer schemas.
 */
import { SECURITY_ROUTES } from '../contracts/security.routes.js';
import { altchaChallengeSchema, sessionsResponseSchema, signInResponseSchema } from '../contracts/index.js';
import { fromPromise } from 'xstate';
import type { AuthActors } from '../actors/auth.actors.js';
import type { EndpointCall } from './endpoint-call.js';
import type { FoyerClient } from './client.js';

/** The methods of `SECURITY_ROUTES`: passwords, unlock, sessions, CAPTCHA. */
export function securityEndpoints(call: EndpointCall) {
  return {
    forgotPassword: (body, init) => call(SECURITY_ROUTES.forgotPassword, { body }, null, init),
    resetPassword: (body, init) => call(SECURITY_ROUTES.resetPassword, { body }, signInResponseSchema, init),
    changePassword: (body, init) => call(SECURITY_ROUTES.changePassword, { body }, null, init),
    unlock: (body, init) => call(SECURITY_ROUTES.unlock, { body }, null, init),
    listSessions: (init) => call(SECURITY_ROUTES.sessions, {}, sessionsResponseSchema, init),
    revokeSession: (id, init) => call(SECURITY_ROUTES.revokeSession, { params: { id } }, null, init),
    revokeOtherSessions: (init) => call(SECURITY_ROUTES.revokeOtherSessions, {}, null, init),
    getCaptchaChallenge: (init) => call(SECURITY_ROUTES.captchaChallenge, {}, altchaChallengeSchema, init),
  } satisfies Pick<
    FoyerClient,
    | 'forgotPassword'
    | 'resetPassword'
    | 'changePassword'
    | 'unlock'
    | 'listSessions'
    | 'revokeSession'
    | 'revokeOtherSessions'
    | 'getCaptchaChallenge'
  >;
}

/** The method names of {@link securityEndpoints}. */
export type SecurityEndpointName = keyof ReturnType<typeof securityEndpoints>;

/** The actors of `securityEndpoints`. */
export function securityHttpActors(client: Pick<FoyerClient, SecurityEndpointName>) {
  return {
    forgotPassword: fromPromise(({ input, signal }) => client.forgotPassword(input, { signal })),
    resetPassword: fromPromise(({ input, signal }) => client.resetPassword(input, { signal })),
    changePassword: fromPromise(({ input, signal }) => client.changePassword(input, { signal })),
    listSessions: fromPromise(({ signal }) => client.listSessions({ signal })),
    revokeSession: fromPromise(({ input, signal }) => client.revokeSession(input.id, { signal })),
    revokeOtherSessions: fromPromise(({ signal }) => client.revokeOtherSessions({ signal })),
  } satisfies Partial<AuthActors>;
}
