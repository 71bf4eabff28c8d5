/**
 * @module Changing the password of a signed-in user: current password, new password with a live
 * strength verdict (child `strength`), server checks (strength, breach). Also the step a sign-in
 * with a since-breached password leads to.
 */
import { assertEvent, assign, sendTo, setup } from 'xstate';
import { authActorPlaceholders, type AuthActors } from '../actors/auth.actors.js';
import { changePasswordRequestSchema, fieldErrorsOf } from '../contracts/index.js';
import { errorOfEvent, type FoyerErrorBody } from '../errors.js';
import { isPasswordAcceptable, passwordStrengthMachine } from '../password-strength/password-strength.machine.js';
import { passwordErrorFields } from '../password-strength/password-error-fields.js';

/** Input of {@link changePasswordMachine}. */
export interface ChangePasswordInput {
  /** The account's email, a context word the new password must not contain. */
  email?: string;
  /** The change is asked for (breached password): say so. @default false */
  required?: boolean;
}

/** Context of {@link changePasswordMachine}. Passwords are never kept here. */
export interface ChangePasswordContext {
  email: string;
  required: boolean;
  error: FoyerErrorBody | null;
  fieldErrors: Record<string, string>;
  /** The strength child's verdict (see `isPasswordAcceptable`). */
  passwordAcceptable: boolean | null;
}

/** Events of {@link changePasswordMachine}. */
export type ChangePasswordEvent =
  | { type: 'password.focus' }
  | { type: 'password.input'; password: string }
  | { type: 'change.submit'; currentPassword: string; newPassword: string }
  | { type: 'change.skip' };

/**
 * States: `editing` → `submitting` → `done` (or `skipped` when not required and put off). The
 * child `strength` rates the new password as it is typed.
 *
 * @example
 * actor.send({ type: 'change.submit', currentPassword, newPassword });
 */
export const changePasswordMachine = setup({
  types: {
    context: {} as ChangePasswordContext,
    input: {} as ChangePasswordInput,
    events: {} as ChangePasswordEvent,
  },
  actors: { changePassword: authActorPlaceholders.changePassword, passwordStrengthMachine },
  guards: {
    isInputValid: ({ context, event }) => {
      assertEvent(event, 'change.submit');
      const { currentPassword, newPassword } = event;
      return (
        changePasswordRequestSchema.safeParse({ currentPassword, newPassword }).success &&
        context.passwordAcceptable !== false
      );
    },
  },
  actions: {
    forwardToStrength: sendTo('strength', ({ event }) => event as { type: 'password.focus' }),
    assignInputErrors: assign(({ context, event }) => {
      assertEvent(event, 'change.submit');
      const result = changePasswordRequestSchema.safeParse({
        currentPassword: event.currentPassword,
        newPassword: event.newPassword,
      });
      const fieldErrors = result.success ? {} : fieldErrorsOf(result.error);
      if (context.passwordAcceptable === false) fieldErrors.newPassword ??= 'Choose a stronger password.';
      return { error: null, fieldErrors };
    }),
  },
}).createMachine({
  id: 'changePassword',
  context: ({ input }) => ({
    email: input.email ?? '',
    required: input.required ?? false,
    error: null,
    fieldErrors: {},
    passwordAcceptable: null,
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
  initial: 'editing',
  states: {
    editing: {
      on: {
        'change.submit': [
          { guard: 'isInputValid', target: 'submitting', actions: assign({ error: null, fieldErrors: {} }) },
          { actions: 'assignInputErrors' },
        ],
        'change.skip': 'skipped',
      },
    },
    submitting: {
      invoke: {
        src: 'changePassword',
        input: ({ event }) => {
          assertEvent(event, 'change.submit');
          return { currentPassword: event.currentPassword, newPassword: event.newPassword };
        },
        onDone: 'done',
        onError: {
          target: 'editing',
          actions: assign(({ event }) => {
            const error = errorOfEvent(event);
            return {
              error,
              fieldErrors: passwordErrorFields(error, { password: 'newPassword', current: 'currentPassword' }),
            };
          }),
        },
      },
    },
    done: { type: 'final' },
    skipped: { type: 'final' },
  },
});

/**
 * The change-password machine with its I/O.
 *
 * @example
 * const changePassword = provideChangePasswordMachine(securityHttpActors(client));
 */
export function provideChangePasswordMachine(actors: Pick<AuthActors, 'changePassword'>) {
  return changePasswordMachine.provide({ actors: { changePassword: actors.changePassword } });
}
