/**
 * @module Step-up: a sensitive action answered `403 step_up_required` with the methods the person
 * can use; this machine prompts for one (authenticator code, recovery code, passkey, SMS code, or the
 * password for accounts without MFA), verifies it with `POST /auth/step-up`, and ends with
 * `{ stepUpUntil }` so the caller retries the action. `cancel` ends it with `null`.
 */
import { assertEvent, assign, setup } from 'xstate';
import {
  authActorPlaceholders,
  passkeyCeremonyPlaceholders,
  type AuthActors,
  type PasskeyCeremonyActors,
} from '../actors/auth.actors.js';
import { type StepUpMethod } from '../contracts/index.js';
import { errorOfEvent, type FoyerErrorBody } from '../errors.js';
import {
  codeFieldErrors,
  isCeremonyCancelled,
  secondFactorProof,
  secondFactorRefusal,
} from '../second-factor/second-factor-answers.js';

/** Input of {@link stepUpMachine}: `details.methods` of the `step_up_required` answer. */
export interface StepUpInput {
  methods: StepUpMethod[];
  /** When `methods` has `sms`: the masked number the code goes to (`•••• 71`). */
  phoneHint?: string | null;
}

/** Context of {@link stepUpMachine}. Secrets are never kept here. */
export interface StepUpContext {
  methods: StepUpMethod[];
  method: StepUpMethod;
  /** The masked number SMS codes go to, if known. */
  phoneHint: string | null;
  /** An SMS code was sent: the code field is shown. */
  smsSent: boolean;
  error: FoyerErrorBody | null;
  fieldErrors: Record<string, string>;
  attemptsLeft: number | null;
  passkeyCancelled: boolean;
  stepUpUntil: string | null;
}

/** Events of {@link stepUpMachine}. */
export type StepUpEvent =
  | { type: 'factor.choose'; factor: StepUpMethod }
  | { type: 'code.submit'; code: string }
  | { type: 'password.submit'; password: string }
  | { type: 'passkey.start' }
  /** "Send a new code" (method `sms`). */
  | { type: 'sms.resend' }
  | { type: 'cancel' };

function preferred(methods: readonly StepUpMethod[]): StepUpMethod {
  for (const method of ['totp', 'passkey', 'password', 'recovery_code'] as const)
    if (methods.includes(method)) return method;
  return 'password';
}

/**
 * States: `prompting` → `verifying` → `done` (output `{ stepUpUntil }`); passkeys go through
 * `passkeyOptions` → `passkeyPrompt`; choosing `sms` (or `sms.resend`) sends the code through
 * `sendingSms` first; `locked` on 423; `cancel` → `cancelled` (output `null`).
 *
 * @example
 * const actor = createActor(stepUpMachine.provide({ actors }), { input: { methods: ['password'] } }).start();
 * actor.send({ type: 'password.submit', password });
 */
