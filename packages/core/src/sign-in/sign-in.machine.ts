/**
 * @module Email + password sign-in, with every answer the server's defences can give: a CAPTCHA
 * after repeated failures or a risky request, a temporary lock, an unverified email (continues
 * into verification), and a password found in a breach since (continues into a password change).
 */
import { assertEvent, assign, setup } from 'xstate';
import { authActorPlaceholders, type AuthActors, type PasskeyCeremonyActors } from '../actors/auth.actors.js';
import { provideVerifyEmailMachine } from '../verify-email/verify-email.machine.js';
import { provideChangePasswordMachine } from '../change-password/change-password.machine.js';
import { provideMfaChallengeMachine } from '../mfa-challenge/mfa-challenge.machine.js';
import { changePasswordMachine } from '../change-password/change-password.machine.js';
import { fieldErrorsOf, signInRequestSchema, type CaptchaRequiredDetails, type User } from '../contracts/index.js';
import { errorOfEvent, type FoyerErrorBody } from '../errors.js';
import { verifyEmailMachine } from '../verify-email/verify-email.machine.js';
import { mfaChallengeMachine } from '../mfa-challenge/mfa-challenge.machine.js';
import type { MfaMethod } from '../contracts/index.js';

/** Input of {@link signInMachine}. */
export interface SignInInput {
  /** Pre-fills the email (e.g. after sign-up on another tab). */
  email?: string;
}

/** A temporary lock of the identity. */
export interface SignInLock {
  /** ISO time the lock ends. */
  lockedUntil: string;
  /** Seconds from the answer until it ends. */
  retryAfter: number;
  /** The owner was emailed an unlock link. */
  unlockEmailSent: boolean;
}

/** Context of {@link signInMachine}. The password is never kept here. */
export interface SignInContext {
  email: string;
  error: FoyerErrorBody | null;
  fieldErrors: Record<string, string>;
  /** Which CAPTCHA to show, once one is required. */
  captcha: CaptchaRequiredDetails['captcha'] | null;
  lock: SignInLock | null;
  /** Tries left before a CAPTCHA or a lock, when the server says few remain. */
  attemptsLeft: number | null;
  user: User | null;
  /** The second factors offered, once the password was right and the account has MFA. */
  mfaFactors: MfaMethod[];
  /** When `mfaFactors` has `sms`: the masked number (`•••• 71`). */
  mfaPhoneHint: string | null;
}

/** Events of {@link signInMachine}. */
export type SignInEvent =
  | { type: 'credentials.submit'; email: string; password: string; captcha?: string }
  | { type: 'verification.cancel' }
  | { type: 'mfa.cancel' };

/**
 * States: `editing` → `submitting` → `done`; from `submitting`: `captchaRequired` (428),
 * `locked` (423, back to `editing` when the lock ends), `verifyingEmail` (child `verifyEmail`),
 * `changingPassword` (child `changePassword`, when the password has since been breached),
 * `mfaRequired` (child `mfaChallenge`, when the account has a second factor).
 * Output: `{ user }`.
 *
 * @example
 * const actor = createActor(signInMachine.provide({ actors })).start();
 * actor.send({ type: 'credentials.submit', email, password });
 */
