import { describe, expect, it, vi } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { createAuthMachines } from '../auth/create-auth-machines.js';
import type { SessionInfo } from '../contracts/index.js';
import { FoyerError } from '../errors.js';
import { createFakeAuthActors } from '../testing/fake-auth-actors.js';

const session = (id: string, current = false): SessionInfo => ({
  id,
  device: 'Chrome on macOS',
  ipPrefix: '203.0.113.0/24',
  createdAt: '2026-11-28T00:00:00.000Z',
  lastSeenAt: '2026-11-28T01:00:00.000Z',
  current,
});

describe('sessions machine', () => {
  it('lists, revokes one other session and reloads', async () => {
    let sessions = [session('a', true), session('b'), session('c')];
    const revokeSession = vi.fn(async ({ id }: { id: string }) => {
      sessions = sessions.filter((s) => s.id !== id);
    });
    const actor = createActor(
      createAuthMachines(createFakeAuthActors({ listSessions: async () => ({ sessions }), revokeSession })).sessions,
    ).start();
    await waitFor(actor, (s) => s.matches('ready'));
    actor.send({ type: 'session.revoke', id: 'b' });
    expect(actor.getSnapshot().context.revokingId).toBe('b');
    const snapshot = await waitFor(actor, (s) => s.matches('ready') && s.context.sessions.length === 2);
    expect(snapshot.context.sessions.map((s) => s.id)).toEqual(['a', 'c']);
  });

  it('never revokes the current session from the list', async () => {
    const revokeSession = vi.fn(async () => undefined);
    const actor = createActor(
      createAuthMachines(
        createFakeAuthActors({ listSessions: async () => ({ sessions: [session('a', true)] }), revokeSession }),
      ).sessions,
    ).start();
    await waitFor(actor, (s) => s.matches('ready'));
    actor.send({ type: 'session.revoke', id: 'a' });
    expect(actor.getSnapshot().value).toBe('ready');
    expect(revokeSession).not.toHaveBeenCalled();
  });

  it('revokes all others, and shows failures', async () => {
    const revokeOtherSessions = vi
      .fn()
      .mockRejectedValueOnce(new FoyerError('network_error'))
      .mockResolvedValueOnce(undefined);
    const actor = createActor(
      createAuthMachines(
        createFakeAuthActors({
          listSessions: async () => ({ sessions: [session('a', true), session('b')] }),
          revokeOtherSessions,
        }),
      ).sessions,
    ).start();
    await waitFor(actor, (s) => s.matches('ready'));
    actor.send({ type: 'sessions.revokeOthers' });
    await waitFor(actor, (s) => s.matches('ready') && s.context.error !== null);
    actor.send({ type: 'sessions.revokeOthers' });
    await waitFor(actor, (s) => s.matches('ready') && s.context.error === null);
    expect(revokeOtherSessions).toHaveBeenCalledTimes(2);
  });

  it('shows a failed load and retries', async () => {
    const listSessions = vi
      .fn()
      .mockRejectedValueOnce(new FoyerError('unauthenticated'))
      .mockResolvedValueOnce({ sessions: [] });
    const actor = createActor(createAuthMachines(createFakeAuthActors({ listSessions })).sessions).start();
    const failed = await waitFor(actor, (s) => s.matches('failed'));
    expect(failed.context.error?.code).toBe('unauthenticated');
    expect(listSessions).toHaveBeenCalledTimes(1);
    actor.send({ type: 'sessions.reload' });
    const ready = await waitFor(actor, (s) => s.matches('ready'));
    expect(listSessions).toHaveBeenCalledTimes(2);
    expect(ready.context.error).toBeNull();
    expect(ready.context.sessions).toEqual([]);
  });
});
