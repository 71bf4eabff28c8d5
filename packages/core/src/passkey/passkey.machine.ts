/**
 * @module Passkeys: register one (signed in: options → browser ceremony → verify) or sign in with
 * one (options → ceremony → verify → signed in). The browser ceremony is an injected actor
 * (`webauthnRegister` / `webauthnAuthenticate`), so this machine runs anywhere; elements provide
 * it with a dynamic `import('@simplewebauthn/browser')`. A dismissed prompt is not an error.
 */
import { assign, setup } from 'xstate';
import {
  authActorPlaceholders,
  passkeyCeremonyPlaceholders,
  type AuthActors,
  type PasskeyCeremonyActors,
} from '../actors/auth.actors.js';
import type { MfaFactor, User, WebauthnOptions } from '../contracts/index.js';
import { errorOfEvent, isFoyerError, type FoyerErrorBody } from '../errors.js';

/** Input of {@link passkeyMachine}. */
export interface PasskeyInput {
  mode: 'register' | 'authenticate';
  /** Authenticate: list this account's passkeys (else any discoverable one may answer). */
  email?: string;
  /** Register: the name shown in the factor list. */
  label?: string;
  /** Authenticate: start right away as conditional UI (autofill), quietly. */
  conditional?: boolean;
}

/** Context of {@link passkeyMachine}. */
export interface PasskeyContext extends PasskeyInput {
  error: FoyerErrorBody | null;
  cancelled: boolean;
  user: User | null;
  factor: MfaFactor | null;
  recoveryCodes: string[] | null;
}

/** Events of {@link passkeyMachine}. */
export type PasskeyEvent = { type: 'passkey.start'; label?: string } | { type: 'reset' };

/** Output: the signed-in user (authenticate) or the new factor (register). */
export type PasskeyOutput = { user: User } | { factor: MfaFactor; recoveryCodes?: string[] };

/**
 * States: `idle` → `registerOptions` → `registerPrompt` (browser) → `registerVerify` → `done`, or
 * `authenticateOptions` → `authenticatePrompt` → `authenticateVerify` → `done`; errors and a
 * dismissed prompt go back to `idle`. With `conditional`, starts in `authenticateOptions`.
 *
 * @example
 * const actor = createActor(passkeyMachine.provide({ actors }), { input: { mode: 'authenticate' } }).start();
 * actor.send({ type: 'passkey.start' });
 */
