import { describe, expect, it, vi } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { createAuthMachines } from '../auth/create-auth-machines.js';
import { FoyerError } from '../errors.js';
import { createFakeAuthActors } from '../testing/fake-auth-actors.js';

const start = (changePassword: () => Promise<void>) =>
  createActor(createAuthMachines(createFakeAuthActors({ changePassword })).changePassword, {
    input: { email: 'ada@example.com' },
  }).start();

describe('changePassword machine', () => {
  it('changes the password', async () => {
    const change = vi.fn(async () => undefined);
    const actor = start(change);
    actor.send({ type: 'change.submit', currentPassword: 'old one', newPassword: 'velvet orbit tangerine harbor' });
    await waitFor(actor, (s) => s.status === 'done');
    expect(change).toHaveBeenCalledWith({ currentPassword: 'old one', newPassword: 'velvet orbit tangerine harbor' });
  });
  it('puts a wrong current password on its field and a breached new one on the other', async () => {
    const actor = start(
      vi
        .fn()
        .mockRejectedValueOnce(new FoyerError('invalid_credentials'))
        .mockRejectedValueOnce(new FoyerError('password_breached')),
    );
    actor.send({ type: 'change.submit', currentPassword: 'old one', newPassword: 'velvet orbit tangerine harbor' });
    let snapshot = await waitFor(actor, (s) => s.context.error !== null);
    expect(Object.keys(snapshot.context.fieldErrors)).toEqual(['currentPassword']);
    actor.send({ type: 'change.submit', currentPassword: 'old one', newPassword: 'velvet orbit tangerine harbor' });
    snapshot = await waitFor(actor, (s) => s.context.error?.code === 'password_breached');
    expect(Object.keys(snapshot.context.fieldErrors)).toEqual(['newPassword']);
  });
  it('validates locally: an empty current password, a short new one', () => {
    const change = vi.fn(async () => undefined);
    const actor = start(change);
    actor.send({ type: 'change.submit', currentPassword: '', newPassword: 'short' });
    expect(Object.keys(actor.getSnapshot().context.fieldErrors).sort()).toEqual(['currentPassword', 'newPassword']);
    expect(change).not.toHaveBeenCalled();
  });
});
