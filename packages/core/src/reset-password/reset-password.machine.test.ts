import { describe, expect, it, vi } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { createAuthMachines } from '../auth/create-auth-machines.js';
import type { User } from '../contracts/index.js';
import { FoyerError } from '../errors.js';
import { createFakeAuthActors, type FakeAuthHandlers } from '../testing/fake-auth-actors.js';

const user: User = { id: 'u1', email: 'ada@example.com', emailVerified: true, createdAt: '2026-11-28T00:00:00.000Z' };
const start = (handlers: FakeAuthHandlers, input: { email?: string; token?: string } = {}) =>
  createActor(createAuthMachines(createFakeAuthActors(handlers)).resetPassword, { input }).start();

describe('resetPassword machine', () => {
  it('requests a code, then resets with code and new password, signed in', async () => {
    const forgotPassword = vi.fn(async () => undefined);
    const resetPassword = vi.fn(async () => ({ user }));
    const actor = start({ forgotPassword, resetPassword });
    expect(actor.getSnapshot().value).toBe('requesting');
    actor.send({ type: 'reset.request', email: ' Ada@Example.com ' });
    const awaiting = await waitFor(actor, (s) => s.matches('awaitingCode'));
    expect(awaiting.context.notice).toBe('code_sent');
    expect(forgotPassword).toHaveBeenCalledWith({ email: 'ada@example.com' });
    actor.send({ type: 'reset.submit', code: '123 456', password: 'velvet orbit tangerine harbor' });
    const done = await waitFor(actor, (s) => s.status === 'done');
    expect(done.output).toEqual({ user });
    expect(resetPassword).toHaveBeenCalledWith({
      email: 'ada@example.com',
      code: '123 456',
      password: 'velvet orbit tangerine harbor',
    });
  });

  it('with a link token, asks only for the new password', async () => {
    const resetPassword = vi.fn(async () => ({ user }));
    const actor = start({ resetPassword }, { token: 'x'.repeat(43) });
    expect(actor.getSnapshot().value).toBe('choosingPassword');
    actor.send({ type: 'reset.submit', password: 'velvet orbit tangerine harbor' });
    await waitFor(actor, (s) => s.status === 'done');
    expect(resetPassword).toHaveBeenCalledWith({ token: 'x'.repeat(43), password: 'velvet orbit tangerine harbor' });
  });

  it('checks email, code and password locally first', () => {
    const forgotPassword = vi.fn(async () => undefined);
    const actor = start({ forgotPassword });
    actor.send({ type: 'reset.request', email: 'nope' });
    expect(actor.getSnapshot().context.fieldErrors).toEqual({ email: 'Enter a valid email address.' });
    expect(forgotPassword).not.toHaveBeenCalled();
  });

  it.each([
    ['invalid_code', 'code'],
    ['weak_password', 'password'],
    ['password_breached', 'password'],
  ] as const)('puts %s on the %s field and stays on the form', async (code, field) => {
    const actor = start({
      forgotPassword: async () => undefined,
      resetPassword: async () => Promise.reject(new FoyerError(code)),
    });
    actor.send({ type: 'reset.request', email: 'ada@example.com' });
    await waitFor(actor, (s) => s.matches('awaitingCode'));
    actor.send({ type: 'reset.submit', code: '123456', password: 'velvet orbit tangerine harbor' });
    const snapshot = await waitFor(actor, (s) => s.matches('awaitingCode') && s.context.error !== null);
    expect(Object.keys(snapshot.context.fieldErrors)).toEqual([field]);
  });

  it('an expired code offers a new one', async () => {
    const forgotPassword = vi.fn(async () => undefined);
    const actor = start({ forgotPassword, resetPassword: async () => Promise.reject(new FoyerError('code_expired')) });
    actor.send({ type: 'reset.request', email: 'ada@example.com' });
    await waitFor(actor, (s) => s.matches('awaitingCode'));
    actor.send({ type: 'reset.submit', code: '123456', password: 'velvet orbit tangerine harbor' });
    await waitFor(actor, (s) => s.context.error?.code === 'code_expired');
    actor.send({ type: 'code.resend' });
    await waitFor(actor, (s) => s.matches('awaitingCode') && s.context.notice === 'code_sent');
    expect(forgotPassword).toHaveBeenCalledTimes(2);
  });

  it('a refused link falls back to requesting a code', async () => {
    const actor = start(
      { resetPassword: async () => Promise.reject(new FoyerError('code_expired')) },
      { token: 'y'.repeat(43) },
    );
    actor.send({ type: 'reset.submit', password: 'velvet orbit tangerine harbor' });
    await waitFor(actor, (s) => s.matches('choosingPassword') && s.context.error !== null);
    actor.send({ type: 'reset.restart' });
    expect(actor.getSnapshot().value).toBe('requesting');
  });
});
