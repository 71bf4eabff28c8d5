import { describe, expect, it, vi } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { createAuthMachines } from '../auth/create-auth-machines.js';
import type { MfaFactor } from '../contracts/index.js';
import { FoyerError } from '../errors.js';
import { createFakeAuthActors, createFakePasskeyCeremonies } from '../testing/fake-auth-actors.js';

const totpFactor: MfaFactor = {
  id: 'f1',
  type: 'totp',
  label: 'Authenticator app',
  createdAt: '2026-11-28T00:00:00.000Z',
  lastUsedAt: null,
};

describe('mfaSetup machine', () => {
  it('adds an authenticator: setup → scanning (QR) → confirm → recovery codes → reloads the list', async () => {
    let factors: MfaFactor[] = [];
    const confirmTotp = vi.fn(async () => {
      factors = [totpFactor];
      return { recoveryCodes: ['abcde-fghjk'] };
    });
    const { mfaSetup } = createAuthMachines(
      createFakeAuthActors({
        listMfaFactors: async () => ({ factors }),
        setupTotp: async () => ({ secret: 'JBSWY3DPEHPK3PXP', uri: 'otpauth://totp/x', qrSvg: '<svg/>' }),
        confirmTotp,
      }),
    );
    const actor = createActor(mfaSetup).start();
    await waitFor(actor, (s) => s.matches('overview'));
    actor.send({ type: 'totp.start' });
    const scanning = await waitFor(actor, (s) => s.matches('scanning'));
    expect(scanning.context.totp?.secret).toBe('JBSWY3DPEHPK3PXP');
    actor.send({ type: 'totp.confirm', code: '12' });
    expect(actor.getSnapshot().context.fieldErrors.code).toBeDefined();
    actor.send({ type: 'totp.confirm', code: '123456' });
    const codes = await waitFor(actor, (s) => s.matches('showingCodes'));
    expect(codes.context.recoveryCodes).toEqual(['abcde-fghjk']);
    expect(codes.context.totp).toBeNull();
    actor.send({ type: 'codes.done' });
    const overview = await waitFor(actor, (s) => s.matches('overview'));
    expect(overview.context.factors).toEqual([totpFactor]);
    expect(overview.context.recoveryCodes).toBeNull();
  });

  it('adding an authenticator may need a step-up first: stepUp.done retries the setup', async () => {
    let calls = 0;
    const { mfaSetup } = createAuthMachines(
      createFakeAuthActors({
        listMfaFactors: async () => ({ factors: [] }),
        setupTotp: async () => {
          if (++calls === 1) throw new FoyerError('step_up_required', { details: { methods: ['password'] } });
          return { secret: 'JBSWY3DPEHPK3PXP', uri: 'otpauth://totp/x', qrSvg: '<svg/>' };
        },
      }),
    );
    const actor = createActor(mfaSetup).start();
    await waitFor(actor, (s) => s.matches('overview'));
    actor.send({ type: 'totp.start' });
    const waiting = await waitFor(actor, (s) => s.matches('stepUpRequired'));
    expect([waiting.context.pendingAction, waiting.context.stepUpMethods]).toEqual(['totp', ['password']]);
    actor.send({ type: 'stepUp.done' });
    await waitFor(actor, (s) => s.matches('scanning'));
  });

  it('remove: 403 step_up_required waits in stepUpRequired with the methods; stepUp.done retries', async () => {
    let calls = 0;
    const removeMfaFactor = vi.fn(async () => {
      calls++;
      if (calls === 1) throw new FoyerError('step_up_required', { details: { methods: ['totp', 'recovery_code'] } });
    });
    const { mfaSetup } = createAuthMachines(
      createFakeAuthActors({ listMfaFactors: async () => ({ factors: [totpFactor] }), removeMfaFactor }),
    );
    const actor = createActor(mfaSetup).start();
    await waitFor(actor, (s) => s.matches('overview'));
    actor.send({ type: 'factor.remove', id: 'f1' });
    const waiting = await waitFor(actor, (s) => s.matches('stepUpRequired'));
    expect(waiting.context.stepUpMethods).toEqual(['totp', 'recovery_code']);
    actor.send({ type: 'stepUp.done' });
    const done = await waitFor(actor, (s) => s.matches('overview') && s.context.notice === 'factor_removed');
    expect(removeMfaFactor).toHaveBeenCalledTimes(2);
    expect(done.context.removing).toBe('f1');
  });

  it('adds a passkey through the injected ceremony; a dismissed prompt is a notice, not an error', async () => {
    const passkeyRegisterVerify = vi.fn(async () => ({ factor: { ...totpFactor, type: 'passkey' as const } }));
    const actors = createFakeAuthActors({
      listMfaFactors: async () => ({ factors: [] }),
      passkeyRegisterOptions: async () => ({ challenge: 'c' }),
      passkeyRegisterVerify,
    });
    const ok = createActor(
      createAuthMachines(actors, createFakePasskeyCeremonies({ webauthnRegister: async () => ({ id: 'cred' }) }))
        .mfaSetup,
    ).start();
    await waitFor(ok, (s) => s.matches('overview'));
    ok.send({ type: 'passkey.add', label: 'Laptop' });
    await waitFor(ok, (s) => s.matches('overview') && s.context.notice === 'passkey_added');
    expect(passkeyRegisterVerify).toHaveBeenCalledWith({ response: { id: 'cred' }, label: 'Laptop' });

    const dismissed = createActor(createAuthMachines(actors, createFakePasskeyCeremonies()).mfaSetup).start();
    await waitFor(dismissed, (s) => s.matches('overview'));
    dismissed.send({ type: 'passkey.add' });
    const back = await waitFor(dismissed, (s) => s.matches('overview') && s.context.notice === 'passkey_cancelled');
    expect(back.context.error).toBeNull();
  });
});
