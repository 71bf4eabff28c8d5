/** @module Wires one set of I/O actors into every auth machine, nested children included. */
import { passkeyCeremonyPlaceholders, type AuthActors, type PasskeyCeremonyActors } from '../actors/auth.actors.js';
import { mfaChallengeMachine } from '../mfa-challenge/mfa-challenge.machine.js';
import { passkeyMachine } from '../passkey/passkey.machine.js';
import { stepUpMachine } from '../step-up/step-up.machine.js';
import { mfaSetupMachine } from '../mfa-setup/mfa-setup.machine.js';
import { accountDeletionMachine } from '../account-deletion/account-deletion.machine.js';
import { changePasswordMachine } from '../change-password/change-password.machine.js';
import { phoneSignInMachine } from '../phone-sign-in/phone-sign-in.machine.js';
import { resetPasswordMachine } from '../reset-password/reset-password.machine.js';
import { sessionsMachine } from '../sessions/sessions.machine.js';
import { signInMachine } from '../sign-in/sign-in.machine.js';
import { signUpMachine } from '../sign-up/sign-up.machine.js';
import { verifyEmailMachine } from '../verify-email/verify-email.machine.js';
import { authMachine } from './auth.machine.js';

/**
 * The auth machines with their I/O provided. `machine.provide()` does not reach into child
 * machines, so this builds them bottom-up: the verification machine inside sign-in and sign-up,
 * those and the reset machine inside the auth machine.
 *
 * @example
 * const { signIn } = createAuthMachines(createHttpActors(createFoyerClient()));
 * createActor(signIn).start();
 */
export function createAuthMachines(actors: AuthActors, ceremonies: Partial<PasskeyCeremonyActors> = {}) {
  const webauthn = { ...passkeyCeremonyPlaceholders, ...ceremonies };
  const mfaChallenge = mfaChallengeMachine.provide({
    actors: {
      verifyMfa: actors.verifyMfa,
      sendMfaSms: actors.sendMfaSms,
      passkeyAuthenticateOptions: actors.passkeyAuthenticateOptions,
      webauthnAuthenticate: webauthn.webauthnAuthenticate,
    },
  });
  const stepUp = stepUpMachine.provide({
    actors: {
      stepUp: actors.stepUp,
      sendMfaSms: actors.sendMfaSms,
      passkeyAuthenticateOptions: actors.passkeyAuthenticateOptions,
      webauthnAuthenticate: webauthn.webauthnAuthenticate,
    },
  });
  const passkey = passkeyMachine.provide({
    actors: {
      passkeyRegisterOptions: actors.passkeyRegisterOptions,
      passkeyRegisterVerify: actors.passkeyRegisterVerify,
      passkeyAuthenticateOptions: actors.passkeyAuthenticateOptions,
      passkeyAuthenticateVerify: actors.passkeyAuthenticateVerify,
      webauthnRegister: webauthn.webauthnRegister,
      webauthnAuthenticate: webauthn.webauthnAuthenticate,
    },
  });
  const verifyEmail = verifyEmailMachine.provide({
    actors: { verifyEmail: actors.verifyEmail, resendVerification: actors.resendVerification },
  });
  const changePassword = changePasswordMachine.provide({ actors: { changePassword: actors.changePassword } });
  const mfaSetup = mfaSetupMachine.provide({
    actors: {
      listMfaFactors: actors.listMfaFactors,
      setupTotp: actors.setupTotp,
      confirmTotp: actors.confirmTotp,
      removeMfaFactor: actors.removeMfaFactor,
      passkeyRegisterOptions: actors.passkeyRegisterOptions,
      passkeyRegisterVerify: actors.passkeyRegisterVerify,
      webauthnRegister: webauthn.webauthnRegister,
    },
  });
  const signIn = signInMachine.provide({
    actors: {
      signIn: actors.signIn,
      verifyEmailMachine: verifyEmail,
      changePasswordMachine: changePassword,
      mfaChallengeMachine: mfaChallenge,
    },
  });
  const signUp = signUpMachine.provide({ actors: { signUp: actors.signUp, verifyEmailMachine: verifyEmail } });
  const resetPassword = resetPasswordMachine.provide({
    actors: {
      forgotPassword: actors.forgotPassword,
      resetPassword: actors.resetPassword,
      mfaChallengeMachine: mfaChallenge,
    },
  });
  const auth = authMachine.provide({
    actors: {
      getSession: actors.getSession,
      signOut: actors.signOut,
      mfaChallengeMachine: mfaChallenge,
      signInMachine: signIn,
      signUpMachine: signUp,
      resetPasswordMachine: resetPassword,
    },
  });
  const sessions = sessionsMachine.provide({
    actors: {
      listSessions: actors.listSessions,
      revokeSession: actors.revokeSession,
      revokeOtherSessions: actors.revokeOtherSessions,
    },
  });
  const phoneSignIn = phoneSignInMachine.provide({
    actors: { startPhoneSignIn: actors.startPhoneSignIn, verifyPhoneSignIn: actors.verifyPhoneSignIn },
  });
  const accountDeletion = accountDeletionMachine.provide({
    actors: { requestAccountDeletion: actors.requestAccountDeletion, deleteAccount: actors.deleteAccount },
  });
  return {
    verifyEmail,
    signIn,
    signUp,
    auth,
    changePassword,
    resetPassword,
    sessions,
    phoneSignIn,
    accountDeletion,
    mfaChallenge,
    stepUp,
    passkey,
    mfaSetup,
  };
}

/** The provided machines returned by {@link createAuthMachines}. */
export type AuthMachines = ReturnType<typeof createAuthMachines>;
