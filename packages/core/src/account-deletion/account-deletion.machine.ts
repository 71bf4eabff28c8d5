/**
 * @module Deleting one's account: review (with the data-export link), a fresh step-up when the
 * server asks for one (`403 step_up_required` → `stepUpRequired`, retried after `stepUp.done`),
 * confirmation by typing `DELETE` or the account's email, then the deletion.
 */
import { assertEvent, assign, setup } from 'xstate';
import { authActorPlaceholders, type AuthActors } from '../actors/auth.actors.js';
import { errorOfEvent, type FoyerErrorBody } from '../errors.js';

/** Input of {@link accountDeletionMachine}. */
export interface AccountDeletionInput {
  /** The account's email: typing it confirms too. */
  email?: string;
  /** Where the export can be downloaded before anything starts. @default '/account/export' */
  exportUrl?: string;
}

/** Context of {@link accountDeletionMachine}. */
export interface AccountDeletionContext {
  email: string;
  exportUrl: string;
  /** The single-use token of `POST /account/deletion` (kept only until the deletion). */
  confirmToken: string | null;
  expiresAt: string | null;
  error: FoyerErrorBody | null;
  fieldErrors: Record<string, string>;
  /** `details` of the last `step_up_required` (which methods, how fresh). */
  stepUp: Record<string, unknown> | null;
}

/** Events of {@link accountDeletionMachine}. */
export type AccountDeletionEvent =
  | { type: 'deletion.start' }
  | { type: 'stepUp.done' }
  | { type: 'stepUp.cancel' }
  | { type: 'deletion.confirm'; confirmation: string }
  | { type: 'deletion.cancel' };

/** The word that confirms a deletion (besides the email). */
export const DELETION_CONFIRMATION_WORD = 'DELETE';

/** True when `typed` confirms deleting the account of `email`. */
export function isDeletionConfirmed(typed: string, email: string): boolean {
  const value = typed.trim();
  return value === DELETION_CONFIRMATION_WORD || (email !== '' && value.toLowerCase() === email.trim().toLowerCase());
}

/**
 * States: `reviewing` → `requesting` → (`stepUpRequired` → `requesting`) → `confirming` →
 * `deleting` → `done`. An expired or spent confirm token sends the user back to `reviewing`.
 *
 * @example
 * actor.send({ type: 'deletion.start' });
 * actor.send({ type: 'deletion.confirm', confirmation: 'DELETE' });
 */
export const accountDeletionMachine = setup({
  types: {
    context: {} as AccountDeletionContext,
    input: {} as AccountDeletionInput,
    events: {} as AccountDeletionEvent,
  },
  actors: {
    requestAccountDeletion: authActorPlaceholders.requestAccountDeletion,
    deleteAccount: authActorPlaceholders.deleteAccount,
  },
  guards: {
    isStepUpRequired: ({ event }) => errorOfEvent(event).code === 'step_up_required',
    isTokenDead: ({ event }) => ['invalid_code', 'code_expired'].includes(errorOfEvent(event).code),
    isConfirmed: ({ context, event }) => {
      assertEvent(event, 'deletion.confirm');
      return isDeletionConfirmed(event.confirmation, context.email);
    },
  },
}).createMachine({
  id: 'accountDeletion',
  context: ({ input }) => ({
    email: input.email ?? '',
    exportUrl: input.exportUrl ?? '/account/export',
    confirmToken: null,
    expiresAt: null,
    error: null,
    fieldErrors: {},
    stepUp: null,
  }),
  initial: 'reviewing',
  states: {
    reviewing: {
      on: { 'deletion.start': { target: 'requesting', actions: assign({ error: null, fieldErrors: {} }) } },
    },
    requesting: {
      invoke: {
        src: 'requestAccountDeletion',
        onDone: {
          target: 'confirming',
          actions: assign(({ event }) => ({
            exportUrl: event.output.exportUrl,
            confirmToken: event.output.confirmToken,
            expiresAt: event.output.expiresAt,
            stepUp: null,
          })),
        },
        onError: [
          {
            guard: 'isStepUpRequired',
            target: 'stepUpRequired',
            actions: assign({ stepUp: ({ event }) => errorOfEvent(event).details ?? {} }),
          },
          { target: 'reviewing', actions: assign({ error: ({ event }) => errorOfEvent(event) }) },
        ],
      },
    },
    stepUpRequired: {
      on: {
        'stepUp.done': 'requesting',
        'stepUp.cancel': { target: 'reviewing', actions: assign({ stepUp: null }) },
      },
    },
    confirming: {
      on: {
        'deletion.confirm': [
          { guard: 'isConfirmed', target: 'deleting', actions: assign({ error: null, fieldErrors: {} }) },
          {
            actions: assign(({ context }) => ({
              fieldErrors: {
                confirmation: context.email
                  ? `Type ${DELETION_CONFIRMATION_WORD} or your email address to confirm.`
                  : `Type ${DELETION_CONFIRMATION_WORD} to confirm.`,
              },
            })),
          },
        ],
        'deletion.cancel': {
          target: 'reviewing',
          actions: assign({ confirmToken: null, expiresAt: null, fieldErrors: {} }),
        },
      },
    },
    deleting: {
      invoke: {
        src: 'deleteAccount',
        input: ({ context }) => ({ confirmToken: context.confirmToken ?? '' }),
        onDone: { target: 'done', actions: assign({ confirmToken: null }) },
        onError: [
          {
            guard: 'isTokenDead',
            target: 'reviewing',
            actions: assign({ error: ({ event }) => errorOfEvent(event), confirmToken: null }),
          },
          { target: 'confirming', actions: assign({ error: ({ event }) => errorOfEvent(event) }) },
        ],
      },
    },
    done: { type: 'final' },
  },
});

/**
 * The account-deletion machine with its I/O.
 *
 * @example
 * const accountDeletion = provideAccountDeletionMachine(accountDeletionHttpActors(client));
 */
export function provideAccountDeletionMachine(actors: Pick<AuthActors, 'requestAccountDeletion' | 'deleteAccount'>) {
  return accountDeletionMachine.provide({
    actors: { requestAccountDeletion: actors.requestAccountDeletion, deleteAccount: actors.deleteAccount },
  });
}