export const passkeyMachine = setup({
  types: {
    context: {} as PasskeyContext,
    input: {} as PasskeyInput,
    events: {} as PasskeyEvent,
    output: {} as PasskeyOutput,
  },
  actors: {
    passkeyRegisterOptions: authActorPlaceholders.passkeyRegisterOptions,
    passkeyRegisterVerify: authActorPlaceholders.passkeyRegisterVerify,
    passkeyAuthenticateOptions: authActorPlaceholders.passkeyAuthenticateOptions,
    passkeyAuthenticateVerify: authActorPlaceholders.passkeyAuthenticateVerify,
    webauthnRegister: passkeyCeremonyPlaceholders.webauthnRegister,
    webauthnAuthenticate: passkeyCeremonyPlaceholders.webauthnAuthenticate,
  },
  guards: {
    isRegister: ({ context }) => context.mode === 'register',
    isConditional: ({ context }) => context.conditional === true,
    isCeremonyCancelled: ({ event }) => !isFoyerError((event as { error?: unknown }).error),
  },
  actions: {
    assignError: assign(({ event }) => ({ error: errorOfEvent(event), cancelled: false })),
    assignCancelled: assign({ cancelled: true, error: null }),
    clear: assign({ error: null, cancelled: false }),
  },
}).createMachine({
  id: 'passkey',
  context: ({ input }) => ({ ...input, error: null, cancelled: false, user: null, factor: null, recoveryCodes: null }),
  initial: 'start',
  states: {
    start: { always: [{ guard: 'isConditional', target: 'authenticateOptions' }, { target: 'idle' }] },
    idle: {
      on: {
        'passkey.start': [
          {
            guard: 'isRegister',
            target: 'registerOptions',
            actions: [assign(({ context, event }) => ({ label: event.label ?? context.label })), 'clear'],
          },
          { target: 'authenticateOptions', actions: [assign({ conditional: false }), 'clear'] },
        ],
      },
    },
    registerOptions: {
      invoke: {
        src: 'passkeyRegisterOptions',
        onDone: 'registerPrompt',
        onError: { target: 'idle', actions: 'assignError' },
      },
    },
    registerPrompt: {
      invoke: {
        src: 'webauthnRegister',
        input: ({ event }) => ({ options: (event as unknown as { output: WebauthnOptions }).output }),
        onDone: 'registerVerify',
        onError: [
          { guard: 'isCeremonyCancelled', target: 'idle', actions: 'assignCancelled' },
          { target: 'idle', actions: 'assignError' },
        ],
      },
    },
    registerVerify: {
      invoke: {
        src: 'passkeyRegisterVerify',
        input: ({ context, event }) => ({
          response: (event as unknown as { output: Record<string, unknown> }).output as never,
          ...(context.label ? { label: context.label } : {}),
        }),
        onDone: {
          target: 'done',
          actions: assign({
            factor: ({ event }) => event.output.factor,
            recoveryCodes: ({ event }) => event.output.recoveryCodes ?? null,
          }),
        },
        onError: { target: 'idle', actions: 'assignError' },
      },
    },
    authenticateOptions: {
      invoke: {
        src: 'passkeyAuthenticateOptions',
        input: ({ context }) => (context.email ? { email: context.email } : {}),
        onDone: 'authenticatePrompt',
        onError: { target: 'idle', actions: 'assignError' },
      },
    },
    authenticatePrompt: {
      invoke: {
        src: 'webauthnAuthenticate',
        input: ({ context, event }) => ({
          options: (event as unknown as { output: WebauthnOptions }).output,
          ...(context.conditional ? { conditional: true } : {}),
        }),
        onDone: 'authenticateVerify',
        onError: [
          { guard: 'isCeremonyCancelled', target: 'idle', actions: 'assignCancelled' },
          { target: 'idle', actions: 'assignError' },
        ],
      },
    },
    authenticateVerify: {
      invoke: {
        src: 'passkeyAuthenticateVerify',
        input: ({ event }) => ({ response: (event as unknown as { output: Record<string, unknown> }).output as never }),
        onDone: { target: 'done', actions: assign({ user: ({ event }) => event.output.user }) },
        onError: { target: 'idle', actions: 'assignError' },
      },
    },
    done: { type: 'final' },
  },
  output: ({ context }) =>
    context.user
      ? { user: context.user }
      : {
          factor: context.factor as MfaFactor,
          ...(context.recoveryCodes ? { recoveryCodes: context.recoveryCodes } : {}),
        },
});

/**
 * The passkey machine (register, sign in) with its I/O and the WebAuthn ceremonies.
 *
 * @example
 * const passkey = providePasskeyMachine(mfaHttpActors(client), webauthnCeremonies);
 */
export function providePasskeyMachine(
  actors: Pick<
    AuthActors,
    'passkeyRegisterOptions' | 'passkeyRegisterVerify' | 'passkeyAuthenticateOptions' | 'passkeyAuthenticateVerify'
  >,
  ceremonies: Partial<PasskeyCeremonyActors> = {},
) {
  return passkeyMachine.provide({
    actors: {
      passkeyRegisterOptions: actors.passkeyRegisterOptions,
      passkeyRegisterVerify: actors.passkeyRegisterVerify,
      passkeyAuthenticateOptions: actors.passkeyAuthenticateOptions,
      passkeyAuthenticateVerify: actors.passkeyAuthenticateVerify,
      webauthnRegister: ceremonies.webauthnRegister ?? passkeyCeremonyPlaceholders.webauthnRegister,
      webauthnAuthenticate: ceremonies.webauthnAuthenticate ?? passkeyCeremonyPlaceholders.webauthnAuthenticate,
    },
  });
}
