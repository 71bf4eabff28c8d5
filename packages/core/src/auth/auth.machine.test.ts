import { describe, expect, it, vi } from 'vitest';
import { createActor, waitFor } from 'xstate';
import type { SessionResponse, User } from '../contracts/index.js';
import { FoyerError } from '../errors.js';
import { createFakeAuthActors, pending, type FakeAuthHandlers } from '../testing/fake-auth-actors.js';
import { createAuthMachines } from './create-auth-machines.js';

const user: User = { id: 'u1', email: 'ada@example.com', emailVerified: true, createdAt: '2026-11-28T00:00:00.000Z' };
const session: SessionResponse = {
  user,
  session: { id: 's1', createdAt: '2026-11-28T00:00:00.000Z', expiresAt: '2026-12-28T00:00:00.000Z' },
};

function start(handlers: FakeAuthHandlers, initialView?: 'signIn' | 'signUp') {
  return createActor(createAuthMachines(createFakeAuthActors(handlers)).auth, { input: { initialView } }).start();
}

describe('auth machine', () => {
  it('is loading until the session check answers', () => {
    const actor = start({ getSession: () => pending() });
    expect(actor.getSnapshot().value).toBe('loading');
  });

  it('goes straight to signedIn with a live session', async () => {
    const actor = start({ getSession: async () => session });
    const snapshot = await waitFor(actor, (s) => s.matches('signedIn'));
    expect(snapshot.context.user).toEqual(user);
  });

  it('offers sign-in (or sign-up when asked) without a session', async () => {
    expect((await waitFor(start({ getSession: async () => null }), (s) => s.matches('signedOut'))).value).toEqual({
      signedOut: 'signIn',
    });
    expect(
      (await waitFor(start({ getSession: async () => null }, 'signUp'), (s) => s.matches('signedOut'))).value,
    ).toEqual({
      signedOut: 'signUp',
    });
  });

  it('treats a failed session check as signed out, keeping the error', async () => {
    const snapshot = await waitFor(
      start({ getSession: async () => Promise.reject(new FoyerError('network_error')) }),
      (s) => s.matches('signedOut'),
    );
    expect(snapshot.context.error?.code).toBe('network_error');
  });

  it('switches views and signs in through the child machine', async () => {
    const actor = start({ getSession: async () => null, signIn: async () => ({ user }) });
    await waitFor(actor, (s) => s.matches('signedOut'));
    actor.send({ type: 'view.signUp' });
    expect(actor.getSnapshot().children.signUp).toBeDefined();
    actor.send({ type: 'view.signIn' });
    const child = actor.getSnapshot().children.signIn;
    child?.send({ type: 'credentials.submit', email: 'ada@example.com', password: 'a long passphrase' });
    const snapshot = await waitFor(actor, (s) => s.matches('signedIn'));
    expect(snapshot.context.user).toEqual(user);
  });

  it('signs up through the child machine and its verification step', async () => {
    const actor = start(
      {
        getSession: async () => null,
        signUp: async () => ({ status: 'verification_required' }),
        verifyEmail: async () => ({ user }),
      },
      'signUp',
    );
    await waitFor(actor, (s) => s.matches('signedOut'));
    const signUp = actor.getSnapshot().children.signUp!;
    signUp.send({ type: 'credentials.submit', email: 'ada@example.com', password: 'a long passphrase' });
    await waitFor(signUp, (s) => s.matches('verifyingEmail'));
    (signUp.getSnapshot() as { children: Record<string, { send(e: unknown): void }> }).children.verifyEmail?.send({
      type: 'code.submit',
      code: '123456',
    });
    expect((await waitFor(actor, (s) => s.matches('signedIn'))).context.user).toEqual(user);
  });

  it('signs out, and stays signed in (with the error) when sign-out fails', async () => {
    const signOut = vi
      .fn<() => Promise<void>>()
      .mockRejectedValueOnce(new FoyerError('network_error'))
      .mockResolvedValueOnce(undefined);
    const actor = start({ getSession: async () => session, signOut });
    await waitFor(actor, (s) => s.matches('signedIn'));
    actor.send({ type: 'session.signOut' });
    expect(actor.getSnapshot().value).toBe('signingOut');
    let snapshot = await waitFor(actor, (s) => s.matches('signedIn') && s.context.error !== null);
    expect(snapshot.context.error?.code).toBe('network_error');
    actor.send({ type: 'session.signOut' });
    snapshot = await waitFor(actor, (s) => s.matches('signedOut'));
    expect(snapshot.context.user).toBeNull();
    expect(signOut).toHaveBeenCalledTimes(2);
  });

  it('resets the password from the signed-out views and ends signed in', async () => {
    const forgotPassword = vi.fn(async (_input: { email: string }) => undefined);
    const resetPassword = vi.fn(async (_input: unknown) => ({ user }));
    const actor = start({ getSession: async () => null, forgotPassword, resetPassword } as FakeAuthHandlers);
    await waitFor(actor, (s) => s.matches('signedOut'));
    actor.send({ type: 'view.resetPassword', email: 'ada@example.com' });
    expect(actor.getSnapshot().value).toEqual({ signedOut: 'resetPassword' });
    const reset = actor.getSnapshot().children.resetPassword!;
    expect(reset.getSnapshot().context.email).toBe('ada@example.com');
    reset.send({ type: 'reset.request', email: 'ada@example.com' });
    await waitFor(reset, (s) => s.matches('awaitingCode'));
    expect(forgotPassword).toHaveBeenCalledWith({ email: 'ada@example.com' });
    reset.send({ type: 'reset.submit', code: '123456', password: 'a brand new passphrase' });
    const snapshot = await waitFor(actor, (s) => s.matches('signedIn'));
    expect(snapshot.context.user).toEqual(user);
    expect(resetPassword).toHaveBeenCalledWith({
      email: 'ada@example.com',
      code: '123456',
      password: 'a brand new passphrase',
    });
  });

  it('goes back from the reset view to sign-in', async () => {
    const actor = start({ getSession: async () => null });
    await waitFor(actor, (s) => s.matches('signedOut'));
    actor.send({ type: 'view.resetPassword' });
    expect(actor.getSnapshot().children.resetPassword?.getSnapshot().context.email).toBe('');
    actor.send({ type: 'view.signIn' });
    expect(actor.getSnapshot().value).toEqual({ signedOut: 'signIn' });
    expect(actor.getSnapshot().children.resetPassword).toBeUndefined();
  });

  it('offers the pending second factor on load (a social sign-in redirected back), then signs in', async () => {
    const verifyMfa = vi.fn(async () => ({ user }));
    const actor = start({
      getSession: async () =>
        Promise.reject(
          new FoyerError('unauthenticated', { details: { mfaPending: true, factors: ['totp', 'recovery_code'] } }),
        ),
      verifyMfa,
    } as FakeAuthHandlers);
    const pending = await waitFor(actor, (s) => s.matches('mfaPending'));
    expect(pending.context.pendingFactors).toEqual(['totp', 'recovery_code']);
    const challenge = pending.children.mfaChallenge!;
    challenge.send({ type: 'code.submit', code: '123456' });
    const signedIn = await waitFor(actor, (s) => s.matches('signedIn'));
    expect(signedIn.context.user).toEqual(user);
    expect(signedIn.context.pendingFactors).toEqual([]);
    expect(verifyMfa).toHaveBeenCalledTimes(1);
  });

  it('can leave a pending second factor for the sign-in form; a plain 401 is just signed out', async () => {
    const actor = start({
      getSession: async () =>
        Promise.reject(new FoyerError('unauthenticated', { details: { mfaPending: true, factors: ['totp'] } })),
    });
    await waitFor(actor, (s) => s.matches('mfaPending'));
    actor.send({ type: 'view.signIn' });
    expect(actor.getSnapshot().value).toEqual({ signedOut: 'signIn' });
    const plain = start({ getSession: async () => Promise.reject(new FoyerError('unauthenticated')) });
    expect((await waitFor(plain, (s) => s.matches('signedOut'))).context.pendingFactors).toEqual([]);
  });

  it('checks the session again on request while signed out (another element signed in)', async () => {
    let calls = 0;
    const actor = start({ getSession: async () => (++calls === 1 ? null : session) });
    await waitFor(actor, (s) => s.matches('signedOut'));
    actor.send({ type: 'session.refresh' });
    await waitFor(actor, (s) => s.matches('signedIn'));
    expect(calls).toBe(2);
  });
});
