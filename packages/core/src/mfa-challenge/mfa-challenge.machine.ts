/**
 * @module The second step of a sign-in: the server answered `{ mfaRequired, factors }` and holds
 * a pending sign-in; the person completes it with an authenticator code, a recovery code, a
 * passkey, or a code sent by SMS to their verified phone (choosing `sms` sends it). Wrong codes stay here with the server's `attemptsLeft`; too many lock (`423`), and a
 * pending sign-in that expired or died sends the person back to the password (`expired`).
 */
import { assertEvent, assign, setup } from 'xstate';
import {
  authActorPlaceholders,
  passkeyCeremonyPlaceholders,
  type AuthActors,
  type PasskeyCeremonyActors,
} from '../actors/auth.actors.js';
import { type MfaMethod, type User } from '../contracts/index.js';
import { errorOfEvent, type FoyerErrorBody } from '../errors.js';
import {
  codeFieldErrors,
  isCeremonyCancelled,
  secondFactorProof,
  secondFactorRefusal,
} from '../second-factor/second-factor-answers.js';

/** Input of {@link mfaChallengeMachine}: the methods the server offered. */
export interface MfaChallengeInput {
  factors: MfaMethod[];
  /** When `factors` has `sms`: the masked number the code goes to (`•••• 71`). */
  phoneHint?: string | null;
}

/** Context of {@link mfaChallengeMachine}. Codes are never kept here. */
export interface MfaChallengeContext {
  factors: MfaMethod[];
  /** The method on screen. */
  method: MfaMethod;
  /** The masked number SMS codes go to, if known. */
  phoneHint: string | null;
  /** An SMS code was sent (to this pending sign-in): the code field is shown. */
  smsSent: boolean;
  error: FoyerErrorBody | null;
  fieldErrors: Record<string, string>;
  attemptsLeft: number | null;
  /** The browser's passkey prompt was dismissed (not an error to shout about). */
  passkeyCancelled: boolean;
  /** Seconds until a lock ends. */
  retryAfter: number | null;
  user: User | null;
}

/** Events of {@link mfaChallengeMachine}. */
export type MfaChallengeEvent =
  | { type: 'factor.choose'; factor: MfaMethod }
  | { type: 'code.submit'; code: string }
  | { type: 'passkey.start' }
  /** "Send a new code" (method `sms`). */
  | { type: 'sms.resend' };

/** The method shown first: an authenticator app, else a passkey, else a recovery code. */
export function preferredMfaMethod(factors: readonly MfaMethod[]): MfaMethod {
  return factors.includes('totp') ? 'totp' : factors.includes('passkey') ? 'passkey' : 'recovery_code';
}

/**
 * States: `entering` (code or passkey button) → `verifying` → `done` (output `{ user }`);
 * choosing `sms` (or `sms.resend`) goes through `sendingSms` (`POST /auth/mfa/sms/send`) first;
 * `passkeyOptions` → `passkeyPrompt` → `verifying` for passkeys; `locked` (423) and `expired`
 * (the pending sign-in is gone: sign in again) are final-looking states the element explains.
 *
 * @example
 * const actor = createActor(mfaChallengeMachine.provide({ actors }), { input: { factors: ['totp', 'recovery_code'] } }).start();
 * actor.send({ type: 'code.submit', code: '123456' });
 */
