import { describe, expect, it, vi } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { createAuthMachines } from '../auth/create-auth-machines.js';
import { FoyerError } from '../errors.js';
import { createFakeAuthActors, type FakeAuthHandlers } from '../testing/fake-auth-actors.js';

const user = { id: 'u1', email: 'ada@example.com', emailVerified: true, createdAt: '2026-11-28T10:00:00.000Z' };
const start = (handlers: FakeAuthHandlers) =>
  createActor(createAuthMachines(createFakeAuthActors(handlers)).phoneSignIn, { input: { country: 'US' } }).start();

describe('phoneSignIn machine', () => {
  it('sends a code, verifies it and outputs the session answer', async () => {
    const send = vi.fn(async () => undefined);
    const verify = vi.fn(async () => ({ user }));
    const actor = start({ startPhoneSignIn: send, verifyPhoneSignIn: verify });
    actor.send({ type: 'phone.submit', phone: ' (415) 555-2671 ' });
    await waitFor(actor, (s) => s.matches('awaitingCode'));
    expect(send).toHaveBeenCalledWith({ phone: '(415) 555-2671', country: 'US' });
    actor.send({ type: 'code.submit', code: '123 456' });
    const done = await waitFor(actor, (s) => s.status === 'done');
    expect(done.value).toBe('done');
    expect(done.output).toEqual({ user });
    expect(verify).toHaveBeenCalledWith({ phone: '(415) 555-2671', code: '123 456', country: 'US' });
  });

  it('ends in mfaRequired with the answer when the account has MFA', async () => {
    const answer = { mfaRequired: true as const, factors: ['totp' as const] };
    const actor = start({ startPhoneSignIn: async () => undefined, verifyPhoneSignIn: async () => answer as never });
    actor.send({ type: 'phone.submit', phone: '+14155552671' });
    await waitFor(actor, (s) => s.matches('awaitingCode'));
    actor.send({ type: 'code.submit', code: '123456' });
    const done = await waitFor(actor, (s) => s.status === 'done');
    expect(done.value).toBe('mfaRequired');
    expect(done.output).toEqual(answer);
  });

  it('puts a wrong code on the code field and lets the user resend or change the number', async () => {
    const send = vi.fn(async () => undefined);
    const actor = start({
      startPhoneSignIn: send,
      verifyPhoneSignIn: async () => Promise.reject(new FoyerError('invalid_code')),
    });
    actor.send({ type: 'phone.submit', phone: '+14155552671' });
    await waitFor(actor, (s) => s.matches('awaitingCode'));
    actor.send({ type: 'code.submit', code: '12' });
    expect(actor.getSnapshot().context.fieldErrors).toEqual({ code: 'Enter the 6-digit code.' });
    actor.send({ type: 'code.submit', code: '654321' });
    const wrong = await waitFor(actor, (s) => s.matches('awaitingCode') && s.context.error !== null);
    expect(wrong.context.error?.code).toBe('invalid_code');
    expect(Object.keys(wrong.context.fieldErrors)).toEqual(['code']);
    actor.send({ type: 'code.resend' });
    await waitFor(actor, (s) => s.matches('awaitingCode') && send.mock.calls.length === 2);
    actor.send({ type: 'phone.change' });
    expect(actor.getSnapshot().value).toBe('enterPhone');
  });

  it('shows a refused number and a rate limit on the phone step', async () => {
    const actor = start({
      startPhoneSignIn: vi
        .fn()
        .mockRejectedValueOnce(
          new FoyerError('invalid_input', { fields: { phone: 'Numbers from this country are not supported.' } }),
        )
        .mockRejectedValueOnce(new FoyerError('rate_limited', { retryAfter: 60 })),
    });
    actor.send({ type: 'phone.submit', phone: '' });
    expect(actor.getSnapshot().context.fieldErrors.phone).toBeDefined();
    actor.send({ type: 'phone.submit', phone: '+33123456789' });
    let snapshot = await waitFor(actor, (s) => s.matches('enterPhone') && s.context.error !== null);
    expect(snapshot.context.fieldErrors).toEqual({ phone: 'Numbers from this country are not supported.' });
    actor.send({ type: 'phone.submit', phone: '+14155552671' });
    snapshot = await waitFor(actor, (s) => s.matches('enterPhone') && s.context.error?.code === 'rate_limited');
    expect(snapshot.context.error?.retryAfter).toBe(60);
  });
});
