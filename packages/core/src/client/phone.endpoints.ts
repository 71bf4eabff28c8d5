/**
 * @module The client methods of `PHONE_ROUTES` and their machine actors. A bundle that imports only some of these modules carries
 * only their route tables and answer schemas.
 */
import { PHONE_ROUTES } from '../contracts/phone.routes.js';
import { accountPhoneResponseSchema, signInResponseSchema } from '../contracts/index.js';
import { fromPromise } from 'xstate';
import type { AuthActors } from '../actors/auth.actors.js';
import type { EndpointCall } from './endpoint-call.js';
import type { FoyerClient } from './client.js';

/** The methods of `PHONE_ROUTES`: phone sign-in and the account's phone. */
export function phoneEndpoints(call: EndpointCall) {
  return {
    startPhoneSignIn: (body, init) => call(PHONE_ROUTES.startPhoneSignIn, { body }, null, init),
    verifyPhoneSignIn: (body, init) => call(PHONE_ROUTES.verifyPhoneSignIn, { body }, signInResponseSchema, init),
    listAccountPhones: (init) => call(PHONE_ROUTES.listAccountPhones, {}, accountPhoneResponseSchema, init),
    addAccountPhone: (body, init) => call(PHONE_ROUTES.addAccountPhone, { body }, null, init),
    verifyAccountPhone: (body, init) =>
      call(PHONE_ROUTES.verifyAccountPhone, { body }, accountPhoneResponseSchema, init),
    removeAccountPhone: (init) => call(PHONE_ROUTES.removeAccountPhone, {}, null, init),
  } satisfies Pick<
    FoyerClient,
    | 'startPhoneSignIn'
    | 'verifyPhoneSignIn'
    | 'listAccountPhones'
    | 'addAccountPhone'
    | 'verifyAccountPhone'
    | 'removeAccountPhone'
  >;
}

/** The method names of {@link phoneEndpoints}. */
export type PhoneEndpointName = keyof ReturnType<typeof phoneEndpoints>;

/** The actors of `phoneEndpoints`. */
export function phoneHttpActors(client: Pick<FoyerClient, PhoneEndpointName>) {
  return {
    startPhoneSignIn: fromPromise(({ input, signal }) => client.startPhoneSignIn(input, { signal })),
    verifyPhoneSignIn: fromPromise(({ input, signal }) => client.verifyPhoneSignIn(input, { signal })),
  } satisfies Partial<AuthActors>;
}