export const mfaChallengeMachine = setup({
  types: {
    context: {} as MfaChallengeContext,
    input: {} as MfaChallengeInput,
    events: {} as MfaChallengeEvent,
    output: {} as { user: User },
  },
  actors: {
    verifyMfa: authActorPlaceholders.verifyMfa,
    sendMfaSms: authActorPlaceholders.sendMfaSms,
    passkeyAuthenticateOptions: authActorPlaceholders.passkeyAuthenticateOptions,
    webauthnAuthenticate: passkeyCeremonyPlaceholders.webauthnAuthenticate,
  },
  guards: {
    isCodeValid: ({ context, event }) => {
      assertEvent(event, 'code.submit');
      return Object.keys(codeFieldErrors(context.method, event.code)).length === 0;
    },
    isOffered: ({ context, event }) => {
      assertEvent(event, 'factor.choose');
      return context.factors.includes(event.factor);
    },
    isSmsChosen: ({ context, event }) => {
      assertEvent(event, 'factor.choose');
      return event.factor === 'sms' && context.factors.includes('sms');
    },
    isSmsMethod: ({ context }) => context.method === 'sms',
    isPasskeyOffered: ({ context }) => context.factors.includes('passkey'),
    isLocked: ({ event }) => errorOfEvent(event).code === 'account_locked',
    isExpired: ({ event }) => ['mfa_pending_expired', 'unauthenticated'].includes(errorOfEvent(event).code),
    isCeremonyCancelled: ({ event }) => isCeremonyCancelled(event),
  },
  actions: {
    assignCodeErrors: assign(({ context, event }) => {
      assertEvent(event, 'code.submit');
      return { error: null, fieldErrors: codeFieldErrors(context.method, event.code) };
    }),
    assignMethod: assign(({ event }) => {
      assertEvent(event, 'factor.choose');
      return { method: event.factor, error: null, fieldErrors: {}, passkeyCancelled: false };
    }),
    clearErrors: assign({ error: null, fieldErrors: {}, passkeyCancelled: false }),
    assignServerError: assign(({ event }) => {
      const refusal = secondFactorRefusal(event);
      return { ...refusal, retryAfter: refusal.error.retryAfter ?? null };
    }),
    assignCancelled: assign({ passkeyCancelled: true, error: null }),
    assignUser: assign(({ event }) => ({
      user: (event as unknown as { output: { user: User } }).output.user,
      error: null,
    })),
  },
}).createMachine({
  id: 'mfaChallenge',
  context: ({ input }) => ({
    factors: input.factors,
    method: preferredMfaMethod(input.factors),
    phoneHint: input.phoneHint ?? null,
    smsSent: false,
    error: null,
    fieldErrors: {},
    attemptsLeft: null,
    passkeyCancelled: false,
    retryAfter: null,
    user: null,
  }),
  initial: 'entering',
  states: {
    entering: {
      on: {
        'factor.choose': [
          { guard: 'isSmsChosen', target: 'sendingSms', actions: 'assignMethod' },
          { guard: 'isOffered', actions: 'assignMethod' },
        ],
        'sms.resend': { guard: 'isSmsMethod', target: 'sendingSms', actions: 'clearErrors' },
        'code.submit': [
          { guard: 'isCodeValid', target: 'verifying', actions: 'clearErrors' },
          { actions: 'assignCodeErrors' },
        ],
        'passkey.start': { guard: 'isPasskeyOffered', target: 'passkeyOptions', actions: 'clearErrors' },
      },
    },
    verifying: {
      invoke: {
        src: 'verifyMfa',
        // A typed code, or from the passkey prompt the assertion JSON.
        input: ({ context, event }) => secondFactorProof(context.method, event),
        onDone: { target: 'done', actions: 'assignUser' },
        onError: [
          { guard: 'isLocked', target: 'locked', actions: 'assignServerError' },
          { guard: 'isExpired', target: 'expired', actions: 'assignServerError' },
          { target: 'entering', actions: 'assignServerError' },
        ],
      },
    },
    sendingSms: {
      invoke: {
        src: 'sendMfaSms',
        onDone: { target: 'entering', actions: assign({ smsSent: true }) },
        onError: [
          { guard: 'isExpired', target: 'expired', actions: 'assignServerError' },
          { target: 'entering', actions: 'assignServerError' },
        ],
      },
    },
    passkeyOptions: {
      invoke: {
        src: 'passkeyAuthenticateOptions',
        input: () => ({}),
        onDone: 'passkeyPrompt',
        onError: { target: 'entering', actions: 'assignServerError' },
      },
    },
    passkeyPrompt: {
      invoke: {
        src: 'webauthnAuthenticate',
        input: ({ event }) => ({ options: (event as unknown as { output: { challenge: string } }).output }),
        onDone: 'verifying',
        onError: [
          { guard: 'isCeremonyCancelled', target: 'entering', actions: 'assignCancelled' },
          { target: 'entering', actions: 'assignServerError' },
        ],
      },
    },
    locked: {
      on: {
        'factor.choose': [
          { guard: 'isSmsChosen', target: 'sendingSms', actions: 'assignMethod' },
          { guard: 'isOffered', target: 'entering', actions: 'assignMethod' },
        ],
      },
    },
    expired: {},
    done: { type: 'final' },
  },
  output: ({ context }) => ({ user: context.user as User }),
});

/**
 * The second-factor machine of a pending sign-in with its I/O and the WebAuthn ceremony.
 *
 * @example
 * const mfaChallenge = provideMfaChallengeMachine(mfaHttpActors(client), webauthnCeremonies);
 */
export function provideMfaChallengeMachine(
  actors: Pick<AuthActors, 'verifyMfa' | 'sendMfaSms' | 'passkeyAuthenticateOptions'>,
  ceremonies: Partial<PasskeyCeremonyActors> = {},
) {
  return mfaChallengeMachine.provide({
    actors: {
      verifyMfa: actors.verifyMfa,
      sendMfaSms: actors.sendMfaSms,
      passkeyAuthenticateOptions: actors.passkeyAuthenticateOptions,
      webauthnAuthenticate: ceremonies.webauthnAuthenticate ?? passkeyCeremonyPlaceholders.webauthnAuthenticate,
    },
  });
}
