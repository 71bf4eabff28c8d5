import { describe, expect, it, vi } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { createAuthMachines } from '../auth/create-auth-machines.js';
import type { User } from '../contracts/index.js';
import { FoyerError } from '../errors.js';
import { createFakeAuthActors, createFakePasskeyCeremonies } from '../testing/fake-auth-actors.js';

const user: User = { id: 'u1', email: 'ada@example.com', emailVerified: true, createdAt: '2026-11-28T00:00:00.000Z' };
const factor = {
  id: 'f1',
  type: 'passkey' as const,
  label: 'Laptop',
  createdAt: '2026-11-28T00:00:00.000Z',
  lastUsedAt: null,
};

describe('passkey machine', () => {
  it('register: options → browser → verify with the label → factor and recovery codes', async () => {
    const passkeyRegisterVerify = vi.fn(async () => ({ factor, recoveryCodes: ['abcde-fghjk'] }));
    const webauthnRegister = vi.fn(async () => ({ id: 'cred' }));
    const { passkey } = createAuthMachines(
      createFakeAuthActors({ passkeyRegisterOptions: async () => ({ challenge: 'c' }), passkeyRegisterVerify }),
      createFakePasskeyCeremonies({ webauthnRegister }),
    );
    const actor = createActor(passkey, { input: { mode: 'register' } }).start();
    expect(actor.getSnapshot().value).toBe('idle');
    actor.send({ type: 'passkey.start', label: 'Laptop' });
    const done = await waitFor(actor, (s) => s.status === 'done');
    expect(webauthnRegister).toHaveBeenCalledWith({ options: { challenge: 'c' } });
    expect(passkeyRegisterVerify).toHaveBeenCalledWith({ response: { id: 'cred' }, label: 'Laptop' });
    expect(done.output).toEqual({ factor, recoveryCodes: ['abcde-fghjk'] });
  });

  it('authenticate: signs in with the assertion; conditional mode starts by itself', async () => {
    const passkeyAuthenticateOptions = vi.fn(async () => ({ challenge: 'c' }));
    const webauthnAuthenticate = vi.fn(async () => ({ id: 'cred' }));
    const { passkey } = createAuthMachines(
      createFakeAuthActors({ passkeyAuthenticateOptions, passkeyAuthenticateVerify: async () => ({ user }) }),
      createFakePasskeyCeremonies({ webauthnAuthenticate }),
    );
    const actor = createActor(passkey, { input: { mode: 'authenticate', conditional: true } }).start();
    const done = await waitFor(actor, (s) => s.status === 'done');
    expect(done.output).toEqual({ user });
    expect(webauthnAuthenticate).toHaveBeenCalledWith({ options: { challenge: 'c' }, conditional: true });
  });

  it('a dismissed prompt goes back to idle quietly; a server refusal shows its error', async () => {
    const { passkey } = createAuthMachines(
      createFakeAuthActors({
        passkeyAuthenticateOptions: async () => ({ challenge: 'c' }),
        passkeyAuthenticateVerify: async () => Promise.reject(new FoyerError('invalid_code')),
      }),
      createFakePasskeyCeremonies(),
    );
    const actor = createActor(passkey, { input: { mode: 'authenticate' } }).start();
    actor.send({ type: 'passkey.start' });
    const cancelled = await waitFor(actor, (s) => s.matches('idle') && s.context.cancelled);
    expect(cancelled.context.error).toBeNull();

    const refused = createActor(
      createAuthMachines(
        createFakeAuthActors({
          passkeyAuthenticateOptions: async () => ({ challenge: 'c' }),
          passkeyAuthenticateVerify: async () => Promise.reject(new FoyerError('invalid_code')),
        }),
        createFakePasskeyCeremonies({ webauthnAuthenticate: async () => ({ id: 'x' }) }),
      ).passkey,
      { input: { mode: 'authenticate' } },
    ).start();
    refused.send({ type: 'passkey.start' });
    expect((await waitFor(refused, (s) => s.matches('idle') && s.context.error !== null)).context.error?.code).toBe(
      'invalid_code',
    );
  });
});
