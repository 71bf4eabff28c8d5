/**
 * @module Managing second factors from account settings: the list, adding an authenticator app
 * (secret + QR → confirm with a code → recovery codes shown once), adding a passkey (the injected
 * browser ceremony), and removing a factor. Adding and removing need a fresh step-up: the machine
 * waits in `stepUpRequired` (with the server's methods) until `stepUp.done` retries the action or
 * `stepUp.cancel`.
 */
import { assertEvent, assign, setup } from 'xstate';
import {
  authActorPlaceholders,
  passkeyCeremonyPlaceholders,
  type AuthActors,
  type PasskeyCeremonyActors,
} from '../actors/auth.actors.js';
import {
  codeSchema,
  type MfaFactor,
  type StepUpMethod,
  type TotpSetupResponse,
  type WebauthnOptions,
} from '../contracts/index.js';
import { errorOfEvent, isFoyerError, type FoyerErrorBody } from '../errors.js';

/** Context of {@link mfaSetupMachine}. */
export interface MfaSetupContext {
  factors: MfaFactor[];
  /** The authenticator being added (secret, URI, QR SVG), until confirmed. */
  totp: TotpSetupResponse | null;
  /** Shown once after MFA was turned on. */
  recoveryCodes: string[] | null;
  /** The factor being removed. */
  removing: string | null;
  stepUpMethods: StepUpMethod[];
  /** The action that answered `step_up_required`, retried after `stepUp.done`. */
  pendingAction: 'totp' | 'passkey' | 'remove' | null;
  passkeyLabel: string | undefined;
  error: FoyerErrorBody | null;
  fieldErrors: Record<string, string>;
  /** What just happened, for the status line. */
  notice: 'totp_added' | 'passkey_added' | 'factor_removed' | 'passkey_cancelled' | null;
}

/** Events of {@link mfaSetupMachine}. */
export type MfaSetupEvent =
  | { type: 'totp.start' }
  | { type: 'totp.confirm'; code: string }
  | { type: 'totp.cancel' }
  | { type: 'codes.done' }
  | { type: 'passkey.add'; label?: string }
  | { type: 'factor.remove'; id: string }
  | { type: 'stepUp.done' }
  | { type: 'stepUp.cancel' };

/**
 * States: `loading` → `overview`; `startingTotp` → `scanning` → `confirmingTotp` → `showingCodes`;
 * `passkeyOptions` → `passkeyPrompt` → `passkeyVerify`; `removing` → `stepUpRequired` (403) →
 * `removing` again after `stepUp.done`.
 *
 * @example
 * const actor = createActor(mfaSetupMachine.provide({ actors })).start();
 * actor.send({ type: 'totp.start' });
 */
