import { describe, expect, it, vi } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { createAuthMachines } from '../auth/create-auth-machines.js';
import type { User } from '../contracts/index.js';
import { FoyerError } from '../errors.js';
import {
  createFakeAuthActors,
  createFakePasskeyCeremonies,
  type FakeAuthHandlers,
} from '../testing/fake-auth-actors.js';

const user: User = { id: 'u1', email: 'ada@example.com', emailVerified: true, createdAt: '2026-11-28T00:00:00.000Z' };

function start(
  handlers: FakeAuthHandlers,
  ceremonies: Parameters<typeof createFakePasskeyCeremonies>[0] = {},
  factors = ['totp', 'recovery_code'] as const,
) {
  const machines = createAuthMachines(createFakeAuthActors(handlers), createFakePasskeyCeremonies(ceremonies));
  return createActor(machines.mfaChallenge, { input: { factors: [...factors] } }).start();
}

describe('mfaChallenge machine', () => {
  it('starts on the authenticator code; a valid code completes with the user', async () => {
    const verifyMfa = vi.fn(async () => ({ user }));
    const actor = start({ verifyMfa });
    expect(actor.getSnapshot().context.method).toBe('totp');
    actor.send({ type: 'code.submit', code: '123 456' });
    const done = await waitFor(actor, (s) => s.status === 'done');
    expect(done.output).toEqual({ user });
    expect(verifyMfa).toHaveBeenCalledWith({ factor: 'totp', code: '123 456' });
    expect(JSON.stringify(done.context)).not.toContain('123');
  });

  it('checks the code shape before calling the server', () => {
    const verifyMfa = vi.fn(async () => ({ user }));
    const actor = start({ verifyMfa });
    actor.send({ type: 'code.submit', code: '12' });
    expect(actor.getSnapshot().value).toBe('entering');
    expect(actor.getSnapshot().context.fieldErrors.code).toBe('Enter the 6-digit code.');
    expect(verifyMfa).not.toHaveBeenCalled();
  });

  it('a wrong code stays with attemptsLeft; a recovery code can be chosen instead', async () => {
    const verifyMfa = vi.fn(async (input: { factor: string }) => {
      if (input.factor === 'totp') throw new FoyerError('invalid_code', { details: { attemptsLeft: 3 } });
      return { user };
    });
    const actor = start({ verifyMfa });
    actor.send({ type: 'code.submit', code: '000000' });
    const wrong = await waitFor(actor, (s) => s.matches('entering') && s.context.error !== null);
    expect([wrong.context.error?.code, wrong.context.attemptsLeft]).toEqual(['invalid_code', 3]);
    actor.send({ type: 'factor.choose', factor: 'passkey' });
    expect(actor.getSnapshot().context.method).toBe('totp');
    actor.send({ type: 'factor.choose', factor: 'recovery_code' });
    actor.send({ type: 'code.submit', code: 'ABCDE-FGHJK' });
    await waitFor(actor, (s) => s.status === 'done');
    expect(verifyMfa).toHaveBeenLastCalledWith({ factor: 'recovery_code', code: 'ABCDE-FGHJK' });
  });

  it('423 → locked; an expired pending sign-in → expired', async () => {
    const locked = start({
      verifyMfa: async () => Promise.reject(new FoyerError('account_locked', { retryAfter: 900 })),
    });
    locked.send({ type: 'code.submit', code: '111111' });
    expect((await waitFor(locked, (s) => s.matches('locked'))).context.retryAfter).toBe(900);
    const expired = start({ verifyMfa: async () => Promise.reject(new FoyerError('mfa_pending_expired')) });
    expired.send({ type: 'code.submit', code: '111111' });
    await waitFor(expired, (s) => s.matches('expired'));
  });

  it('passkey: options → injected ceremony → verify with the assertion; a dismissed prompt is not an error', async () => {
    const verifyMfa = vi.fn(async () => ({ user }));
    const webauthnAuthenticate = vi.fn(async () => ({ id: 'cred-1', response: {} }));
    const actor = start(
      { verifyMfa, passkeyAuthenticateOptions: async () => ({ challenge: 'abc' }) },
      { webauthnAuthenticate },
      ['passkey', 'recovery_code'] as never,
    );
    expect(actor.getSnapshot().context.method).toBe('passkey');
    actor.send({ type: 'passkey.start' });
    await waitFor(actor, (s) => s.status === 'done');
    expect(webauthnAuthenticate).toHaveBeenCalledWith({ options: { challenge: 'abc' } });
    expect(verifyMfa).toHaveBeenCalledWith({ factor: 'passkey', response: { id: 'cred-1', response: {} } });

    const dismissed = start({ passkeyAuthenticateOptions: async () => ({ challenge: 'abc' }) }, {}, [
      'passkey',
    ] as never);
    dismissed.send({ type: 'passkey.start' });
    const back = await waitFor(dismissed, (s) => s.matches('entering') && s.context.passkeyCancelled);
    expect(back.context.error).toBeNull();
  });
});

