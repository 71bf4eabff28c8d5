/**
 * @module Email + password sign-in. An account whose email is not verified yet (right password)
 * continues into the verification step instead of failing.
 */
import { assertEvent, assign, setup } from 'xstate';
import { authActorPlaceholders } from '../actors/auth.actors.js';
import { fieldErrorsOf, signInRequestSchema, type User } from '../contracts/index.js';
import { errorOfEvent, type FoyerErrorBody } from '../errors.js';
import { verifyEmailMachine } from '../verify-email/verify-email.machine.js';

/** Input of {@link signInMachine}. */
export interface SignInInput {
  /** Pre-fills the email (e.g. after sign-up on another tab). */
  email?: string;
}

/** Context of {@link signInMachine}. The password is never kept here. */
export interface SignInContext {
  email: string;
  error: FoyerErrorBody | null;
  fieldErrors: Record<string, string>;
  user: User | null;
}

/** Events of {@link signInMachine}. */
export type SignInEvent =
  | { type: 'credentials.submit'; email: string; password: string }
  | { type: 'verification.cancel' };

/**
 * States: `editing` → `submitting` → `done`; `submitting` → `verifyingEmail` (child
 * `verifyEmail` machine, id `verifyEmail`) → `done` when the email was not verified yet.
 * Output: `{ user }`.
 *
 * @example
 * const actor = createActor(signInMachine.provide({ actors })).start();
 * actor.send({ type: 'credentials.submit', email, password });
 */
export const signInMachine = setup({
  types: {
    context: {} as SignInContext,
    input: {} as SignInInput,
    events: {} as SignInEvent,
    output: {} as { user: User },
  },
  actors: {
    signIn: authActorPlaceholders.signIn,
    verifyEmailMachine,
  },
  guards: {
    isInputValid: ({ event }) => {
      assertEvent(event, 'credentials.submit');
      return signInRequestSchema.safeParse({ email: event.email, password: event.password }).success;
    },
    isEmailNotVerified: ({ event }) => errorOfEvent(event).code === 'email_not_verified',
  },
  actions: {
    assignInputErrors: assign(({ event }) => {
      assertEvent(event, 'credentials.submit');
      const result = signInRequestSchema.safeParse({ email: event.email, password: event.password });
      return { email: event.email, error: null, fieldErrors: result.success ? {} : fieldErrorsOf(result.error) };
    }),
    assignEmail: assign(({ event }) => {
      assertEvent(event, 'credentials.submit');
      return { email: event.email.trim().toLowerCase(), error: null, fieldErrors: {} };
    }),
    assignServerError: assign(({ event }) => {
      const error = errorOfEvent(event);
      return { error, fieldErrors: error.fields ?? {} };
    }),
  },
}).createMachine({
  id: 'signIn',
  context: ({ input }) => ({ email: input.email ?? '', error: null, fieldErrors: {}, user: null }),
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
        src: 'signIn',
        input: ({ event }) => {
          assertEvent(event, 'credentials.submit');
          return { email: event.email, password: event.password };
        },
        onDone: { target: 'done', actions: assign({ user: ({ event }) => event.output.user }) },
        onError: [
          { guard: 'isEmailNotVerified', target: 'verifyingEmail' },
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
    done: { type: 'final' },
  },
  output: ({ context }) => ({ user: context.user as User }),
});
