/** @module Production actors of the auth machines: each one is a call of the typed client. */
import { fromPromise } from 'xstate';
import type { AuthActors } from '../actors/auth.actors.js';
import type { OnboardingActors } from '../actors/onboarding.actors.js';
import type { FoyerClient } from './client.js';

/**
 * The machines' I/O actors backed by the HTTP client. Aborting (the machine leaving the state)
 * aborts the request.
 *
 * @example
 * const machines = createAuthMachines(createHttpActors(createFoyerClient({ baseUrl: '' })));
 */
export function createHttpActors(client: FoyerClient): AuthActors {
  return {
    signUp: fromPromise(({ input, signal }) => client.signUp(input, { signal })),
    verifyEmail: fromPromise(({ input, signal }) => client.verifyEmail(input, { signal })),
    resendVerification: fromPromise(({ input, signal }) => client.resendVerification(input, { signal })),
    signIn: fromPromise(({ input, signal }) => client.signIn(input, { signal })),
    getSession: fromPromise(({ signal }) => client.getSession({ signal })),
    signOut: fromPromise(({ signal }) => client.signOut({ signal })),
    forgotPassword: fromPromise(({ input, signal }) => client.forgotPassword(input, { signal })),
    resetPassword: fromPromise(({ input, signal }) => client.resetPassword(input, { signal })),
    changePassword: fromPromise(({ input, signal }) => client.changePassword(input, { signal })),
    listSessions: fromPromise(({ signal }) => client.listSessions({ signal })),
    revokeSession: fromPromise(({ input, signal }) => client.revokeSession(input.id, { signal })),
    revokeOtherSessions: fromPromise(({ signal }) => client.revokeOtherSessions({ signal })),
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
    startPhoneSignIn: fromPromise(({ input, signal }) => client.startPhoneSignIn(input, { signal })),
    verifyPhoneSignIn: fromPromise(({ input, signal }) => client.verifyPhoneSignIn(input, { signal })),
    requestAccountDeletion: fromPromise(({ signal }) => client.requestAccountDeletion({ signal })),
    deleteAccount: fromPromise(({ input, signal }) => client.deleteAccount(input, { signal })),
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
