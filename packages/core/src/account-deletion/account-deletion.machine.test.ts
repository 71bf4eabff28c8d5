import { describe, expect, it, vi } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { createAuthMachines } from '../auth/create-auth-machines.js';
import { FoyerError } from '../errors.js';
import { createFakeAuthActors, type FakeAuthHandlers } from '../testing/fake-auth-actors.js';
import { isDeletionConfirmed } from './account-deletion.machine.js';

const started = {
  exportUrl: 'https://auth.example.com/account/export',
  confirmToken: 'tok_'.padEnd(43, 'x'),
  expiresAt: '2026-11-28T10:15:00.000Z',
};
const start = (handlers: FakeAuthHandlers) =>
  createActor(createAuthMachines(createFakeAuthActors(handlers)).accountDeletion, {
    input: { email: 'ada@example.com' },
  }).start();

describe('accountDeletion machine', () => {
  it('reviews, asks for step-up when the server wants it, retries, confirms and deletes', async () => {
    const request = vi
      .fn()
      .mockRejectedValueOnce(
        new FoyerError('step_up_required', { details: { methods: ['password'], maxAgeSeconds: 300 } }),
      )
      .mockResolvedValueOnce(started);
    const remove = vi.fn(async () => undefined);
    const actor = start({ requestAccountDeletion: request, deleteAccount: remove });
    expect(actor.getSnapshot().context.exportUrl).toBe('/account/export');
    actor.send({ type: 'deletion.start' });
    const stepUp = await waitFor(actor, (s) => s.matches('stepUpRequired'));
    expect(stepUp.context.stepUp).toEqual({ methods: ['password'], maxAgeSeconds: 300 });
    actor.send({ type: 'stepUp.done' });
    const confirming = await waitFor(actor, (s) => s.matches('confirming'));
    expect(confirming.context.exportUrl).toBe(started.exportUrl);
    actor.send({ type: 'deletion.confirm', confirmation: 'delete' });
    expect(actor.getSnapshot().context.fieldErrors.confirmation).toMatch(/DELETE/);
    expect(remove).not.toHaveBeenCalled();
    actor.send({ type: 'deletion.confirm', confirmation: ' ADA@example.com ' });
    await waitFor(actor, (s) => s.status === 'done');
    expect(remove).toHaveBeenCalledWith({ confirmToken: started.confirmToken });
    expect(actor.getSnapshot().context.confirmToken).toBeNull();
  });

  it('goes back to reviewing when the step-up is cancelled or the token died', async () => {
    const actor = start({
      requestAccountDeletion: vi
        .fn()
        .mockRejectedValueOnce(new FoyerError('step_up_required'))
        .mockResolvedValue(started),
      deleteAccount: async () => Promise.reject(new FoyerError('code_expired')),
    });
    actor.send({ type: 'deletion.start' });
    await waitFor(actor, (s) => s.matches('stepUpRequired'));
    actor.send({ type: 'stepUp.cancel' });
    expect(actor.getSnapshot().value).toBe('reviewing');
    actor.send({ type: 'deletion.start' });
    await waitFor(actor, (s) => s.matches('confirming'));
    actor.send({ type: 'deletion.confirm', confirmation: 'DELETE' });
    const back = await waitFor(actor, (s) => s.matches('reviewing') && s.context.error !== null);
    expect(back.context.error?.code).toBe('code_expired');
    expect(back.context.confirmToken).toBeNull();
  });

  it('keeps other errors on the step they happened in', async () => {
    const requestAccountDeletion = vi
      .fn()
      .mockRejectedValueOnce(new FoyerError('network_error'))
      .mockResolvedValue(started);
    const deleteAccount = vi.fn(async () => Promise.reject(new FoyerError('network_error')));
    const actor = start({ requestAccountDeletion, deleteAccount });
    actor.send({ type: 'deletion.start' });
    const reviewing = await waitFor(actor, (s) => s.context.error !== null);
    expect(reviewing.value).toBe('reviewing');
    expect(reviewing.context.error?.code).toBe('network_error');
    actor.send({ type: 'deletion.start' });
    await waitFor(actor, (s) => s.matches('confirming'));
    expect(requestAccountDeletion).toHaveBeenCalledTimes(2);
    actor.send({ type: 'deletion.confirm', confirmation: 'DELETE' });
    const confirming = await waitFor(actor, (s) => s.context.error !== null);
    // Still on the confirmation, with the token kept for a retry; nothing was deleted.
    expect(confirming.value).toBe('confirming');
    expect(confirming.context.error?.code).toBe('network_error');
    expect(confirming.context.confirmToken).toBe(started.confirmToken);
    expect(deleteAccount).toHaveBeenCalledTimes(1);
    expect(confirming.status).toBe('active');
  });

  it('confirms with DELETE or the email only', () => {
    expect(isDeletionConfirmed('DELETE', '')).toBe(true);
    expect(isDeletionConfirmed('Delete', 'ada@example.com')).toBe(false);
    expect(isDeletionConfirmed('ada@example.com', 'Ada@Example.com')).toBe(true);
    expect(isDeletionConfirmed('', '')).toBe(false);
  });
});