export const signInMachine = setup({
  types: {
    // Child actors by id, so `snapshot.children.<id>` is typed as that machine.
    children: {} as {
      verifyEmail: 'verifyEmailMachine';
      changePassword: 'changePasswordMachine';
      mfaChallenge: 'mfaChallengeMachine';
    },
    context: {} as SignInContext,
    input: {} as SignInInput,
    events: {} as SignInEvent,
    output: {} as { user: User },
  },
  actors: {
    signIn: authActorPlaceholders.signIn,
    verifyEmailMachine,
    changePasswordMachine,
    mfaChallengeMachine,
  },
  delays: {
    lockEnds: ({ context }) => Math.max(0, new Date(context.lock?.lockedUntil ?? 0).getTime() - Date.now()),
  },
  guards: {
    isInputValid: ({ event }) => {
      assertEvent(event, 'credentials.submit');
      return signInRequestSchema.safeParse({ email: event.email, password: event.password }).success;
    },
    hasCaptchaSolution: ({ event }) => {
      assertEvent(event, 'credentials.submit');
      return Boolean(event.captcha);
    },
    isEmailNotVerified: ({ event }) => errorOfEvent(event).code === 'email_not_verified',
    isCaptchaRequired: ({ event }) => ['captcha_required', 'captcha_invalid'].includes(errorOfEvent(event).code),
    isLocked: ({ event }) => errorOfEvent(event).code === 'account_locked',
    isMfaRequired: ({ event }) => (event as { output?: { mfaRequired?: boolean } }).output?.mfaRequired === true,
    mustChangePassword: ({ event }) =>
      (event as { output?: { passwordChangeRequired?: boolean } }).output?.passwordChangeRequired === true,
  },
  actions: {
    assignInputErrors: assign(({ event }) => {
      assertEvent(event, 'credentials.submit');
      const result = signInRequestSchema.safeParse({ email: event.email, password: event.password });
      return { email: event.email, error: null, fieldErrors: result.success ? {} : fieldErrorsOf(result.error) };
    }),
    assignCaptchaMissing: assign({ error: null, fieldErrors: { captcha: 'Complete the human check.' } }),
    assignEmail: assign(({ event }) => {
      assertEvent(event, 'credentials.submit');
      return { email: event.email.trim().toLowerCase(), error: null, fieldErrors: {} };
    }),
    assignServerError: assign(({ event }) => {
      const error = errorOfEvent(event);
      const attemptsLeft = typeof error.details?.attemptsLeft === 'number' ? error.details.attemptsLeft : null;
      return { error, fieldErrors: error.fields ?? {}, attemptsLeft };
    }),
    assignCaptcha: assign(({ event }) => {
      const error = errorOfEvent(event);
      const captcha = (error.details as CaptchaRequiredDetails | undefined)?.captcha ?? { provider: 'altcha' as const };
      return { error: error.code === 'captcha_invalid' ? error : null, captcha, fieldErrors: {} };
    }),
    assignLock: assign(({ event }) => {
      const error = errorOfEvent(event);
      const retryAfter = error.retryAfter ?? 900;
      const details = (error.details ?? {}) as Partial<SignInLock>;
      return {
        error,
        lock: {
          retryAfter,
          lockedUntil: details.lockedUntil ?? new Date(Date.now() + retryAfter * 1000).toISOString(),
          unlockEmailSent: details.unlockEmailSent ?? false,
        },
      };
    }),
    assignUser: assign(({ event }) => ({
      user: (event as unknown as { output: { user: User } }).output.user,
      error: null,
      lock: null,
      captcha: null,
    })),
  },
}).createMachine({
  id: 'signIn',
  context: ({ input }) => ({
    email: input.email ?? '',
    error: null,
    fieldErrors: {},
    captcha: null,
    lock: null,
    attemptsLeft: null,
    user: null,
    mfaFactors: [],
    mfaPhoneHint: null,
  }),
  initial: 'editing',
  states: {
    editing: {
      on: {
        'credentials.submit': [
          { guard: 'isInputValid', target: 'submitting', actions: 'assignEmail' },
          { actions: 'assignInputErrors' },
        ],
      },
    },
    captchaRequired: {
      on: {
        'credentials.submit': [
          { guard: 'hasCaptchaSolution', target: 'submitting', actions: 'assignEmail' },
          { actions: 'assignCaptchaMissing' },
        ],
      },
    },
    locked: {
      after: { lockEnds: { target: 'editing', actions: assign({ lock: null, error: null }) } },
      on: {
        // The server decides: a known device, or a lock lifted by email, may sign in.
        'credentials.submit': { guard: 'isInputValid', target: 'submitting', actions: 'assignEmail' },
      },
    },
    submitting: {
      invoke: {
        src: 'signIn',
        input: ({ event }) => {
          assertEvent(event, 'credentials.submit');
          return { email: event.email, password: event.password, ...(event.captcha ? { captcha: event.captcha } : {}) };
        },
        onDone: [
          {
            guard: 'isMfaRequired',
            target: 'mfaRequired',
            actions: assign(({ event }) => ({
              mfaFactors: (event.output as { factors: MfaMethod[] }).factors,
              mfaPhoneHint: (event.output as { phoneHint?: string }).phoneHint ?? null,
              error: null,
              lock: null,
              captcha: null,
            })),
          },
          { guard: 'mustChangePassword', target: 'changingPassword', actions: 'assignUser' },
          { target: 'done', actions: 'assignUser' },
        ],
        onError: [
          { guard: 'isEmailNotVerified', target: 'verifyingEmail' },
          { guard: 'isCaptchaRequired', target: 'captchaRequired', actions: 'assignCaptcha' },
          { guard: 'isLocked', target: 'locked', actions: 'assignLock' },
          { target: 'editing', actions: 'assignServerError' },
        ],
      },
    },
    verifyingEmail: {
      invoke: {
        id: 'verifyEmail',
        src: 'verifyEmailMachine',
        // The server sent a fresh code with its email_not_verified answer.
        input: ({ context }) => ({ email: context.email, sendCode: false }),
        onDone: { target: 'done', actions: assign({ user: ({ event }) => event.output.user }) },
      },
      on: { 'verification.cancel': 'editing' },
    },
    mfaRequired: {
      invoke: {
        id: 'mfaChallenge',
        src: 'mfaChallengeMachine',
        input: ({ context }) => ({ factors: context.mfaFactors, phoneHint: context.mfaPhoneHint }),
        onDone: { target: 'done', actions: assign({ user: ({ event }) => event.output.user }) },
      },
      // Back to the password (e.g. the pending sign-in expired).
      on: { 'mfa.cancel': { target: 'editing', actions: assign({ mfaFactors: [] }) } },
    },
    changingPassword: {
      invoke: {
        id: 'changePassword',
        src: 'changePasswordMachine',
        input: ({ context }) => ({ email: context.email, required: true }),
        // Signed in either way; changing now or later is the person's choice.
        onDone: 'done',
      },
    },
    done: { type: 'final' },
  },
  output: ({ context }) => ({ user: context.user as User }),
});

/** What {@link provideSignInMachine} needs. */
export type SignInMachineActors = Pick<AuthActors, 'signIn' | 'verifyEmail' | 'resendVerification' | 'changePassword'> &
  Parameters<typeof provideMfaChallengeMachine>[0];

/**
 * The sign-in machine with its children (verification, forced password change, second factor).
 *
 * @example
 * const signIn = provideSignInMachine({ ...authHttpActors(client), ...securityHttpActors(client), ...mfaHttpActors(client) });
 */
export function provideSignInMachine(actors: SignInMachineActors, ceremonies: Partial<PasskeyCeremonyActors> = {}) {
  return signInMachine.provide({
    actors: {
      signIn: actors.signIn,
      verifyEmailMachine: provideVerifyEmailMachine(actors),
      changePasswordMachine: provideChangePasswordMachine(actors),
      mfaChallengeMachine: provideMfaChallengeMachine(actors, ceremonies),
    },
  });
}
