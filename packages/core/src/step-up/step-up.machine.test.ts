import { describe, expect, it, vi } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { createAuthMachines } from '../auth/create-auth-machines.js';
import { FoyerError } from '../errors.js';
import {
  createFakeAuthActors,
  createFakePasskeyCeremonies,
  type FakeAuthHandlers,
} from '../testing/fake-auth-actors.js';

const until = '2026-11-28T10:05:00.000Z';

function start(
  handlers: FakeAuthHandlers,
  methods: ('totp' | 'passkey' | 'recovery_code' | 'sms' | 'password')[],
  ceremonies = {},
) {
  const machines = createAuthMachines(createFakeAuthActors(handlers), createFakePasskeyCeremonies(ceremonies));
  return createActor(machines.stepUp, { input: { methods } }).start();
}

describe('stepUp machine', () => {
  it('without MFA: the password, then done with stepUpUntil; the password never enters the context', async () => {
    const stepUp = vi.fn(async () => ({ stepUpUntil: until }));
    const actor = start({ stepUp }, ['password']);
    expect(actor.getSnapshot().context.method).toBe('password');
    actor.send({ type: 'password.submit', password: '' });
    expect(actor.getSnapshot().context.fieldErrors.password).toBe('Enter your password.');
    actor.send({ type: 'password.submit', password: 'correct horse battery' });
    const done = await waitFor(actor, (s) => s.status === 'done');
    expect(done.output).toEqual({ stepUpUntil: until });
    expect(stepUp).toHaveBeenCalledWith({ factor: 'password', password: 'correct horse battery' });
    expect(JSON.stringify(done.context)).not.toContain('correct horse');
  });

  it('with MFA: a TOTP code; a wrong one stays with attemptsLeft; 423 → locked', async () => {
    let calls = 0;
    const actor = start(
      {
        stepUp: async () => {
          calls++;
          if (calls === 1) throw new FoyerError('invalid_code', { details: { attemptsLeft: 2 } });
          throw new FoyerError('account_locked', { retryAfter: 900 });
        },
      },
      ['totp', 'recovery_code'],
    );
    actor.send({ type: 'code.submit', code: '000000' });
    const wrong = await waitFor(actor, (s) => s.matches('prompting') && s.context.error !== null);
    expect(wrong.context.attemptsLeft).toBe(2);
    actor.send({ type: 'code.submit', code: '000001' });
    await waitFor(actor, (s) => s.matches('locked'));
  });

  it('passkey step-up through the injected ceremony', async () => {
    const stepUp = vi.fn(async () => ({ stepUpUntil: until }));
    const actor = start({ stepUp, passkeyAuthenticateOptions: async () => ({ challenge: 'c' }) }, ['passkey'], {
      webauthnAuthenticate: async () => ({ id: 'cred' }),
    });
    actor.send({ type: 'passkey.start' });
    await waitFor(actor, (s) => s.status === 'done');
    expect(stepUp).toHaveBeenCalledWith({ factor: 'passkey', response: { id: 'cred' } });
  });

  it('sms: choosing it sends the code, then the code goes as factor sms', async () => {
    const sendMfaSms = vi.fn(async () => undefined);
    const stepUp = vi.fn(async () => ({ stepUpUntil: until }));
    const actor = start({ sendMfaSms, stepUp }, ['totp', 'sms']);
    actor.send({ type: 'factor.choose', factor: 'sms' });
    await waitFor(actor, (s) => s.matches('prompting') && s.context.smsSent);
    actor.send({ type: 'sms.resend' });
    await waitFor(actor, (s) => s.matches('prompting') && sendMfaSms.mock.calls.length === 2);
    actor.send({ type: 'code.submit', code: '123456' });
    const done = await waitFor(actor, (s) => s.status === 'done');
    expect(done.output).toEqual({ stepUpUntil: until });
    expect(stepUp).toHaveBeenCalledWith({ factor: 'sms', code: '123456' });
  });

  it('cancel ends with null', () => {
    const actor = start({}, ['totp']);
    actor.send({ type: 'cancel' });
    expect(actor.getSnapshot().status).toBe('done');
    expect(actor.getSnapshot().output).toBeNull();
  });
});
