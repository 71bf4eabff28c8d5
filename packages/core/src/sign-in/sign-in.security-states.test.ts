import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { createAuthMachines } from '../auth/create-auth-machines.js';
import type { User } from '../contracts/index.js';
import { FoyerError } from '../errors.js';
import { createFakeAuthActors, type FakeAuthHandlers } from '../testing/fake-auth-actors.js';

const user: User = { id: 'u1', email: 'ada@example.com', emailVerified: true, createdAt: '2026-11-28T00:00:00.000Z' };
const submit = (extra: { captcha?: string } = {}) =>
  ({ type: 'credentials.submit', email: 'ada@example.com', password: 'wrong but long', ...extra }) as const;
const start = (handlers: FakeAuthHandlers) =>
  createActor(createAuthMachines(createFakeAuthActors(handlers)).signIn, { input: {} }).start();

describe('signIn machine: the answers of the server’s defences', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }));
  afterEach(() => vi.useRealTimers());

  it('keeps the attempts left that the server reports', async () => {
    const actor = start({
      signIn: async () => Promise.reject(new FoyerError('invalid_credentials', { details: { attemptsLeft: 1 } })),
    });
    actor.send(submit());
    await vi.advanceTimersByTimeAsync(0);
    expect(actor.getSnapshot().context).toMatchObject({ attemptsLeft: 1, error: { code: 'invalid_credentials' } });
  });

  it('asks for a CAPTCHA on 428, refuses to resubmit without a solution, and sends the solution', async () => {
    const signIn = vi
      .fn()
      .mockRejectedValueOnce(
        new FoyerError('captcha_required', {
          details: { captcha: { provider: 'altcha', challengeUrl: '/auth/captcha/challenge' } },
        }),
      )
      .mockResolvedValueOnce({ user });
    const actor = start({ signIn });
    actor.send(submit());
    await vi.advanceTimersByTimeAsync(0);
    expect(actor.getSnapshot().value).toBe('captchaRequired');
    expect(actor.getSnapshot().context.captcha).toEqual({
      provider: 'altcha',
      challengeUrl: '/auth/captcha/challenge',
    });
    actor.send(submit());
    expect(actor.getSnapshot().context.fieldErrors).toEqual({ captcha: 'Complete the human check.' });
    expect(signIn).toHaveBeenCalledTimes(1);
    actor.send(submit({ captcha: 'solution' }));
    await vi.advanceTimersByTimeAsync(0);
    expect(signIn).toHaveBeenLastCalledWith({
      email: 'ada@example.com',
      password: 'wrong but long',
      captcha: 'solution',
    });
    expect(actor.getSnapshot().status).toBe('done');
  });

  it('shows a refused solution and stays on the CAPTCHA', async () => {
    const actor = start({ signIn: async () => Promise.reject(new FoyerError('captcha_invalid')) });
    actor.send(submit());
    await vi.advanceTimersByTimeAsync(0);
    expect(actor.getSnapshot().value).toBe('captchaRequired');
    expect(actor.getSnapshot().context.error?.code).toBe('captcha_invalid');
  });

  it('is locked until the lock ends, then editable again', async () => {
    const lockedUntil = new Date(Date.now() + 900_000).toISOString();
    const actor = start({
      signIn: async () =>
        Promise.reject(
          new FoyerError('account_locked', { retryAfter: 900, details: { lockedUntil, unlockEmailSent: true } }),
        ),
    });
    actor.send(submit());
    await vi.advanceTimersByTimeAsync(0);
    expect(actor.getSnapshot().value).toBe('locked');
    expect(actor.getSnapshot().context.lock).toEqual({ lockedUntil, retryAfter: 900, unlockEmailSent: true });
    await vi.advanceTimersByTimeAsync(899_000);
    expect(actor.getSnapshot().value).toBe('locked');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(actor.getSnapshot().value).toBe('editing');
    expect(actor.getSnapshot().context.lock).toBeNull();
  });

  it('lets a locked person try again (a known device, or a lock lifted by email)', async () => {
    const signIn = vi
      .fn()
      .mockRejectedValueOnce(new FoyerError('account_locked', { retryAfter: 900 }))
      .mockResolvedValueOnce({ user });
    const actor = start({ signIn });
    actor.send(submit());
    await vi.advanceTimersByTimeAsync(0);
    actor.send(submit());
    await vi.advanceTimersByTimeAsync(0);
    expect(actor.getSnapshot().status).toBe('done');
  });

  it('continues into a password change when the password has since been breached, signed in already', async () => {
    const changePassword = vi.fn(async () => undefined);
    const actor = start({ signIn: async () => ({ user, passwordChangeRequired: true }), changePassword });
    actor.send(submit());
    await vi.advanceTimersByTimeAsync(0);
    const snapshot = actor.getSnapshot();
    expect(snapshot.value).toBe('changingPassword');
    expect(snapshot.context.user).toEqual(user);
    expect(snapshot.children.changePassword?.getSnapshot().context).toMatchObject({
      email: 'ada@example.com',
      required: true,
    });
    snapshot.children.changePassword?.send({
      type: 'change.submit',
      currentPassword: 'wrong but long',
      newPassword: 'velvet orbit tangerine harbor',
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(changePassword).toHaveBeenCalledWith({
      currentPassword: 'wrong but long',
      newPassword: 'velvet orbit tangerine harbor',
    });
    expect(actor.getSnapshot().status).toBe('done');
    expect(actor.getSnapshot().output).toEqual({ user });
  });

  it('can put the password change off', async () => {
    const changePassword = vi.fn(async () => undefined);
    const actor = start({ signIn: async () => ({ user, passwordChangeRequired: true }), changePassword });
    actor.send(submit());
    await vi.advanceTimersByTimeAsync(0);
    expect(actor.getSnapshot().value).toBe('changingPassword');
    actor.getSnapshot().children.changePassword?.send({ type: 'change.skip' });
    const done = await waitFor(actor, (s) => s.status === 'done');
    expect(done.output).toEqual({ user });
    expect(changePassword).not.toHaveBeenCalled();
  });
});