describe('mfaChallenge machine: SMS', () => {
  it('choosing sms sends the code (injected actor), then shows the code field; "Send a new code" resends; the code goes as factor sms', async () => {
    const sendMfaSms = vi.fn(async () => undefined);
    const verifyMfa = vi.fn(async (input: { factor: string }) => {
      if (input.factor === 'sms' && sendMfaSms.mock.calls.length < 2)
        throw new FoyerError('invalid_code', { details: { attemptsLeft: 4 } });
      return { user };
    });
    const machines = createAuthMachines(createFakeAuthActors({ sendMfaSms, verifyMfa }));
    const actor = createActor(machines.mfaChallenge, {
      input: { factors: ['totp', 'sms', 'recovery_code'], phoneHint: '•••• 71' },
    }).start();
    expect(actor.getSnapshot().context).toMatchObject({ method: 'totp', phoneHint: '•••• 71', smsSent: false });
    // Nothing is sent before the person chooses SMS, and resend means nothing for another method.
    actor.send({ type: 'sms.resend' });
    expect(sendMfaSms).not.toHaveBeenCalled();
    actor.send({ type: 'factor.choose', factor: 'sms' });
    expect(actor.getSnapshot().value).toBe('sendingSms');
    const sent = await waitFor(actor, (s) => s.matches('entering') && s.context.smsSent);
    expect(sent.context.method).toBe('sms');
    expect(sendMfaSms).toHaveBeenCalledTimes(1);
    actor.send({ type: 'code.submit', code: '12' });
    expect(actor.getSnapshot().context.fieldErrors.code).toBe('Enter the 6-digit code.');
    actor.send({ type: 'code.submit', code: '111111' });
    const wrong = await waitFor(actor, (s) => s.matches('entering') && s.context.error !== null);
    expect([wrong.context.error?.code, wrong.context.attemptsLeft]).toEqual(['invalid_code', 4]);
    actor.send({ type: 'sms.resend' });
    await waitFor(actor, (s) => s.matches('entering') && sendMfaSms.mock.calls.length === 2);
    expect(actor.getSnapshot().context.error).toBeNull();
    actor.send({ type: 'code.submit', code: '222222' });
    const done = await waitFor(actor, (s) => s.status === 'done');
    expect(done.output).toEqual({ user });
    expect(verifyMfa).toHaveBeenLastCalledWith({ factor: 'sms', code: '222222' });
  });

  it('sms is not chosen where not offered; a failed send stays with the error; an expired pending sign-in → expired', async () => {
    const notOffered = createActor(createAuthMachines(createFakeAuthActors({})).mfaChallenge, {
      input: { factors: ['totp'] },
    }).start();
    notOffered.send({ type: 'factor.choose', factor: 'sms' });
    expect(notOffered.getSnapshot().context.method).toBe('totp');
    const limited = createActor(
      createAuthMachines(
        createFakeAuthActors({
          sendMfaSms: async () => Promise.reject(new FoyerError('rate_limited', { retryAfter: 60 })),
        }),
      ).mfaChallenge,
      { input: { factors: ['totp', 'sms'] } },
    ).start();
    limited.send({ type: 'factor.choose', factor: 'sms' });
    const refused = await waitFor(limited, (s) => s.matches('entering') && s.context.error !== null);
    expect([refused.context.error?.code, refused.context.smsSent]).toEqual(['rate_limited', false]);
    const expired = createActor(
      createAuthMachines(
        createFakeAuthActors({ sendMfaSms: async () => Promise.reject(new FoyerError('mfa_pending_expired')) }),
      ).mfaChallenge,
      { input: { factors: ['totp', 'sms'] } },
    ).start();
    expired.send({ type: 'factor.choose', factor: 'sms' });
    await waitFor(expired, (s) => s.matches('expired'));
  });

  it('signIn hands the phoneHint of the mfaRequired answer to the child', async () => {
    const machines = createAuthMachines(
      createFakeAuthActors({
        signIn: async () => ({
          mfaRequired: true as const,
          factors: ['totp' as const, 'sms' as const],
          phoneHint: '•••• 71',
        }),
      }),
    );
    const actor = createActor(machines.signIn, { input: {} }).start();
    actor.send({ type: 'credentials.submit', email: 'ada@example.com', password: 'correct horse battery' });
    const pending = await waitFor(actor, (s) => s.matches('mfaRequired'));
    expect(pending.children.mfaChallenge?.getSnapshot().context.phoneHint).toBe('•••• 71');
  });
});

