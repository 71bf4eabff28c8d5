/**
 * @module SMS sign-in: the number, then the 6-digit code sent to it. The server answers `202` for
 * any number, so the machine always moves on to the code; the sign-in answer (a session, or
 * `{mfaRequired, factors}` for accounts with MFA) is the machine's output.
 */
import { assertEvent, assign, setup } from 'xstate';
import { authActorPlaceholders, type AuthActors } from '../actors/auth.actors.js';
import { codeSchema, fieldErrorsOf, phoneStartRequestSchema, type SignInResponse } from '../contracts/index.js';
import { errorOfEvent, type FoyerErrorBody } from '../errors.js';

/** Input of {@link phoneSignInMachine}. */
export interface PhoneSignInInput {
  /** A number to start with (e.g. remembered). */
  phone?: string;
  /** Region for national formats (ISO 3166-1 alpha-2), sent along to the server. */
  country?: string;
}

/** Context of {@link phoneSignInMachine}. Codes are never kept here. */
export interface PhoneSignInContext {
  phone: string;
  country: string | undefined;
  error: FoyerErrorBody | null;
  fieldErrors: Record<string, string>;
  /** The sign-in answer, once verified. */
  answer: SignInResponse | null;
}

/** Events of {@link phoneSignInMachine}. */
export type PhoneSignInEvent =
  | { type: 'phone.submit'; phone: string; country?: string }
  | { type: 'phone.change' }
  | { type: 'code.submit'; code: string }
  | { type: 'code.resend' };

/** True when a sign-in answer asks for a second factor. */
function asksForMfa(answer: SignInResponse | null): boolean {
  return answer !== null && 'mfaRequired' in answer && answer.mfaRequired === true;
}

/**
 * States: `enterPhone` → `sending` → `awaitingCode` → `verifying` → `done` (signed in) or
 * `mfaRequired` (the answer names the factors: hand it to the MFA challenge). Output: the answer.
 *
 * @example
 * actor.send({ type: 'phone.submit', phone: '+1 415 555 2671' });
 * actor.send({ type: 'code.submit', code: '123456' });
 */
export const phoneSignInMachine = setup({
  types: {
    context: {} as PhoneSignInContext,
    input: {} as PhoneSignInInput,
    events: {} as PhoneSignInEvent,
    output: {} as SignInResponse | null,
  },
  actors: {
    startPhoneSignIn: authActorPlaceholders.startPhoneSignIn,
    verifyPhoneSignIn: authActorPlaceholders.verifyPhoneSignIn,
  },
  guards: {
    isPhoneValid: ({ event }) => {
      assertEvent(event, 'phone.submit');
      return phoneStartRequestSchema.safeParse({ phone: event.phone }).success;
    },
    isCodeValid: ({ event }) => {
      assertEvent(event, 'code.submit');
      return codeSchema.safeParse(event.code).success;
    },
    isMfaRequired: ({ event }) => asksForMfa((event as unknown as { output: SignInResponse }).output),
  },
  actions: {
    assignServerError: assign(({ event }) => {
      const error = errorOfEvent(event);
      return { error, fieldErrors: error.fields ?? {} };
    }),
  },
}).createMachine({
  id: 'phoneSignIn',
  context: ({ input }) => ({
    phone: input.phone ?? '',
    country: input.country,
    error: null,
    fieldErrors: {},
    answer: null,
  }),
  output: ({ context }) => context.answer,
  initial: 'enterPhone',
  states: {
    enterPhone: {
      on: {
        'phone.submit': [
          {
            guard: 'isPhoneValid',
            target: 'sending',
            actions: assign(({ event, context }) => ({
              phone: event.phone.trim(),
              country: event.country ?? context.country,
              error: null,
              fieldErrors: {},
            })),
          },
          {
            actions: assign(({ event }) => {
              const result = phoneStartRequestSchema.safeParse({ phone: event.phone });
              return { error: null, fieldErrors: result.success ? {} : fieldErrorsOf(result.error) };
            }),
          },
        ],
      },
    },
    sending: {
      invoke: {
        src: 'startPhoneSignIn',
        input: ({ context }) => ({ phone: context.phone, ...(context.country ? { country: context.country } : {}) }),
        onDone: 'awaitingCode',
        onError: { target: 'enterPhone', actions: 'assignServerError' },
      },
    },
    awaitingCode: {
      on: {
        'code.submit': [
          { guard: 'isCodeValid', target: 'verifying', actions: assign({ error: null, fieldErrors: {} }) },
          { actions: assign({ error: null, fieldErrors: { code: 'Enter the 6-digit code.' } }) },
        ],
        'code.resend': { target: 'sending', actions: assign({ error: null, fieldErrors: {} }) },
        'phone.change': { target: 'enterPhone', actions: assign({ error: null, fieldErrors: {} }) },
      },
    },
    verifying: {
      invoke: {
        src: 'verifyPhoneSignIn',
        input: ({ context, event }) => {
          assertEvent(event, 'code.submit');
          return { phone: context.phone, code: event.code, ...(context.country ? { country: context.country } : {}) };
        },
        onDone: [
          { guard: 'isMfaRequired', target: 'mfaRequired', actions: assign({ answer: ({ event }) => event.output }) },
          { target: 'done', actions: assign({ answer: ({ event }) => event.output }) },
        ],
        onError: {
          target: 'awaitingCode',
          actions: assign(({ event }) => {
            const error = errorOfEvent(event);
            const fieldErrors: Record<string, string> =
              error.code === 'invalid_code' || error.code === 'code_expired'
                ? { code: error.message }
                : (error.fields ?? {});
            return { error, fieldErrors };
          }),
        },
      },
    },
    done: { type: 'final' },
    mfaRequired: { type: 'final' },
  },
});

/**
 * The phone sign-in machine with its I/O.
 *
 * @example
 * const phoneSignIn = providePhoneSignInMachine(phoneHttpActors(client));
 */
export function providePhoneSignInMachine(actors: Pick<AuthActors, 'startPhoneSignIn' | 'verifyPhoneSignIn'>) {
  return phoneSignInMachine.provide({
    actors: { startPhoneSignIn: actors.startPhoneSignIn, verifyPhoneSignIn: actors.verifyPhoneSignIn },
  });
}
