import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor, fromPromise } from 'xstate';
import type { SaveStepDraftInput } from '../actors/onboarding.actors.js';
import { FoyerError } from '../errors.js';
import { autosaveMachine, saveStatusOf } from './autosave.machine.js';

type Save = (input: SaveStepDraftInput) => Promise<{ version: number }>;

function start(save: Save, versions: Record<string, number> = { 'provider/profile': 3 }) {
  const machine = autosaveMachine.provide({ actors: { saveStepDraft: fromPromise(({ input }) => save(input)) } });
  return createActor(machine, { input: { versions } }).start();
}

const change = (patch: Record<string, unknown>, step = 'profile') =>
  ({ type: 'draft.change', track: 'provider', step, patch }) as const;

/** A save whose answer the test decides. */
function controllableSave() {
  const calls: {
    input: SaveStepDraftInput;
    resolve: (v: { version: number }) => void;
    reject: (e: unknown) => void;
  }[] = [];
  const save: Save = (input) => new Promise((resolve, reject) => calls.push({ input, resolve, reject }));
  return { save, calls };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('autosave machine', () => {
  it('waits 800 ms after the last edit, then saves the edits together with the loaded version', async () => {
    const save = vi.fn<Save>(async () => ({ version: 4 }));
    const actor = start(save);
    actor.send(change({ headline: 'P' }));
    await vi.advanceTimersByTimeAsync(500);
    actor.send(change({ headline: 'Photographer' }));
    await vi.advanceTimersByTimeAsync(500);
    actor.send(change({ bio: 'Hi' }));
    await vi.advanceTimersByTimeAsync(799);
    expect(save).not.toHaveBeenCalled();
    expect(saveStatusOf(actor.getSnapshot())).toBe('saving');
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith({
      track: 'provider',
      step: 'profile',
      patch: { headline: 'Photographer', bio: 'Hi' },
      version: 3,
      keepalive: false,
    });
    await vi.waitFor(() => expect(actor.getSnapshot().value).toBe('idle'));
    expect(actor.getSnapshot().context.versions['provider/profile']).toBe(4);
    expect(saveStatusOf(actor.getSnapshot())).toBe('saved');
  });

  it('saves at once on flush, with keepalive when the page is going away', async () => {
    const save = vi.fn<Save>(async () => ({ version: 4 }));
    const actor = start(save);
    actor.send(change({ headline: 'x' }));
    actor.send({ type: 'draft.flush', keepalive: true });
    expect(save).toHaveBeenCalledWith(expect.objectContaining({ keepalive: true }));
  });

  it('a flush with nothing pending does nothing', () => {
    const save = vi.fn<Save>(async () => ({ version: 4 }));
    const actor = start(save);
    actor.send({ type: 'draft.flush' });
    expect(save).not.toHaveBeenCalled();
    expect(actor.getSnapshot().value).toBe('idle');
  });

  it('never drops an edit typed while a save is in flight, and bases the next save on the new version', async () => {
    const { save, calls } = controllableSave();
    const actor = start(save);
    actor.send(change({ headline: 'one' }));
    actor.send({ type: 'draft.flush' });
    actor.send(change({ headline: 'two' }));
    calls[0]!.resolve({ version: 4 });
    await vi.waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1]!.input).toMatchObject({ patch: { headline: 'two' }, version: 4 });
    calls[1]!.resolve({ version: 5 });
    await vi.waitFor(() => expect(actor.getSnapshot().value).toBe('idle'));
    expect(actor.getSnapshot().context.pending).toEqual({});
  });

  it('saves each step with its own version', async () => {
    const save = vi.fn<Save>(async (input) => ({ version: input.version + 1 }));
    const actor = start(save, { 'provider/profile': 3, 'provider/packages': 7 });
    actor.send(change({ headline: 'x' }));
    actor.send(change({ packages: [] }, 'packages'));
    actor.send({ type: 'draft.flush' });
    await vi.waitFor(() => expect(actor.getSnapshot().value).toBe('idle'));
    expect(save.mock.calls.map(([input]) => [input.step, input.version])).toEqual([
      ['profile', 3],
      ['packages', 7],
    ]);
  });

  it('retries offline with doubling backoff, at once when the connection returns, and keeps edits meanwhile', async () => {
    let online = false;
    const save = vi.fn<Save>(async (input) => {
      if (!online) throw new FoyerError('network_error');
      return { version: input.version + 1 };
    });
    const actor = start(save);
    actor.send(change({ headline: 'a' }));
    actor.send({ type: 'draft.flush' });
    // Settle the rejected save without moving the clock (vi.waitFor would advance fake timers).
    await vi.advanceTimersByTimeAsync(0);
    expect(actor.getSnapshot().value).toBe('retrying');
    expect(save).toHaveBeenCalledTimes(1);
    expect(saveStatusOf(actor.getSnapshot())).toBe('offline');
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1999);
    expect(save).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(3);
    actor.send(change({ bio: 'b' }));
    online = true;
    actor.send({ type: 'connection.online' });
    await vi.advanceTimersByTimeAsync(0);
    expect(actor.getSnapshot().value).toBe('idle');
    expect(save).toHaveBeenCalledTimes(4);
    expect(save).toHaveBeenLastCalledWith(expect.objectContaining({ patch: { headline: 'a', bio: 'b' }, version: 3 }));
  });

  it('holds a version conflict until the person keeps theirs (saved on the server version)', async () => {
    const current = { data: { headline: 'from the other tab' }, version: 9 };
    const save = vi
      .fn<Save>()
      .mockRejectedValueOnce(new FoyerError('version_conflict', { details: { current } }))
      .mockResolvedValueOnce({ version: 10 });
    const actor = start(save);
    actor.send(change({ headline: 'mine' }));
    actor.send({ type: 'draft.flush' });
    await vi.waitFor(() => expect(actor.getSnapshot().value).toBe('conflict'));
    expect(actor.getSnapshot().context.conflict).toEqual({ track: 'provider', step: 'profile', current });
    expect(saveStatusOf(actor.getSnapshot())).toBe('conflict');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(save).toHaveBeenCalledTimes(1);
    actor.send({ type: 'conflict.keepMine' });
    await vi.waitFor(() => expect(actor.getSnapshot().value).toBe('idle'));
    expect(save).toHaveBeenLastCalledWith(expect.objectContaining({ patch: { headline: 'mine' }, version: 9 }));
    expect(actor.getSnapshot().context.versions['provider/profile']).toBe(10);
  });

  it('or takes the server version, dropping the local edits of that step only', async () => {
    const current = { data: { headline: 'theirs' }, version: 9 };
    const save = vi
      .fn<Save>()
      .mockRejectedValueOnce(new FoyerError('version_conflict', { details: { current } }))
      .mockResolvedValue({ version: 2 });
    const actor = start(save);
    actor.send(change({ headline: 'mine' }));
    actor.send({ type: 'draft.flush' });
    await vi.waitFor(() => expect(actor.getSnapshot().value).toBe('conflict'));
    actor.send(change({ packages: [] }, 'packages'));
    actor.send({ type: 'conflict.takeTheirs' });
    await vi.waitFor(() => expect(actor.getSnapshot().value).toBe('idle'));
    expect(save).toHaveBeenCalledTimes(2);
    expect(save).toHaveBeenLastCalledWith(expect.objectContaining({ step: 'packages' }));
    expect(actor.getSnapshot().context.versions['provider/profile']).toBe(9);
  });

  it('stops on a refused draft, keeps it, and tries again after the next edit', async () => {
    const save = vi
      .fn<Save>()
      .mockRejectedValueOnce(new FoyerError('invalid_input', { fields: { headline: 'Too long' } }))
      .mockResolvedValueOnce({ version: 4 });
    const actor = start(save);
    actor.send(change({ headline: 'x'.repeat(100) }));
    actor.send({ type: 'draft.flush' });
    await vi.waitFor(() => expect(actor.getSnapshot().value).toBe('failed'));
    expect(saveStatusOf(actor.getSnapshot())).toBe('error');
    expect(actor.getSnapshot().context.error?.fields).toEqual({ headline: 'Too long' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(save).toHaveBeenCalledTimes(1);
    actor.send(change({ headline: 'short' }));
    await vi.advanceTimersByTimeAsync(800);
    await vi.waitFor(() => expect(actor.getSnapshot().value).toBe('idle'));
    expect(save).toHaveBeenLastCalledWith(expect.objectContaining({ patch: { headline: 'short' } }));
  });
});