export const stepUpMachine = setup({
  types: {
    context: {} as StepUpContext,
    input: {} as StepUpInput,
    events: {} as StepUpEvent,
    output: {} as { stepUpUntil: string } | null,
  },
  actors: {
    stepUp: authActorPlaceholders.stepUp,
    sendMfaSms: authActorPlaceholders.sendMfaSms,
    passkeyAuthenticateOptions: authActorPlaceholders.passkeyAuthenticateOptions,
    webauthnAuthenticate: passkeyCeremonyPlaceholders.webauthnAuthenticate,
  },
  guards: {
    isCodeValid: ({ context, event }) => {
      assertEvent(event, 'code.submit');
      return Object.keys(codeFieldErrors(context.method, event.code)).length === 0;
    },
    isPasswordGiven: ({ event }) => {
      assertEvent(event, 'password.submit');
      return event.password.length > 0;
    },
    isOffered: ({ context, event }) => {
      assertEvent(event, 'factor.choose');
      return context.methods.includes(event.factor);
    },
    isSmsChosen: ({ context, event }) => {
      assertEvent(event, 'factor.choose');
      return event.factor === 'sms' && context.methods.includes('sms');
    },
    isSmsMethod: ({ context }) => context.method === 'sms',
    isPasskeyOffered: ({ context }) => context.methods.includes('passkey'),
    isLocked: ({ event }) => errorOfEvent(event).code === 'account_locked',
    isCeremonyCancelled: ({ event }) => isCeremonyCancelled(event),
  },
  actions: {
    assignCodeErrors: assign(({ context, event }) => {
      assertEvent(event, 'code.submit');
      return { error: null, fieldErrors: codeFieldErrors(context.method, event.code) };
    }),
    assignPasswordMissing: assign({ error: null, fieldErrors: { password: 'Enter your password.' } }),
    assignMethod: assign(({ event }) => {
      assertEvent(event, 'factor.choose');
      return { method: event.factor, error: null, fieldErrors: {}, passkeyCancelled: false };
    }),
    clearErrors: assign({ error: null, fieldErrors: {}, passkeyCancelled: false }),
    assignServerError: assign(({ event }) => secondFactorRefusal(event)),
    assignCancelled: assign({ passkeyCancelled: true, error: null }),
  },
}).createMachine({
  id: 'stepUp',
  context: ({ input }) => ({
    methods: input.methods.length > 0 ? input.methods : ['password'],
    method: preferred(input.methods),
    phoneHint: input.phoneHint ?? null,
    smsSent: false,
    error: null,
    fieldErrors: {},
    attemptsLeft: null,
    passkeyCancelled: false,
    stepUpUntil: null,
  }),
  initial: 'prompting',
  on: { cancel: '.cancelled' },
  states: {
    prompting: {
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
        'password.submit': [
          { guard: 'isPasswordGiven', target: 'verifying', actions: 'clearErrors' },
          { actions: 'assignPasswordMissing' },
        ],
        'passkey.start': { guard: 'isPasskeyOffered', target: 'passkeyOptions', actions: 'clearErrors' },
      },
    },
    verifying: {
      invoke: {
        src: 'stepUp',
        input: ({ context, event }) =>
          event.type === 'password.submit'
            ? { factor: 'password' as const, password: event.password }
            : secondFactorProof(context.method, event),
        onDone: {
          target: 'done',
          actions: assign({ stepUpUntil: ({ event }) => event.output.stepUpUntil, error: null }),
        },
        onError: [
          { guard: 'isLocked', target: 'locked', actions: 'assignServerError' },
          { target: 'prompting', actions: 'assignServerError' },
        ],
      },
    },
    sendingSms: {
      invoke: {
        src: 'sendMfaSms',
        onDone: { target: 'prompting', actions: assign({ smsSent: true }) },
        onError: { target: 'prompting', actions: 'assignServerError' },
      },
    },
    passkeyOptions: {
      invoke: {
        src: 'passkeyAuthenticateOptions',
        input: () => ({}),
        onDone: 'passkeyPrompt',
        onError: { target: 'prompting', actions: 'assignServerError' },
      },
    },
    passkeyPrompt: {
      invoke: {
        src: 'webauthnAuthenticate',
        input: ({ event }) => ({ options: (event as unknown as { output: { challenge: string } }).output }),
        onDone: 'verifying',
        onError: [
          { guard: 'isCeremonyCancelled', target: 'prompting', actions: 'assignCancelled' },
          { target: 'prompting', actions: 'assignServerError' },
        ],
      },
    },
    locked: {},
    cancelled: { type: 'final' },
    done: { type: 'final' },
  },
  output: ({ context }) => (context.stepUpUntil ? { stepUpUntil: context.stepUpUntil } : null),
});

/**
 * The step-up machine with its I/O and the WebAuthn ceremony.
 *
 * @example
 * const stepUp = provideStepUpMachine(mfaHttpActors(client), webauthnCeremonies);
 */
export function provideStepUpMachine(
  actors: Pick<AuthActors, 'stepUp' | 'sendMfaSms' | 'passkeyAuthenticateOptions'>,
  ceremonies: Partial<PasskeyCeremonyActors> = {},
) {
  return stepUpMachine.provide({
    actors: {
      stepUp: actors.stepUp,
      sendMfaSms: actors.sendMfaSms,
      passkeyAuthenticateOptions: actors.passkeyAuthenticateOptions,
      webauthnAuthenticate: ceremonies.webauthnAuthenticate ?? passkeyCeremonyPlaceholders.webauthnAuthenticate,
    },
  });
}
