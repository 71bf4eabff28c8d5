/**
 * @module Wires I/O actors into the auth machines, nested children included: one function per
 * machine beside the machine itself (`provideSignInMachine` in sign-in.machine.ts: each builds only
 * the machines it contains, so a bundle carries only those) and `createAuthMachines` for all of
 * them at once.
 */
import type { AuthActors, PasskeyCeremonyActors } from '../actors/auth.actors.js';
import { provideAccountDeletionMachine } from '../account-deletion/account-deletion.machine.js';
import { provideChangePasswordMachine } from '../change-password/change-password.machine.js';
import { provideMfaChallengeMachine } from '../mfa-challenge/mfa-challenge.machine.js';
import { provideMfaSetupMachine } from '../mfa-setup/mfa-setup.machine.js';
import { providePasskeyMachine } from '../passkey/passkey.machine.js';
import { providePhoneSignInMachine } from '../phone-sign-in/phone-sign-in.machine.js';
import { provideResetPasswordMachine } from '../reset-password/reset-password.machine.js';
import { provideSessionsMachine } from '../sessions/sessions.machine.js';
import { provideSignInMachine } from '../sign-in/sign-in.machine.js';
import { provideSignUpMachine } from '../sign-up/sign-up.machine.js';
import { provideStepUpMachine } from '../step-up/step-up.machine.js';
import { provideVerifyEmailMachine } from '../verify-email/verify-email.machine.js';
import { provideAuthMachine } from './auth.machine.js';

/**
 * Every auth machine with its I/O provided. `machine.provide()` does not reach into child
 * machines, so each `provide…Machine` builds its children bottom-up: the verification machine
 * inside sign-in and sign-up, those and the reset machine inside the auth machine. A bundle that
 * needs only some machines should call those functions instead: this one carries them all.
 *
 * @example
 * const { signIn } = createAuthMachines(createHttpActors(createFoyerClient()));
 * createActor(signIn).start();
 */
export function createAuthMachines(actors: AuthActors, ceremonies: Partial<PasskeyCeremonyActors> = {}) {
  return {
    verifyEmail: provideVerifyEmailMachine(actors),
    signIn: provideSignInMachine(actors, ceremonies),
    signUp: provideSignUpMachine(actors),
    auth: provideAuthMachine(actors, ceremonies),
    changePassword: provideChangePasswordMachine(actors),
    resetPassword: provideResetPasswordMachine(actors, ceremonies),
    sessions: provideSessionsMachine(actors),
    phoneSignIn: providePhoneSignInMachine(actors),
    accountDeletion: provideAccountDeletionMachine(actors),
    mfaChallenge: provideMfaChallengeMachine(actors, ceremonies),
    stepUp: provideStepUpMachine(actors, ceremonies),
    passkey: providePasskeyMachine(actors, ceremonies),
    mfaSetup: provideMfaSetupMachine(actors, ceremonies),
  };
}

/** The provided machines returned by {@link createAuthMachines}. */
export type AuthMachines = ReturnType<typeof createAuthMachines>;
