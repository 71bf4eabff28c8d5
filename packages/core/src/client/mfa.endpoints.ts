/**
 * @module The client methods of `MFA_ROUTES` and their machine actors. A bundle that imports only some of these modules carries
 * only their route tables and answer schemas.
 */
import { MFA_ROUTES } from '../contracts/mfa.routes.js';
import {
  mfaFactorsResponseSchema,
  passkeyRegisteredResponseSchema,
  recoveryCodesResponseSchema,
  stepUpResponseSchema,
  totpSetupResponseSchema,
  userResponseSchema,
  webauthnOptionsSchema,
} from '../contracts/index.js';
import { fromPromise } from 'xstate';
import type { AuthActors } from '../actors/auth.actors.js';
import type { EndpointCall } from './endpoint-call.js';
import type { FoyerClient } from './client.js';

/** The methods of `MFA_ROUTES`: second factors, step-up, passkeys. */
export function mfaEndpoints(call: EndpointCall) {
  return {
    listMfaFactors: (init) => call(MFA_ROUTES.listFactors, {}, mfaFactorsResponseSchema, init),
    setupTotp: (init) => call(MFA_ROUTES.totpSetup, {}, totpSetupResponseSchema, init),
    confirmTotp: (body, init) => call(MFA_ROUTES.totpConfirm, { body }, recoveryCodesResponseSchema, init),
    removeMfaFactor: (id, init) => call(MFA_ROUTES.removeFactor, { params: { id } }, null, init),
    verifyMfa: (body, init) => call(MFA_ROUTES.verify, { body }, userResponseSchema, init),
    stepUp: (body, init) => call(MFA_ROUTES.stepUp, { body }, stepUpResponseSchema, init),
    sendMfaSms: (init) => call(MFA_ROUTES.smsSend, {}, null, init),
    passkeyRegisterOptions: (init) => call(MFA_ROUTES.passkeyRegisterOptions, {}, webauthnOptionsSchema, init),
    passkeyRegisterVerify: (body, init) =>
      call(MFA_ROUTES.passkeyRegisterVerify, { body }, passkeyRegisteredResponseSchema, init),
    passkeyAuthenticateOptions: (body, init) =>
      call(MFA_ROUTES.passkeyAuthenticateOptions, { body: body ?? {} }, webauthnOptionsSchema, init),
    passkeyAuthenticateVerify: (body, init) =>
      call(MFA_ROUTES.passkeyAuthenticateVerify, { body }, userResponseSchema, init),
  } satisfies Pick<
    FoyerClient,
    | 'listMfaFactors'
    | 'setupTotp'
    | 'confirmTotp'
    | 'removeMfaFactor'
    | 'verifyMfa'
    | 'stepUp'
    | 'sendMfaSms'
    | 'passkeyRegisterOptions'
    | 'passkeyRegisterVerify'
    | 'passkeyAuthenticateOptions'
    | 'passkeyAuthenticateVerify'
  >;
}

/** The method names of {@link mfaEndpoints}. */
export type MfaEndpointName = keyof ReturnType<typeof mfaEndpoints>;

/** The actors of `mfaEndpoints`. */
export function mfaHttpActors(client: Pick<FoyerClient, MfaEndpointName>) {
  return {
    verifyMfa: fromPromise(({ input, signal }) => client.verifyMfa(input, { signal })),
    stepUp: fromPromise(({ input, signal }) => client.stepUp(input, { signal })),
    sendMfaSms: fromPromise(({ signal }) => client.sendMfaSms({ signal })),
    passkeyAuthenticateOptions: fromPromise(({ input, signal }) =>
      client.passkeyAuthenticateOptions(input, { signal }),
    ),
    passkeyAuthenticateVerify: fromPromise(({ input, signal }) => client.passkeyAuthenticateVerify(input, { signal })),
    passkeyRegisterOptions: fromPromise(({ signal }) => client.passkeyRegisterOptions({ signal })),
    passkeyRegisterVerify: fromPromise(({ input, signal }) => client.passkeyRegisterVerify(input, { signal })),
    listMfaFactors: fromPromise(({ signal }) => client.listMfaFactors({ signal })),
    setupTotp: fromPromise(({ signal }) => client.setupTotp({ signal })),
    confirmTotp: fromPromise(({ input, signal }) => client.confirmTotp(input, { signal })),
    removeMfaFactor: fromPromise(({ input, signal }) => client.removeMfaFactor(input.id, { signal })),
  } satisfies Partial<AuthActors>;
}
