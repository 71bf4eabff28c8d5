/** @module Wires one set of I/O actors into every auth machine, nested children included. */
import type { AuthActors } from '../actors/auth.actors.js';
import { changePasswordMachine } from '../change-password/change-password.machine.js';
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
export function createAuthMachines(actors: AuthActors) {
  const verifyEmail = verifyEmailMachine.provide({
    actors: { verifyEmail: actors.verifyEmail, resendVerification: actors.resendVerification },
  });
  const changePassword = changePasswordMachine.provide({ actors: { changePassword: actors.changePassword } });
  const signIn = signInMachine.provide({
    actors: { signIn: actors.signIn, verifyEmailMachine: verifyEmail, changePasswordMachine: changePassword },
  });
  const signUp = signUpMachine.provide({ actors: { signUp: actors.signUp, verifyEmailMachine: verifyEmail } });
  const resetPassword = resetPasswordMachine.provide({
    actors: { forgotPassword: actors.forgotPassword, resetPassword: actors.resetPassword },
  });
  const auth = authMachine.provide({
    actors: {
      getSession: actors.getSession,
      signOut: actors.signOut,
      signInMachine: signIn,
      signUpMachine: signUp,
      resetPasswordMachine: resetPassword,
    },
  });
  const sessions = sessionsMachine.provide({
    actors: { listSessions: actors.listSessions, revokeSession: actors.revokeSession, revokeOtherSessions: actors.revokeOtherSessions },
  });
  return { verifyEmail, signIn, signUp, auth, changePassword, resetPassword, sessions };
}

/** The provided machines returned by {@link createAuthMachines}. */
export type AuthMachines = ReturnType<typeof createAuthMachines>;
