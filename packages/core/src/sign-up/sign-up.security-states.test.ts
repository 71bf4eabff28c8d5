import { describe, expect, it, vi } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { createAuthMachines } from '../auth/create-auth-machines.js';
import { FoyerError } from '../errors.js';
import { createFakeAuthActors, type FakeAuthHandlers } from '../testing/fake-auth-actors.js';

const start = (handlers: FakeAuthHandlers) =>
  createActor(createAuthMachines(createFakeAuthActors(handlers)).signUp).start();

describe('signUp machine: password verdict and defences', () => {
  it('refuses a weak password locally once strength is known, without calling the server', async () => {
    const signUp = vi.fn(async () => ({ status: 'verification_required' as const }));
    const actor = start({ signUp });
    actor.send({ type: 'password.input', password: 'password123' });
    await waitFor(actor, (s) => s.context.passwordAcceptable === false, { timeout: 15_000 });
    actor.send({ type: 'credentials.submit', email: 'ada@example.com', password: 'password123' });
    expect(actor.getSnapshot().value).toBe('editing');
    expect(actor.getSnapshot().context.fieldErrors.password).toBe('Choose a stronger password.');
    expect(signUp).not.toHaveBeenCalled();
  });

  it('uses the email as a context word', async () => {
    const signUp = vi.fn(async () => ({ status: 'verification_required' as const }));
    const actor = start({ signUp });
    actor.send({ type: 'email.input', email: 'zephyrine.quartz@example.com' });
    actor.send({ type: 'password.input', password: 'zephyrine quartz' });
    await waitFor(actor, (s) => s.context.passwordAcceptable !== null, { timeout: 15_000 });
    expect(actor.getSnapshot().context.passwordAcceptable).toBe(false);
    const strength = actor.getSnapshot().children.strength!.getSnapshot().context;
    expect(strength.problems.map((problem) => problem.code)).toEqual(['contains_context']);
    actor.send({ type: 'credentials.submit', email: 'zephyrine.quartz@example.com', password: 'zephyrine quartz' });
    expect(actor.getSnapshot().value).toBe('editing');
    expect(signUp).not.toHaveBeenCalled();

    // The same password with another email is not refused for it.
    const other = start({});
    other.send({ type: 'email.input', email: 'ada@example.com' });
    other.send({ type: 'password.input', password: 'zephyrine quartz' });
    await waitFor(other, (s) => s.context.passwordAcceptable !== null, { timeout: 15_000 });
    expect(other.getSnapshot().children.strength!.getSnapshot().context.problems).toEqual([]);
  });

  it('puts the server’s weak_password and password_breached on the password field', async () => {
    for (const code of ['weak_password', 'password_breached'] as const) {
      const actor = start({
        signUp: async () =>
          Promise.reject(new FoyerError(code, { details: { warning: 'This is a very common password.' } })),
      });
      actor.send({ type: 'credentials.submit', email: 'ada@example.com', password: 'a long passphrase' });
      const snapshot = await waitFor(actor, (s) => s.context.error !== null);
      expect(snapshot.context.fieldErrors.password).toContain(snapshot.context.error!.message);
    }
  });

  it('asks for a CAPTCHA on 428 and sends the solution', async () => {
    const signUp = vi
      .fn()
      .mockRejectedValueOnce(
        new FoyerError('captcha_required', { details: { captcha: { provider: 'turnstile', siteKey: 'site-key' } } }),
      )
      .mockResolvedValueOnce({ status: 'verification_required' });
    const actor = start({ signUp });
    actor.send({ type: 'credentials.submit', email: 'ada@example.com', password: 'a long passphrase' });
    await waitFor(actor, (s) => s.matches('captchaRequired'));
    expect(actor.getSnapshot().context.captcha).toEqual({ provider: 'turnstile', siteKey: 'site-key' });
    actor.send({
      type: 'credentials.submit',
      email: 'ada@example.com',
      password: 'a long passphrase',
      captcha: 'token',
    });
    await waitFor(actor, (s) => s.matches('verifyingEmail'));
    expect(signUp).toHaveBeenLastCalledWith({
      email: 'ada@example.com',
      password: 'a long passphrase',
      captcha: 'token',
    });
  });

  it('does not load the strength dictionaries until the password field is used', () => {
    const actor = start({});
    expect(actor.getSnapshot().children.strength?.getSnapshot().value).toBe('idle');
    actor.send({ type: 'password.focus' });
    expect(actor.getSnapshot().children.strength?.getSnapshot().value).toBe('loading');
  });
});
