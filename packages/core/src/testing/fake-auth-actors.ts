/**
 * @module Fake I/O for the auth machines, for tests and stories: each actor answers with the
 * handler you give it, so every machine state can be reached without a server.
 */
import { fromPromise, type InputFrom, type OutputFrom } from 'xstate';
import type { AuthActors, PasskeyCeremonyActors } from '../actors/auth.actors.js';
import { FoyerError } from '../errors.js';

type InputOf<K extends keyof AuthActors> = InputFrom<AuthActors[K]>;
type OutputOf<K extends keyof AuthActors> = OutputFrom<AuthActors[K]>;

/** One async function per actor; the ones left out reject with `network_error`. */
export type FakeAuthHandlers = { [K in keyof AuthActors]?: (input: InputOf<K>) => Promise<OutputOf<K>> };

/**
 * Auth actors answered by plain async functions.
 *
 * @example
 * const actors = createFakeAuthActors({ signIn: async () => { throw new FoyerError('invalid_credentials'); } });
 */
export function createFakeAuthActors(handlers: FakeAuthHandlers = {}): AuthActors {
  const fake = <K extends keyof AuthActors>(name: K) =>
    fromPromise<OutputOf<K>, InputOf<K>>(({ input }) => {
      const handler = handlers[name] as ((input: InputOf<K>) => Promise<OutputOf<K>>) | undefined;
      return handler
        ? handler(input)
        : Promise.reject(new FoyerError('network_error', { message: `No fake for "${name}".` }));
    });
  return {
    signUp: fake('signUp'),
    verifyEmail: fake('verifyEmail'),
    resendVerification: fake('resendVerification'),
    signIn: fake('signIn'),
    getSession: fake('getSession'),
    signOut: fake('signOut'),
    forgotPassword: fake('forgotPassword'),
    resetPassword: fake('resetPassword'),
    changePassword: fake('changePassword'),
    listSessions: fake('listSessions'),
    revokeSession: fake('revokeSession'),
    revokeOtherSessions: fake('revokeOtherSessions'),
    verifyMfa: fake('verifyMfa'),
    stepUp: fake('stepUp'),
    sendMfaSms: fake('sendMfaSms'),
    passkeyAuthenticateOptions: fake('passkeyAuthenticateOptions'),
    passkeyAuthenticateVerify: fake('passkeyAuthenticateVerify'),
    passkeyRegisterOptions: fake('passkeyRegisterOptions'),
    passkeyRegisterVerify: fake('passkeyRegisterVerify'),
    listMfaFactors: fake('listMfaFactors'),
    setupTotp: fake('setupTotp'),
    confirmTotp: fake('confirmTotp'),
    removeMfaFactor: fake('removeMfaFactor'),
    startPhoneSignIn: fake('startPhoneSignIn'),
    verifyPhoneSignIn: fake('verifyPhoneSignIn'),
    requestAccountDeletion: fake('requestAccountDeletion'),
    deleteAccount: fake('deleteAccount'),
  } as AuthActors;
}

/**
 * Fake WebAuthn ceremonies (what `@simplewebauthn/browser` does in a browser): each answers with
 * the handler given; left out, it rejects like a dismissed prompt (`NotAllowedError`).
 *
 * @example
 * createAuthMachines(actors, createFakePasskeyCeremonies({ webauthnAuthenticate: async () => ({ id: 'cred' }) }));
 */
export function createFakePasskeyCeremonies(
  handlers: {
    webauthnAuthenticate?: (
      input: InputFrom<PasskeyCeremonyActors['webauthnAuthenticate']>,
    ) => Promise<Record<string, unknown>>;
    webauthnRegister?: (
      input: InputFrom<PasskeyCeremonyActors['webauthnRegister']>,
    ) => Promise<Record<string, unknown>>;
  } = {},
): PasskeyCeremonyActors {
  const dismissed = () =>
    Promise.reject(
      Object.assign(new Error('The operation either timed out or was not allowed.'), { name: 'NotAllowedError' }),
    );
  return {
    webauthnAuthenticate: fromPromise(({ input }) => (handlers.webauthnAuthenticate ?? dismissed)(input)),
    webauthnRegister: fromPromise(({ input }) => (handlers.webauthnRegister ?? dismissed)(input)),
  };
}

/** A promise that never settles: holds a machine in its `submitting`-like state (stories). */
export function pending<T>(): Promise<T> {
  return new Promise<T>(() => {});
}
