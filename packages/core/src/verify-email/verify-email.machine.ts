/**
 * @module The email verification step: the user types the 6-digit code from the email, or asks
 * for a new one. Used on its own and as a child of the sign-up and sign-in machines.
 */
import { assertEvent, assign, setup } from 'xstate';
import { authActorPlaceholders, type AuthActors } from '../actors/auth.actors.js';
import { codeSchema, fieldErrorsOf, type User } from '../contracts/index.js';
import { toErrorBody, type FoyerErrorBody } from '../errors.js';

/** Input of {@link verifyEmailMachine}. */
export interface VerifyEmailInput {
  email: string;
  /**
   * Ask the server for a fresh code on start (sign-in of an unverified account, or a page reload).
   * @default false
   */
  sendCode?: boolean;
}

/** Context of {@link verifyEmailMachine}: what the element renders besides the state. */
export interface VerifyEmailContext {
  email: string;
  sendCodeOnStart: boolean;
  /** The last error answered by the server, or `null`. */
  error: FoyerErrorBody | null;
  /** Per-field messages (`code`) from local validation or the server. */
  fieldErrors: Record<string, string>;
  /** `code_sent` right after a new code was requested. */
  notice: 'code_sent' | null;
  user: User | null;
}

/** Events of {@link verifyEmailMachine}. */
export type VerifyEmailEvent = { type: 'code.submit'; code: string } | { type: 'code.resend' };

/**
 * States: `starting` → `awaitingCode` ⇄ `verifying` → `done`, and `resending` from `awaitingCode`.
 * Output: `{ user }` of the verified, signed-in user.
 *
 * @example
 * const actor = createActor(verifyEmailMachine.provide({ actors }), { input: { email } }).start();
 * actor.send({ type: 'code.submit', code: '123456' });
 */
export const verifyEmailMachine = setup({
  types: {
    context: {} as VerifyEmailContext,
    input: {} as VerifyEmailInput,
    events: {} as VerifyEmailEvent,
    output: {} as { user: User },
  },
  actors: {
    verifyEmail: authActorPlaceholders.verifyEmail,
    resendVerification: authActorPlaceholders.resendVerification,
  },
  guards: {
    isCodeWellFormed: ({ event }) => {
      assertEvent(event, 'code.submit');
      return codeSchema.safeParse(event.code).success;
    },
    shouldSendCodeOnStart: ({ context }) => context.sendCodeOnStart,
  },
  actions: {
    assignCodeInputErrors: assign(({ event }) => {
      assertEvent(event, 'code.submit');
      const result = codeSchema.safeParse(event.code);
      const fieldErrors: Record<string, string> = {};
      if (!result.success) fieldErrors['code'] = fieldErrorsOf(result.error)['_'] ?? 'Enter the 6-digit code.';
      return { error: null, notice: null, fieldErrors };
    }),
    clearMessages: assign({ error: null, fieldErrors: {}, notice: null }),
  },
}).createMachine({
  id: 'verifyEmail',
  context: ({ input }) => ({
    email: input.email,
    sendCodeOnStart: input.sendCode ?? false,
    error: null,
    fieldErrors: {},
    notice: null,
    user: null,
  }),
  initial: 'starting',
  states: {
    starting: {
      always: [{ guard: 'shouldSendCodeOnStart', target: 'resending' }, { target: 'awaitingCode' }],
    },
    awaitingCode: {
      on: {
        'code.submit': [
          { guard: 'isCodeWellFormed', target: 'verifying', actions: 'clearMessages' },
          { actions: 'assignCodeInputErrors' },
        ],
        'code.resend': { target: 'resending', actions: 'clearMessages' },
      },
    },
    verifying: {
      invoke: {
        src: 'verifyEmail',
        input: ({ context, event }) => {
          assertEvent(event, 'code.submit');
          return { email: context.email, code: event.code };
        },
        onDone: { target: 'done', actions: assign({ user: ({ event }) => event.output.user }) },
        onError: {
          target: 'awaitingCode',
          actions: assign(({ event }) => {
            const error = toErrorBody(event.error);
            return { error, fieldErrors: error.fields ?? {} };
          }),
        },
      },
    },
    resending: {
      invoke: {
        src: 'resendVerification',
        input: ({ context }) => ({ email: context.email }),
        onDone: { target: 'awaitingCode', actions: assign({ notice: 'code_sent' }) },
        onError: { target: 'awaitingCode', actions: assign({ error: ({ event }) => toErrorBody(event.error) }) },
      },
    },
    done: {
      type: 'final',
    },
  },
  output: ({ context }) => ({ user: context.user as User }),
});

/**
 * The verification machine with its I/O.
 *
 * @example
 * const verifyEmail = provideVerifyEmailMachine(authHttpActors(client));
 */
export function provideVerifyEmailMachine(actors: Pick<AuthActors, 'verifyEmail' | 'resendVerification'>) {
  return verifyEmailMachine.provide({
    actors: { verifyEmail: actors.verifyEmail, resendVerification: actors.resendVerification },
  });
}
