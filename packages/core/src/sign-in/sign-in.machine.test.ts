import { describe, expect, it, vi } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { createAuthMachines } from '../auth/create-auth-machines.js';
import type { User } from '../contracts/index.js';
import { FoyerError } from '../errors.js';
import { createFakeAuthActors, type FakeAuthHandlers } from '../testing/fake-auth-actors.js';

const user: User = { id: 'u1', email: 'ada@example.com', emailVerified: true, createdAt: '2026-11-28T00:00:00.000Z' };
const credentials = {
  type: 'credentials.submit',
  email: ' Ada@Example.com ',
  password: 'correct horse battery',
} as const;

function start(handlers: FakeAuthHandlers) {
  return createActor(createAuthMachines(createFakeAuthActors(handlers)).signIn, { input: {} }).start();
}

describe('signIn machine', () => {
  it('signs in and outputs the user; the password never enters the context', async () => {
    const signIn = vi.fn(async () => ({ user }));
    const actor = start({ signIn });
    actor.send(credentials);
    expect(actor.getSnapshot().value).toBe('submitting');
    expect(JSON.stringify(actor.getSnapshot().context)).not.toContain('correct horse');
    const done = await waitFor(actor, (s) => s.status === 'done');
    expect(done.output).toEqual({ user });
    expect(signIn).toHaveBeenCalledWith({ email: ' Ada@Example.com ', password: 'correct horse battery' });
    expect(done.context.email).toBe('ada@example.com');
  });

  it('validates with the shared schema before calling the server', () => {
    const signIn = vi.fn(async () => ({ user }));
    const actor = start({ signIn });
    actor.send({ type: 'credentials.submit', email: 'not-an-email', password: '' });
    const { value, context } = actor.getSnapshot();
    expect(value).toBe('editing');
    expect(Object.keys(context.fieldErrors).sort()).toEqual(['email', 'password']);
    expect(signIn).not.toHaveBeenCalled();
  });

  it.each(['invalid_credentials', 'rate_limited', 'network_error'] as const)(
    'goes back to editing on %s',
    async (code) => {
      const actor = start({ signIn: async () => Promise.reject(new FoyerError(code)) });
      actor.send(credentials);
      const snapshot = await waitFor(actor, (s) => s.matches('editing') && s.context.error !== null);
      expect(snapshot.context.error?.code).toBe(code);
    },
  );

  it('maps server field errors to fields', async () => {
    const actor = start({
      signIn: async () =>
        Promise.reject(new FoyerError('invalid_input', { fields: { email: 'Enter a valid email address.' } })),
    });
    actor.send(credentials);
    const snapshot = await waitFor(actor, (s) => s.context.error !== null);
    expect(snapshot.context.fieldErrors).toEqual({ email: 'Enter a valid email address.' });
  });

  it('continues into email verification when the account is not verified, then completes', async () => {
    const verifyEmail = vi.fn(async () => ({ user }));
    const actor = start({ signIn: async () => Promise.reject(new FoyerError('email_not_verified')), verifyEmail });
    actor.send(credentials);
    const verifying = await waitFor(actor, (s) => s.matches('verifyingEmail'));
    const child = verifying.children.verifyEmail;
    expect(child?.getSnapshot().value).toBe('awaitingCode');
    child?.send({ type: 'code.submit', code: '654321' });
    const done = await waitFor(actor, (s) => s.status === 'done');
    expect(done.output).toEqual({ user });
    expect(verifyEmail).toHaveBeenCalledWith({ email: 'ada@example.com', code: '654321' });
  });

  it('can leave verification and edit the credentials again', async () => {
    const actor = start({ signIn: async () => Promise.reject(new FoyerError('email_not_verified')) });
    actor.send(credentials);
    await waitFor(actor, (s) => s.matches('verifyingEmail'));
    actor.send({ type: 'verification.cancel' });
    expect(actor.getSnapshot().value).toBe('editing');
    expect(actor.getSnapshot().children.verifyEmail).toBeUndefined();
  });

  it('pre-fills the email from input', () => {
    const { signIn } = createAuthMachines(createFakeAuthActors());
    const actor = createActor(signIn, { input: { email: 'ada@example.com' } }).start();
    expect(actor.getSnapshot().context.email).toBe('ada@example.com');
  });
});
