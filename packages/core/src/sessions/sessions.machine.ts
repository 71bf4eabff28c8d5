/** @module The signed-in user's sessions and devices: list them, revoke one, revoke all others. */
import { assertEvent, assign, setup } from 'xstate';
import { authActorPlaceholders, type AuthActors } from '../actors/auth.actors.js';
import type { SessionInfo } from '../contracts/index.js';
import { errorOfEvent, type FoyerErrorBody } from '../errors.js';

/** Context of {@link sessionsMachine}. */
export interface SessionsContext {
  sessions: SessionInfo[];
  error: FoyerErrorBody | null;
  /** The session being revoked, while it is. */
  revokingId: string | null;
}

/** Events of {@link sessionsMachine}. */
export type SessionsEvent =
  { type: 'session.revoke'; id: string } | { type: 'sessions.revokeOthers' } | { type: 'sessions.reload' };

/**
 * States: `loading` → `ready` ⇄ `revoking` / `revokingOthers` (each reloads the list after);
 * `failed` when the list cannot be read (`sessions.reload` retries).
 *
 * @example
 * actor.send({ type: 'session.revoke', id });
 */
export const sessionsMachine = setup({
  types: { context: {} as SessionsContext, events: {} as SessionsEvent },
  actors: {
    listSessions: authActorPlaceholders.listSessions,
    revokeSession: authActorPlaceholders.revokeSession,
    revokeOtherSessions: authActorPlaceholders.revokeOtherSessions,
  },
  guards: {
    isOtherSession: ({ context, event }) => {
      assertEvent(event, 'session.revoke');
      return context.sessions.some((session) => session.id === event.id && !session.current);
    },
  },
  actions: {
    assignError: assign({ error: ({ event }) => errorOfEvent(event), revokingId: null }),
  },
}).createMachine({
  id: 'sessions',
  context: { sessions: [], error: null, revokingId: null },
  initial: 'loading',
  states: {
    loading: {
      invoke: {
        src: 'listSessions',
        onDone: {
          target: 'ready',
          // A fresh list ends an earlier failure: a retried load must not keep showing it.
          actions: assign({ sessions: ({ event }) => event.output.sessions, revokingId: null, error: null }),
        },
        onError: { target: 'failed', actions: 'assignError' },
      },
    },
    failed: { on: { 'sessions.reload': 'loading' } },
    ready: {
      on: {
        // The current session ends by signing out, not from this list.
        'session.revoke': {
          guard: 'isOtherSession',
          target: 'revoking',
          actions: assign(({ event }) => ({ revokingId: event.id, error: null })),
        },
        'sessions.revokeOthers': { target: 'revokingOthers', actions: assign({ error: null }) },
        'sessions.reload': 'loading',
      },
    },
    revoking: {
      invoke: {
        src: 'revokeSession',
        input: ({ context }) => ({ id: context.revokingId! }),
        onDone: 'loading',
        onError: { target: 'ready', actions: 'assignError' },
      },
    },
    revokingOthers: {
      invoke: {
        src: 'revokeOtherSessions',
        onDone: 'loading',
        onError: { target: 'ready', actions: 'assignError' },
      },
    },
  },
});

/**
 * The sessions machine with its I/O.
 *
 * @example
 * const sessions = provideSessionsMachine(securityHttpActors(client));
 */
export function provideSessionsMachine(
  actors: Pick<AuthActors, 'listSessions' | 'revokeSession' | 'revokeOtherSessions'>,
) {
  return sessionsMachine.provide({
    actors: {
      listSessions: actors.listSessions,
      revokeSession: actors.revokeSession,
      revokeOtherSessions: actors.revokeOtherSessions,
    },
  });
}
