import { describe, expect, it, vi } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { createAuthMachines } from '../auth/create-auth-machines.js';
import type { User } from '../contracts/index.js';
import { FoyerError } from '../errors.js';
import { createFakeAuthActors, type FakeAuthHandlers } from '../testing/fake-auth-actors.js';

const user: User = { id: 'u1', email: 'ada@example.com', emailVerified: true, createdAt: '2026-11-28T00:00:00.000Z' };

function start(
  handlers: FakeAuthHandlers,
  input: { email: string; sendCode?: boolean } = { email: 'ada@example.com' },
) {
  const { verifyEmail } = createAuthMachines(createFakeAuthActors(handlers));
  return createActor(verifyEmail, { input }).start();
}

describe('verifyEmail machine', () => {
  it('waits for a code, verifies it and outputs the user', async () => {
    const verify = vi.fn(async () => ({ user }));
    const actor = start({ verifyEmail: verify });
    expect(actor.getSnapshot().value).toBe('awaitingCode');
    actor.send({ type: 'code.submit', code: '123 456' });
    expect(actor.getSnapshot().value).toBe('verifying');
    const done = await waitFor(actor, (s) => s.status === 'done');
    expect(done.output).toEqual({ user });
    expect(verify).toHaveBeenCalledWith({ email: 'ada@example.com', code: '123 456' });
  });

  it('refuses a malformed code locally, without calling the server', () => {
    const verify = vi.fn(async () => ({ user }));
    const actor = start({ verifyEmail: verify });
    actor.send({ type: 'code.submit', code: '12ab' });
    const snapshot = actor.getSnapshot();
    expect(snapshot.value).toBe('awaitingCode');
    expect(snapshot.context.fieldErrors.code).toMatch(/6-digit/);
    expect(verify).not.toHaveBeenCalled();
  });

  it.each(['invalid_code', 'code_expired', 'rate_limited', 'network_error'] as const)(
    'returns to awaitingCode with %s',
    async (code) => {
      const actor = start({ verifyEmail: async () => Promise.reject(new FoyerError(code)) });
      actor.send({ type: 'code.submit', code: '000000' });
      const snapshot = await waitFor(actor, (s) => s.matches('awaitingCode') && s.context.error !== null);
      expect(snapshot.context.error?.code).toBe(code);
    },
  );

  it('resends a code and shows a notice, clearing the previous error', async () => {
    const resend = vi.fn(async () => undefined);
    const actor = start({
      verifyEmail: async () => Promise.reject(new FoyerError('code_expired')),
      resendVerification: resend,
    });
    actor.send({ type: 'code.submit', code: '000000' });
    await waitFor(actor, (s) => s.context.error?.code === 'code_expired');
    actor.send({ type: 'code.resend' });
    expect(actor.getSnapshot().value).toBe('resending');
    const snapshot = await waitFor(actor, (s) => s.matches('awaitingCode'));
    expect(snapshot.context).toMatchObject({ notice: 'code_sent', error: null });
    expect(resend).toHaveBeenCalledWith({ email: 'ada@example.com' });
  });

  it('keeps the resend failure visible', async () => {
    const actor = start({
      resendVerification: async () => Promise.reject(new FoyerError('rate_limited', { retryAfter: 30 })),
    });
    actor.send({ type: 'code.resend' });
    const snapshot = await waitFor(actor, (s) => s.matches('awaitingCode') && s.context.error !== null);
    expect(snapshot.context.error).toMatchObject({ code: 'rate_limited', retryAfter: 30 });
    expect(snapshot.context.notice).toBeNull();
  });

  it('sends a code on start when asked to', async () => {
    const resend = vi.fn(async () => undefined);
    const actor = start({ resendVerification: resend }, { email: 'ada@example.com', sendCode: true });
    expect(actor.getSnapshot().value).toBe('resending');
    await waitFor(actor, (s) => s.matches('awaitingCode'));
    expect(resend).toHaveBeenCalledTimes(1);
  });

  it('turns an unexpected throw into internal_error', async () => {
    const actor = start({ verifyEmail: async () => Promise.reject(new TypeError('boom')) });
    actor.send({ type: 'code.submit', code: '123456' });
    const snapshot = await waitFor(actor, (s) => s.context.error !== null);
    expect(snapshot.context.error?.code).toBe('internal_error');
  });
});
