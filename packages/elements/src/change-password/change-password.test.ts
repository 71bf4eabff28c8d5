import { createAuthMachines, createFakeAuthActors, FoyerError, type FakeAuthHandlers } from '@foyer/core';
import { expect, fixture, html } from '@open-wc/testing';
import { $, deepActiveElement, pressEnter, record, typeInto, until } from '../internal/test-utils.js';
import type { FoyerChangePassword } from './change-password.component.js';
import './change-password.js';

async function mount(handlers: FakeAuthHandlers = {}): Promise<FoyerChangePassword> {
  const logic = createAuthMachines(createFakeAuthActors(handlers)).changePassword;
  return fixture<FoyerChangePassword>(
    html`<foyer-change-password email="ada@example.com" .logic=${logic}></foyer-change-password>`,
  );
}
const buttonNamed = (root: Element, name: string) =>
  [...root.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);

describe('<foyer-change-password>', () => {
  it('is accessible, with labelled inputs and autocomplete', async () => {
    const el = await mount();
    await expect(el).to.be.accessible();
    expect($(el, '#currentPassword').getAttribute('autocomplete')).to.equal('current-password');
    expect($(el, '#newPassword').getAttribute('autocomplete')).to.equal('new-password');
    expect(buttonNamed(el, 'Change password')).not.to.equal(undefined);
    expect(buttonNamed(el, 'Not now')).not.to.equal(undefined);
  });

  it('changes the password with the keyboard and fires foyer-password-changed', async () => {
    let received: unknown;
    const el = await mount({ changePassword: async (input) => void (received = input) });
    const events = record(document, 'foyer-password-changed');
    await typeInto($(el, '#currentPassword'), 'old passphrase');
    await typeInto($(el, '#newPassword'), 'quartz lantern meadow 42');
    await pressEnter();
    await until(() => events.length > 0, 'changed');
    expect(received).to.deep.equal({ currentPassword: 'old passphrase', newPassword: 'quartz lantern meadow 42' });
    await el.updateComplete;
    expect($(el, '[role="status"]').textContent).to.equal('Your password has been changed.');
  });

  it('shows a wrong current password and a breached new one on their fields', async () => {
    let calls = 0;
    const el = await mount({
      changePassword: async () => {
        calls++;
        throw calls === 1
          ? new FoyerError('invalid_credentials', { message: 'The current password is not right.' })
          : new FoyerError('password_breached', { message: 'This password has appeared in a data breach.' });
      },
    });
    ($(el, '#currentPassword') as HTMLInputElement).value = 'wrong passphrase';
    ($(el, '#newPassword') as HTMLInputElement).value = 'a long enough passphrase';
    $(el, '#currentPassword').focus();
    await pressEnter();
    await until(() => el.shadowRoot?.querySelector('#currentPassword-error') !== null, 'current error');
    expect(deepActiveElement()).to.equal($(el, '#currentPassword'));
    expect($(el, '[role="alert"]').textContent).to.not.equal('');
    await pressEnter();
    await until(() => el.shadowRoot?.querySelector('#newPassword-error') !== null, 'breached');
    expect($(el, '#newPassword-error').textContent).to.contain('data breach');
    expect(deepActiveElement()).to.equal($(el, '#newPassword'));
    await expect(el).to.be.accessible();
  });

  it('"Not now" puts it off', async () => {
    const el = await mount();
    const events = record(document, 'foyer-password-changed');
    buttonNamed(el, 'Not now')!.click();
    await until(() => el.machine?.getSnapshot().matches('skipped') === true, 'skipped');
    await el.updateComplete;
    expect($(el, '[role="status"]').textContent).to.equal('Your password was not changed.');
    expect(events).to.have.length(0);
  });
});
