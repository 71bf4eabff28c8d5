import { describe, expect, it, vi } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { createAuthMachines } from '../auth/create-auth-machines.js';
import type { User } from '../contracts/index.js';
import { FoyerError } from '../errors.js';
import { createFakeAuthActors, type FakeAuthHandlers } from '../testing/fake-auth-actors.js';

const user: User = { id: 'u1', email: 'ada@example.com', emailVerified: true, createdAt: '2026-11-28T00:00:00.000Z' };

function start(handlers: FakeAuthHandlers) {
  return createActor(createAuthMachines(createFakeAuthActors(handlers)).signUp).start();
}

describe('signUp machine', () => {
  it('signs up, verifies the email with the child machine and outputs the user', async () => {
    const signUp = vi.fn(async () => ({ status: 'verification_required' as const }));
    const verifyEmail = vi.fn(async () => ({ user }));
    const actor = start({ signUp, verifyEmail });
    actor.send({ type: 'credentials.submit', email: 'Ada@example.com', password: 'a long passphrase' });
    expect(actor.getSnapshot().value).toBe('submitting');
    const verifying = await waitFor(actor, (s) => s.matches('verifyingEmail'));
    expect(verifying.children.verifyEmail?.getSnapshot().context.email).toBe('ada@example.com');
    verifying.children.verifyEmail?.send({ type: 'code.submit', code: '111111' });
    const done = await waitFor(actor, (s) => s.status === 'done');
    expect(done.output).toEqual({ user });
    expect(signUp).toHaveBeenCalledWith({ email: 'Ada@example.com', password: 'a long passphrase' });
  });

  it.each([
    ['', 'a long passphrase', ['email']],
    ['ada@example.com', 'short', ['password']],
    ['ada@example.com', 'x'.repeat(129), ['password']],
    ['ａda@example.com', 'a long passphrase', ['email']],
  ])('refuses %j / %j locally', (email, password, fields) => {
    const signUp = vi.fn(async () => ({ status: 'verification_required' as const }));
    const actor = start({ signUp });
    actor.send({ type: 'credentials.submit', email, password });
    expect(actor.getSnapshot().value).toBe('editing');
    expect(Object.keys(actor.getSnapshot().context.fieldErrors)).toEqual(fields);
    expect(signUp).not.toHaveBeenCalled();
  });

  it('counts password length in characters, not UTF-16 units', () => {
    const signUp = vi.fn(async () => ({ status: 'verification_required' as const }));
    const actor = start({ signUp });
    // 4 emoji are 8 UTF-16 units but 4 characters.
    actor.send({ type: 'credentials.submit', email: 'ada@example.com', password: '🔑🔑🔑🔑' });
    expect(actor.getSnapshot().context.fieldErrors.password).toMatch(/at least 8/);
  });

  it('shows server errors and stays editable', async () => {
    const actor = start({ signUp: async () => Promise.reject(new FoyerError('rate_limited', { retryAfter: 60 })) });
    actor.send({ type: 'credentials.submit', email: 'ada@example.com', password: 'a long passphrase' });
    const snapshot = await waitFor(actor, (s) => s.matches('editing') && s.context.error !== null);
    expect(snapshot.context.error).toMatchObject({ code: 'rate_limited', retryAfter: 60 });
  });

  it('goes back to editing to fix a mistyped address', async () => {
    const actor = start({ signUp: async () => ({ status: 'verification_required' as const }) });
    actor.send({ type: 'credentials.submit', email: 'ada@exmaple.com', password: 'a long passphrase' });
    await waitFor(actor, (s) => s.matches('verifyingEmail'));
    actor.send({ type: 'verification.cancel' });
    expect(actor.getSnapshot().value).toBe('editing');
    expect(actor.getSnapshot().context.email).toBe('ada@exmaple.com');
  });
});
