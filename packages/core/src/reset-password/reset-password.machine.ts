/**
 * @module Password reset: ask for a code by email, then enter the code with a new password (rated
 * live by the child `strength`) — or, arriving from the email's link, only the new password.
 * Done when the server has set it and signed this device in — for an account with MFA, after the
 * second factor (`mfaRequired`, child `mfaChallenge`).
 */
import { assertEvent, assign, sendTo, setup } from 'xstate';
import { authActorPlaceholders, type AuthActors, type PasskeyCeremonyActors } from '../actors/auth.actors.js';
import { provideMfaChallengeMachine } from '../mfa-challenge/mfa-challenge.machine.js';
import { codeSchema, emailSchema, fieldErrorsOf, passwordSchema, type User } from '../contracts/index.js';
import { errorOfEvent, type FoyerErrorBody } from '../errors.js';
import { passwordErrorFields } from '../password-strength/password-error-fields.js';
import { isPasswordAcceptable, passwordStrengthMachine } from '../password-strength/password-strength.machine.js';
import { mfaChallengeMachine } from '../mfa-challenge/mfa-challenge.machine.js';
import type { MfaMethod } from '../contracts/index.js';

/** Input of {@link resetPasswordMachine}. */
export interface ResetPasswordInput {
  /** Pre-fills the email. */
  email?: string;
  /** The token from the email's link: skips straight to choosing a password. */
  token?: string;
}

/** Context of {@link resetPasswordMachine}. Passwords and codes are never kept here. */
export interface ResetPasswordContext {
  email: string;
  token: string | null;
  error: FoyerErrorBody | null;
  fieldErrors: Record<string, string>;
  notice: 'code_sent' | null;
  passwordAcceptable: boolean | null;
  user: User | null;
}

/** Events of {@link resetPasswordMachine}. */
export type ResetPasswordEvent =
  | { type: 'reset.request'; email: string }
  | { type: 'reset.submit'; code?: string; password: string }
  | { type: 'code.resend' }
  | { type: 'reset.restart' }
  | { type: 'password.focus' }
  | { type: 'password.input'; password: string };

/**
 * States: `requesting` → `sendingRequest` → `awaitingCode` → `resetting` → `done`; with a link
 * token, `choosingPassword` → `resetting` → `done`. Output: `{ user }`.
 *
 * @example
 * actor.send({ type: 'reset.request', email });
 * actor.send({ type: 'reset.submit', code: '123456', password: 'a new passphrase' });
 */
