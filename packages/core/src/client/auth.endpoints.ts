/**
 * @module The client methods of `AUTH_ROUTES` and their machine actors. A bundle that imports only some of these modules carries
 * only their route tables and answer schemas.
 */
import { AUTH_ROUTES } from '../contracts/auth.routes.js';
import {
  sessionResponseSchema,
  signInResponseSchema,
  signUpResponseSchema,
  userResponseSchema,
} from '../contracts/index.js';
import { FoyerError } from '../errors.js';
import { fromPromise } from 'xstate';
import type { AuthActors } from '../actors/auth.actors.js';
import type { EndpointCall } from './endpoint-call.js';
import type { FoyerClient } from './client.js';

/** The methods of `AUTH_ROUTES`: sign-up, verification, sign-in, session, sign-out. */
export function authEndpoints(call: EndpointCall) {
  return {
    signUp: (body, init) => call(AUTH_ROUTES.signUp, { body }, signUpResponseSchema, init),
    verifyEmail: (body, init) => call(AUTH_ROUTES.verifyEmail, { body }, userResponseSchema, init),
    resendVerification: (body, init) => call(AUTH_ROUTES.resendVerification, { body }, null, init),
    signIn: (body, init) => call(AUTH_ROUTES.signIn, { body }, signInResponseSchema, init),
    async getSession(init) {
      try {
        return await call(AUTH_ROUTES.session, {}, sessionResponseSchema, init);
      } catch (error) {
        // Signed out is an answer, not a failure — unless a second factor is pending (details.mfaPending).
        if (error instanceof FoyerError && error.code === 'unauthenticated' && !error.details?.mfaPending) return null;
        throw error;
      }
    },
    signOut: (init) => call(AUTH_ROUTES.signOut, {}, null, init),
  } satisfies Pick<FoyerClient, 'signUp' | 'verifyEmail' | 'resendVerification' | 'signIn' | 'getSession' | 'signOut'>;
}

/** The method names of {@link authEndpoints}. */
export type AuthEndpointName = keyof ReturnType<typeof authEndpoints>;

/** The actors of `authEndpoints`. */
export function authHttpActors(client: Pick<FoyerClient, AuthEndpointName>) {
  return {
    signUp: fromPromise(({ input, signal }) => client.signUp(input, { signal })),
    verifyEmail: fromPromise(({ input, signal }) => client.verifyEmail(input, { signal })),
    resendVerification: fromPromise(({ input, signal }) => client.resendVerification(input, { signal })),
    signIn: fromPromise(({ input, signal }) => client.signIn(input, { signal })),
    getSession: fromPromise(({ signal }) => client.getSession({ signal })),
    signOut: fromPromise(({ signal }) => client.signOut({ signal })),
  } satisfies Partial<AuthActors>;
}