export const mfaSetupMachine = setup({
  types: {
    context: {} as MfaSetupContext,
    events: {} as MfaSetupEvent,
  },
  actors: {
    listMfaFactors: authActorPlaceholders.listMfaFactors,
    setupTotp: authActorPlaceholders.setupTotp,
    confirmTotp: authActorPlaceholders.confirmTotp,
    removeMfaFactor: authActorPlaceholders.removeMfaFactor,
    passkeyRegisterOptions: authActorPlaceholders.passkeyRegisterOptions,
    passkeyRegisterVerify: authActorPlaceholders.passkeyRegisterVerify,
    webauthnRegister: passkeyCeremonyPlaceholders.webauthnRegister,
  },
  guards: {
    isCodeValid: ({ event }) => {
      assertEvent(event, 'totp.confirm');
      return codeSchema.safeParse(event.code).success;
    },
    isStepUpRequired: ({ event }) => errorOfEvent(event).code === 'step_up_required',
    isCeremonyCancelled: ({ event }) => !isFoyerError((event as { error?: unknown }).error),
    hasRecoveryCodes: ({ event }) =>
      Array.isArray((event as { output?: { recoveryCodes?: unknown } }).output?.recoveryCodes),
  },
  actions: {
    assignError: assign(({ event }) => {
      const error = errorOfEvent(event);
      return { error, fieldErrors: error.fields ?? {} };
    }),
    clear: assign({ error: null, fieldErrors: {}, notice: null }),
    assignStepUp: assign(({ event }, params: { action: 'totp' | 'passkey' | 'remove' }) => ({
      pendingAction: params.action,
      stepUpMethods: (errorOfEvent(event).details?.methods as StepUpMethod[] | undefined) ?? ['password'],
    })),
  },
}).createMachine({
  id: 'mfaSetup',
  context: {
    factors: [],
    totp: null,
    recoveryCodes: null,
    removing: null,
    stepUpMethods: [],
    pendingAction: null,
    passkeyLabel: undefined,
    error: null,
    fieldErrors: {},
    notice: null,
  },
  initial: 'loading',
  states: {
    loading: {
      invoke: {
        src: 'listMfaFactors',
        onDone: { target: 'overview', actions: assign({ factors: ({ event }) => event.output.factors }) },
        onError: { target: 'overview', actions: 'assignError' },
      },
    },
    overview: {
      on: {
        'totp.start': { target: 'startingTotp', actions: 'clear' },
        'passkey.add': {
          target: 'passkeyOptions',
          actions: ['clear', assign({ passkeyLabel: ({ event }) => event.label })],
        },
        'factor.remove': { target: 'removing', actions: ['clear', assign({ removing: ({ event }) => event.id })] },
      },
    },
    startingTotp: {
      invoke: {
        src: 'setupTotp',
        onDone: { target: 'scanning', actions: assign({ totp: ({ event }) => event.output }) },
        onError: [
          {
            guard: 'isStepUpRequired',
            target: 'stepUpRequired',
            actions: { type: 'assignStepUp', params: { action: 'totp' } },
          },
          { target: 'overview', actions: 'assignError' },
        ],
      },
    },
    scanning: {
      on: {
        'totp.confirm': [
          { guard: 'isCodeValid', target: 'confirmingTotp', actions: 'clear' },
          { actions: assign({ error: null, fieldErrors: { code: 'Enter the 6-digit code.' } }) },
        ],
        'totp.cancel': { target: 'overview', actions: assign({ totp: null, error: null, fieldErrors: {} }) },
      },
    },
    confirmingTotp: {
      invoke: {
        src: 'confirmTotp',
        input: ({ event }) => {
          assertEvent(event, 'totp.confirm');
          return { code: event.code };
        },
        onDone: {
          target: 'showingCodes',
          actions: assign(({ event }) => ({
            recoveryCodes: event.output.recoveryCodes,
            totp: null,
            notice: 'totp_added' as const,
          })),
        },
        onError: { target: 'scanning', actions: 'assignError' },
      },
    },
    showingCodes: {
      on: { 'codes.done': { target: 'loading', actions: assign({ recoveryCodes: null }) } },
    },
    passkeyOptions: {
      invoke: {
        src: 'passkeyRegisterOptions',
        onDone: 'passkeyPrompt',
        onError: [
          {
            guard: 'isStepUpRequired',
            target: 'stepUpRequired',
            actions: { type: 'assignStepUp', params: { action: 'passkey' } },
          },
          { target: 'overview', actions: 'assignError' },
        ],
      },
    },
    passkeyPrompt: {
      invoke: {
        src: 'webauthnRegister',
        input: ({ event }) => ({ options: (event as unknown as { output: WebauthnOptions }).output }),
        onDone: 'passkeyVerify',
        onError: [
          { guard: 'isCeremonyCancelled', target: 'overview', actions: assign({ notice: 'passkey_cancelled' }) },
          { target: 'overview', actions: 'assignError' },
        ],
      },
    },
    passkeyVerify: {
      invoke: {
        src: 'passkeyRegisterVerify',
        input: ({ context, event }) => ({
          response: (event as unknown as { output: Record<string, unknown> }).output as never,
          ...(context.passkeyLabel ? { label: context.passkeyLabel } : {}),
        }),
        onDone: [
          {
            guard: 'hasRecoveryCodes',
            target: 'showingCodes',
            actions: assign({
              recoveryCodes: ({ event }) => event.output.recoveryCodes ?? null,
              notice: 'passkey_added',
            }),
          },
          { target: 'loading', actions: assign({ notice: 'passkey_added' }) },
        ],
        onError: { target: 'overview', actions: 'assignError' },
      },
    },
    removing: {
      invoke: {
        src: 'removeMfaFactor',
        input: ({ context }) => ({ id: context.removing ?? '' }),
        onDone: { target: 'loading', actions: assign({ notice: 'factor_removed' }) },
        onError: [
          {
            guard: 'isStepUpRequired',
            target: 'stepUpRequired',
            actions: { type: 'assignStepUp', params: { action: 'remove' } },
          },
          { target: 'overview', actions: ['assignError', assign({ removing: null })] },
        ],
      },
    },
    stepUpRequired: {
      on: {
        'stepUp.done': [
          { guard: ({ context }) => context.pendingAction === 'totp', target: 'startingTotp' },
          { guard: ({ context }) => context.pendingAction === 'passkey', target: 'passkeyOptions' },
          { target: 'removing' },
        ],
        'stepUp.cancel': { target: 'overview', actions: assign({ removing: null, pendingAction: null }) },
      },
    },
  },
});

/**
 * The MFA settings machine with its I/O and the WebAuthn registration ceremony.
 *
 * @example
 * const mfaSetup = provideMfaSetupMachine(mfaHttpActors(client), webauthnCeremonies);
 */
export function provideMfaSetupMachine(
  actors: Pick<
    AuthActors,
    | 'listMfaFactors'
    | 'setupTotp'
    | 'confirmTotp'
    | 'removeMfaFactor'
    | 'passkeyRegisterOptions'
    | 'passkeyRegisterVerify'
  >,
  ceremonies: Partial<PasskeyCeremonyActors> = {},
) {
  return mfaSetupMachine.provide({
    actors: {
      listMfaFactors: actors.listMfaFactors,
      setupTotp: actors.setupTotp,
      confirmTotp: actors.confirmTotp,
      removeMfaFactor: actors.removeMfaFactor,
      passkeyRegisterOptions: actors.passkeyRegisterOptions,
      passkeyRegisterVerify: actors.passkeyRegisterVerify,
      webauthnRegister: ceremonies.webauthnRegister ?? passkeyCeremonyPlaceholders.webauthnRegister,
    },
  });
}
