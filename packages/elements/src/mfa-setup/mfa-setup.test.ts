import { createAuthMachines, createFakeAuthActors, FoyerError, type MfaFactor } from '@foyer/core';
import { expect, fixture, html } from '@open-wc/testing';
import { $, pressEnter, typeInto, until } from '../internal/test-utils.js';
import type { FoyerMfaSetup } from './mfa-setup.component.js';
import './mfa-setup.js';
import '../step-up/step-up.js';

const QR =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg><img src=x onerror=alert(1)>';
const totp: MfaFactor = {
  id: 'f1',
  type: 'totp',
  label: 'Authenticator app',
  createdAt: '2026-11-28T00:00:00.000Z',
  lastUsedAt: null,
};

describe('<foyer-mfa-setup>', () => {
  it('is accessible (empty and with factors)', async () => {
    const empty = await fixture<FoyerMfaSetup>(
      html`<foyer-mfa-setup
        .logic=${createAuthMachines(createFakeAuthActors({ listMfaFactors: async () => ({ factors: [] }) })).mfaSetup}
      ></foyer-mfa-setup>`,
    );
    await until(() => ($(empty, '[part~="description"]').textContent ?? '').includes('off'), 'loaded');
    await expect(empty).to.be.accessible();
    const listed = await fixture<FoyerMfaSetup>(
      html`<foyer-mfa-setup
        .logic=${createAuthMachines(createFakeAuthActors({ listMfaFactors: async () => ({ factors: [totp] }) })).mfaSetup}
      ></foyer-mfa-setup>`,
    );
    await until(() => listed.shadowRoot?.querySelector('table') !== null, 'table');
    await expect(listed).to.be.accessible();
  });

  it('TOTP: the QR is an <img> (never markup in the DOM), the key is text; confirm → recovery codes to copy/download', async () => {
    let factors: MfaFactor[] = [];
    const logic = createAuthMachines(
      createFakeAuthActors({
        listMfaFactors: async () => ({ factors }),
        setupTotp: async () => ({ secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', uri: 'otpauth://totp/x', qrSvg: QR }),
        confirmTotp: async () => {
          factors = [totp];
          return { recoveryCodes: ['abcde-fghjk', 'mnpqr-stuvw'] };
        },
      }),
    ).mfaSetup;
    const el = await fixture<FoyerMfaSetup>(html`<foyer-mfa-setup .logic=${logic}></foyer-mfa-setup>`);
    await until(() => el.shadowRoot?.querySelector('[part~="add-totp-button"]') !== null, 'loaded');
    $(el, '[part~="add-totp-button"]').click();
    await until(() => el.shadowRoot?.querySelector('[part~="qr-code"]') !== null, 'qr');
    const img = $<HTMLImageElement>(el, '[part~="qr-code"]');
    expect(img.tagName).to.equal('IMG');
    expect(img.getAttribute('src')).to.match(/^data:image\/svg\+xml/);
    expect(img.alt).to.contain('QR code');
    expect(el.shadowRoot!.querySelector('svg')).to.equal(null);
    expect(el.shadowRoot!.querySelectorAll('img').length).to.equal(1);
    expect($(el, '[part~="secret"]').textContent).to.equal('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');
    await expect(el).to.be.accessible();
    await typeInto($(el, '#totp-code'), '123456');
    await pressEnter();
    await until(() => el.shadowRoot?.querySelector('[part~="recovery-codes"]') !== null, 'codes');
    expect(
      [...el.shadowRoot!.querySelectorAll('[part~="recovery-codes"] li')].map((li) => li.textContent),
    ).to.deep.equal(['abcde-fghjk', 'mnpqr-stuvw']);
    expect($(el, '[part~="download-button"]').getAttribute('download')).to.equal('foyer-recovery-codes.txt');
    await expect(el).to.be.accessible();
  });

  it('removing a factor asks <foyer-step-up> around it, then retries', async () => {
    let removeCalls = 0;
    const actors = createFakeAuthActors({
      listMfaFactors: async () => ({ factors: removeCalls >= 2 ? [] : [totp] }),
      removeMfaFactor: async () => {
        removeCalls++;
        if (removeCalls === 1) throw new FoyerError('step_up_required', { details: { methods: ['totp'] } });
      },
      stepUp: async () => ({ stepUpUntil: '2026-11-28T10:05:00.000Z' }),
    });
    const machines = createAuthMachines(actors);
    const wrapper = await fixture(
      html`<foyer-step-up .logic=${machines.stepUp}
        ><foyer-mfa-setup .logic=${machines.mfaSetup}></foyer-mfa-setup
      ></foyer-step-up>`,
    );
    const el = wrapper.querySelector('foyer-mfa-setup') as FoyerMfaSetup;
    await until(() => el.shadowRoot?.querySelector('[part~="remove-button"]') !== null, 'listed');
    $(el, '[part~="remove-button"]').click();
    await until(() => wrapper.shadowRoot?.querySelector('#step-up-code') !== null, 'step-up prompt');
    await typeInto($(wrapper, '#step-up-code'), '123456');
    await pressEnter();
    await until(() => removeCalls === 2, 'retried');
    await until(() => ($(el, '[part~="description"]').textContent ?? '').includes('off'), 'removed');
  });
});