describe('signIn machine with MFA', () => {
  it('password → mfaRequired (child mfaChallenge) → done with the user', async () => {
    const machines = createAuthMachines(
      createFakeAuthActors({
        signIn: async () => ({ mfaRequired: true as const, factors: ['totp' as const, 'recovery_code' as const] }),
        verifyMfa: async () => ({ user }),
      }),
    );
    const actor = createActor(machines.signIn, { input: {} }).start();
    actor.send({ type: 'credentials.submit', email: 'ada@example.com', password: 'correct horse battery' });
    const pending = await waitFor(actor, (s) => s.matches('mfaRequired'));
    expect(pending.context.mfaFactors).toEqual(['totp', 'recovery_code']);
    const child = pending.children.mfaChallenge;
    expect(child).toBeDefined();
    child?.send({ type: 'code.submit', code: '123456' });
    const done = await waitFor(actor, (s) => s.status === 'done');
    expect(done.output).toEqual({ user });
  });

  it('mfa.cancel goes back to the password form', async () => {
    const machines = createAuthMachines(
      createFakeAuthActors({ signIn: async () => ({ mfaRequired: true as const, factors: ['totp' as const] }) }),
    );
    const actor = createActor(machines.signIn, { input: {} }).start();
    actor.send({ type: 'credentials.submit', email: 'ada@example.com', password: 'correct horse battery' });
    await waitFor(actor, (s) => s.matches('mfaRequired'));
    actor.send({ type: 'mfa.cancel' });
    expect(actor.getSnapshot().value).toBe('editing');
  });
});

describe('resetPassword machine with MFA', () => {
  it('the reset answers mfaRequired → child mfaChallenge → done with the user', async () => {
    const machines = createAuthMachines(
      createFakeAuthActors({
        resetPassword: async () => ({ mfaRequired: true as const, factors: ['totp' as const] }),
        verifyMfa: async () => ({ user }),
      }),
    );
    const actor = createActor(machines.resetPassword, { input: { token: 'a'.repeat(43) } }).start();
    actor.send({ type: 'reset.submit', password: 'violet tugboat marmalade drifts' });
    const pending = await waitFor(actor, (s) => s.matches('mfaRequired'));
    pending.children.mfaChallenge?.send({ type: 'code.submit', code: '123456' });
    const done = await waitFor(actor, (s) => s.status === 'done');
    expect(done.output).toEqual({ user });
  });
});
