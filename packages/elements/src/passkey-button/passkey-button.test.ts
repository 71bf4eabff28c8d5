import { createAuthMachines, createFakeAuthActors, createFakePasskeyCeremonies } from '@foyer/core';
import { expect, fixture, html } from '@open-wc/testing';
import { $, record, until, userOf } from '../internal/test-utils.js';
import type { FoyerPasskeyButton } from './passkey-button.component.js';
import './passkey-button.js';

describe('<foyer-passkey-button>', () => {
  it('is accessible', async () => {
    const logic = createAuthMachines(createFakeAuthActors()).passkey;
    const el = await fixture<FoyerPasskeyButton>(html`<foyer-passkey-button .logic=${logic}></foyer-passkey-button>`);
    await expect(el).to.be.accessible();
    expect($(el, '[part~="passkey-button"]').textContent?.trim()).to.equal('Sign in with a passkey');
  });

  it('signs in with the injected ceremony and fires foyer-passkey-sign-in-complete', async () => {
    const logic = createAuthMachines(
      createFakeAuthActors({
        passkeyAuthenticateOptions: async () => ({ challenge: 'c' }),
        passkeyAuthenticateVerify: async () => ({ user: userOf('ada@example.com') }),
      }),
      createFakePasskeyCeremonies({ webauthnAuthenticate: async () => ({ id: 'cred' }) }),
    ).passkey;
    const el = await fixture<FoyerPasskeyButton>(html`<foyer-passkey-button .logic=${logic}></foyer-passkey-button>`);
    const events = record(document, 'foyer-passkey-sign-in-complete');
    $(el, '[part~="passkey-button"]').click();
    await until(() => events.length === 1, 'signed in');
    expect(events[0]!.detail.user.email).to.equal('ada@example.com');
  });

  it('a dismissed prompt says so politely, no alert', async () => {
    const logic = createAuthMachines(
      createFakeAuthActors({ passkeyAuthenticateOptions: async () => ({ challenge: 'c' }) }),
      createFakePasskeyCeremonies(),
    ).passkey;
    const el = await fixture<FoyerPasskeyButton>(html`<foyer-passkey-button .logic=${logic}></foyer-passkey-button>`);
    $(el, '[part~="passkey-button"]').click();
    await until(() => ($(el, '[part~="notice"]').textContent ?? '').includes('cancelled'), 'notice');
    expect($(el, '[part~="form-error"]').textContent?.trim()).to.equal('');
  });
});