export const resetPasswordMachine = setup({
  types: {
    context: {} as ResetPasswordContext,
    input: {} as ResetPasswordInput,
    events: {} as ResetPasswordEvent,
    output: {} as { user: User },
  },
  actors: {
    forgotPassword: authActorPlaceholders.forgotPassword,
    resetPassword: authActorPlaceholders.resetPassword,
    passwordStrengthMachine,
    mfaChallengeMachine,
  },
  guards: {
    hasToken: ({ context }) => context.token !== null,
    isEmailValid: ({ event }) => {
      assertEvent(event, 'reset.request');
      return emailSchema.safeParse(event.email).success;
    },
    isResetValid: ({ context, event }) => Object.keys(resetErrors(context, event)).length === 0,
  },
  actions: {
    assignEmailError: assign(({ event }) => {
      assertEvent(event, 'reset.request');
      const result = emailSchema.safeParse(event.email);
      const fieldErrors: Record<string, string> = {};
      if (!result.success) fieldErrors.email = fieldErrorsOf(result.error)['_'] ?? 'Enter a valid email address.';
      return { error: null, fieldErrors };
    }),
    assignResetErrors: assign(({ context, event }) => ({ error: null, fieldErrors: resetErrors(context, event) })),
    forwardToStrength: sendTo('strength', ({ event }) => event as { type: 'password.focus' }),
    assignServerError: assign(({ event }) => {
      const error = errorOfEvent(event);
      const fieldErrors = passwordErrorFields(error, { password: 'password' });
      if (error.code === 'invalid_code') fieldErrors.code = error.message;
      return { error, fieldErrors, notice: null };
    }),
  },
}).createMachine({
  id: 'resetPassword',
  context: ({ input }) => ({
    email: input.email ?? '',
    token: input.token ?? null,
    error: null,
    fieldErrors: {},
    notice: null,
    passwordAcceptable: null,
    user: null,
  }),
  invoke: {
    id: 'strength',
    src: 'passwordStrengthMachine',
    input: ({ context }) => ({ context: { email: context.email } }),
    onSnapshot: {
      actions: assign({ passwordAcceptable: ({ event }) => isPasswordAcceptable(event.snapshot.context) }),
    },
  },
  on: {
    'password.focus': { actions: 'forwardToStrength' },
    'password.input': { actions: 'forwardToStrength' },
  },
  initial: 'starting',
  states: {
    starting: {
      always: [{ guard: 'hasToken', target: 'choosingPassword' }, { target: 'requesting' }],
    },
    requesting: {
      on: {
        'reset.request': [
          {
            guard: 'isEmailValid',
            target: 'sendingRequest',
            actions: assign(({ event }) => ({ email: event.email.trim().toLowerCase(), error: null, fieldErrors: {} })),
          },
          { actions: 'assignEmailError' },
        ],
      },
    },
    sendingRequest: {
      invoke: {
        src: 'forgotPassword',
        input: ({ context }) => ({ email: context.email }),
        onDone: { target: 'awaitingCode', actions: assign({ notice: 'code_sent', error: null }) },
        onError: { target: 'requesting', actions: 'assignServerError' },
      },
    },
    awaitingCode: {
      on: {
        'reset.submit': [{ guard: 'isResetValid', target: 'resetting' }, { actions: 'assignResetErrors' }],
        'code.resend': { target: 'sendingRequest', actions: assign({ error: null, fieldErrors: {} }) },
        'reset.restart': { target: 'requesting', actions: assign({ error: null, fieldErrors: {}, notice: null }) },
      },
    },
    choosingPassword: {
      on: {
        'reset.submit': [{ guard: 'isResetValid', target: 'resetting' }, { actions: 'assignResetErrors' }],
        // A dead link: fall back to asking for a code.
        'reset.restart': { target: 'requesting', actions: assign({ token: null, error: null, fieldErrors: {} }) },
      },
    },
    resetting: {
      invoke: {
        src: 'resetPassword',
        input: ({ context, event }) => {
          assertEvent(event, 'reset.submit');
          return context.token !== null
            ? { token: context.token, password: event.password }
            : { email: context.email, code: event.code ?? '', password: event.password };
        },
        onDone: [
          // An account with MFA: the password is set, but signing in needs the second factor.
          {
            guard: ({ event }) => 'mfaRequired' in event.output,
            target: 'mfaRequired',
            actions: assign({ error: null }),
          },
          {
            target: 'done',
            actions: assign({ user: ({ event }) => ('user' in event.output ? event.output.user : null), error: null }),
          },
        ],
        onError: [
          { guard: 'hasToken', target: 'choosingPassword', actions: 'assignServerError' },
          { target: 'awaitingCode', actions: 'assignServerError' },
        ],
      },
    },
    mfaRequired: {
      invoke: {
        id: 'mfaChallenge',
        src: 'mfaChallengeMachine',
        input: ({ event }) => ({
          factors: ((event as unknown as { output: { factors?: MfaMethod[] } }).output.factors ?? []) as MfaMethod[],
          phoneHint: (event as unknown as { output: { phoneHint?: string } }).output.phoneHint ?? null,
        }),
        onDone: { target: 'done', actions: assign({ user: ({ event }) => event.output.user }) },
      },
    },
    done: { type: 'final' },
  },
  output: ({ context }) => ({ user: context.user as User }),
});

function resetErrors(context: ResetPasswordContext, event: ResetPasswordEvent): Record<string, string> {
  assertEvent(event, 'reset.submit');
  const fields: Record<string, string> = {};
  if (context.token === null) {
    const code = codeSchema.safeParse(event.code ?? '');
    if (!code.success) fields.code = fieldErrorsOf(code.error)['_'] ?? 'Enter the 6-digit code.';
  }
  const password = passwordSchema.safeParse(event.password);
  if (!password.success) fields.password = fieldErrorsOf(password.error)['_'] ?? 'Choose a new password.';
  else if (context.passwordAcceptable === false) fields.password = 'Choose a stronger password.';
  return fields;
}

/** What {@link provideResetPasswordMachine} needs. */
export type ResetPasswordMachineActors = Pick<AuthActors, 'forgotPassword' | 'resetPassword'> &
  Parameters<typeof provideMfaChallengeMachine>[0];

/**
 * The password-reset machine with its second-factor child.
 *
 * @example
 * const resetPassword = provideResetPasswordMachine({ ...securityHttpActors(client), ...mfaHttpActors(client) });
 */
export function provideResetPasswordMachine(
  actors: ResetPasswordMachineActors,
  ceremonies: Partial<PasskeyCeremonyActors> = {},
) {
  return resetPasswordMachine.provide({
    actors: {
      forgotPassword: actors.forgotPassword,
      resetPassword: actors.resetPassword,
      mfaChallengeMachine: provideMfaChallengeMachine(actors, ceremonies),
    },
  });
}
