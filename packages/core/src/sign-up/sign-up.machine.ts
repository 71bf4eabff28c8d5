/**
 * @module Email + password sign-up, continuing into email verification; done when the user is
 * verified and signed in.
 */
import { assertEvent, assign, setup } from 'xstate';
import { authActorPlaceholders } from '../actors/auth.actors.js';
import { fieldErrorsOf, signUpRequestSchema, type User } from '../contracts/index.js';
import { toErrorBody, type FoyerErrorBody } from '../errors.js';
import { verifyEmailMachine } from '../verify-email/verify-email.machine.js';

/** Context of {@link signUpMachine}. The password is never kept here. */
export interface SignUpContext {
  email: string;
  error: FoyerErrorBody | null;
  fieldErrors: Record<string, string>;
  user: User | null;
}

/** Events of {@link signUpMachine}. */
export type SignUpEvent =
  | { type: 'credentials.submit'; email: string; password: string }
  | { type: 'verification.cancel' };

/**
 * States: `editing` → `submitting` → `verifyingEmail` (child `verifyEmail` machine, id
 * `verifyEmail`) → `done`. `verification.cancel` goes back to `editing` (wrong address typed).
 * Output: `{ user }`.
 *
 * @example
 * const actor = createActor(signUpMachine.provide({ actors })).start();
 * actor.send({ type: 'credentials.submit', email, password });
 */
export const signUpMachine = setup({
  types: {
    context: {} as SignUpContext,
    events: {} as SignUpEvent,
    output: {} as { user: User },
  },
  actors: {
    signUp: authActorPlaceholders.signUp,
    verifyEmailMachine,
  },
  guards: {
    isInputValid: ({ event }) => {
      assertEvent(event, 'credentials.submit');
      return signUpRequestSchema.safeParse({ email: event.email, password: event.password }).success;
    },
  },
  actions: {
    assignInputErrors: assign(({ event }) => {
      assertEvent(event, 'credentials.submit');
      const result = signUpRequestSchema.safeParse({ email: event.email, password: event.password });
      return { email: event.email, error: null, fieldErrors: result.success ? {} : fieldErrorsOf(result.error) };
    }),
    assignEmail: assign(({ event }) => {
      assertEvent(event, 'credentials.submit');
      return { email: event.email.trim().toLowerCase(), error: null, fieldErrors: {} };
    }),
  },
}).createMachine({
  id: 'signUp',
  context: { email: '', error: null, fieldErrors: {}, user: null },
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
    submitting: {
      invoke: {
        src: 'signUp',
        input: ({ event }) => {
          assertEvent(event, 'credentials.submit');
          return { email: event.email, password: event.password };
        },
        onDone: { target: 'verifyingEmail' },
        onError: {
          target: 'editing',
          actions: assign(({ event }) => {
            const error = toErrorBody(event.error);
            return { error, fieldErrors: error.fields ?? {} };
          }),
        },
      },
    },
    verifyingEmail: {
      invoke: {
        id: 'verifyEmail',
        src: 'verifyEmailMachine',
        input: ({ context }) => ({ email: context.email }),
        onDone: { target: 'done', actions: assign({ user: ({ event }) => event.output.user }) },
      },
      on: { 'verification.cancel': 'editing' },
    },
    done: { type: 'final' },
  },
  output: ({ context }) => ({ user: context.user as User }),
});
