import { createAuthMachines, createFakeAuthActors, FoyerError, pending, type FakeAuthHandlers } from '@foyer/core';
import { expect, fixture, html } from '@open-wc/testing';
import { $, deepActiveElement, pressEnter, record, typeInto, until, userOf } from '../internal/test-utils.js';
import type { FoyerResetPassword } from './reset-password.component.js';
import './reset-password.js';

const EMAIL = 'ada@example.com';
const NEW_PASSWORD = 'quartz lantern meadow 42';

async function mount(handlers: FakeAuthHandlers = {}, token = ''): Promise<FoyerResetPassword> {
  const logic = createAuthMachines(createFakeAuthActors(handlers)).resetPassword;
  return fixture<FoyerResetPassword>(
    html`<foyer-reset-password token=${token} .logic=${logic}></foyer-reset-password>`,
  );
}
const buttonNamed = (root: Element, name: string) =>
  [...root.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);

describe('<foyer-reset-password>', () => {
  it('is accessible', async () => {
    const el = await mount();
    await expect(el).to.be.accessible();
    expect(buttonNamed(el, 'Send reset code')).not.to.equal(undefined);
  });

  it('code flow: request → code + new password → signed in, once', async () => {
    let reset: unknown;
    const el = await mount({
      forgotPassword: async () => undefined,
      resetPassword: async (input) => {
        reset = input;
        return { user: userOf(EMAIL) };
      },
    });
    const done = record(document, 'foyer-password-reset-complete');
    await typeInto($(el, '#email'), EMAIL);
    await pressEnter();
    await until(() => el.shadowRoot?.querySelector('#code') !== null, 'code step');
    expect($(el, '[part~="notice"]').textContent).to.equal(
      `If an account exists for ${EMAIL}, we sent it a 6-digit code.`,
    );
    await until(() => deepActiveElement() === $(el, '#code'), 'focus on the code');
    await expect(el).to.be.accessible();
    await typeInto($(el, '#code'), '123456');
    await typeInto($(el, '#password'), NEW_PASSWORD);
    await pressEnter();
    await until(() => done.length > 0, 'reset complete');
    expect(reset).to.deep.equal({ email: EMAIL, code: '123456', password: NEW_PASSWORD });
    expect(done[0]!.detail.user.email).to.equal(EMAIL);
    await el.updateComplete;
    expect($(el, '[role="status"]').textContent).to.equal('Your password has been changed and you are signed in.');
  });

  it('shows a wrong code and a weak password on their fields', async () => {
    let calls = 0;
    const el = await mount({
      forgotPassword: async () => undefined,
      resetPassword: async () => {
        calls++;
        throw calls === 1
          ? new FoyerError('invalid_code')
          : new FoyerError('weak_password', {
              message: 'Choose a stronger password.',
              details: { warning: 'Too common.' },
            });
      },
    });
    await typeInto($(el, '#email'), EMAIL);
    await pressEnter();
    await until(() => el.shadowRoot?.querySelector('#code') !== null, 'code step');
    ($(el, '#code') as HTMLInputElement).value = '000000';
    ($(el, '#password') as HTMLInputElement).value = NEW_PASSWORD;
    $(el, '#code').focus();
    await pressEnter();
    await until(() => $(el, '#form-error').textContent !== '', 'invalid_code');
    expect($(el, '#form-error').textContent).to.contain('That code is not right');
    expect($(el, '#code').getAttribute('aria-invalid')).to.equal('true');
    await pressEnter();
    await until(() => el.shadowRoot?.querySelector('#password-error') !== null, 'weak password');
    expect($(el, '#password-error').textContent).to.contain('Too common.');
    expect(deepActiveElement()).to.equal($(el, '#password'));
    await expect(el).to.be.accessible();
  });

  it('token flow: starts at choosing a password and resets with the token', async () => {
    let reset: unknown;
    const el = await mount(
      {
        resetPassword: async (input) => {
          reset = input;
          return { user: userOf(EMAIL) };
        },
      },
      'tok_abc',
    );
    expect(el.shadowRoot!.querySelector('#email')).to.equal(null);
    expect(el.shadowRoot!.querySelector('#code')).to.equal(null);
    await typeInto($(el, '#password'), NEW_PASSWORD);
    await pressEnter();
    await until(() => reset !== undefined, 'reset');
    expect(reset).to.deep.equal({ token: 'tok_abc', password: NEW_PASSWORD });
  });

  it('token flow: an expired link offers a new code', async () => {
    const el = await mount(
      { resetPassword: async () => Promise.reject(new FoyerError('code_expired')), forgotPassword: () => pending() },
      'tok_old',
    );
    ($(el, '#password') as HTMLInputElement).value = NEW_PASSWORD;
    $(el, '#password').focus();
    await pressEnter();
    await until(() => $(el, '#form-error').textContent !== '', 'expired');
    expect($(el, '#form-error').textContent).to.equal('This reset link no longer works. Ask for a new code.');
    await expect(el).to.be.accessible();
    buttonNamed(el, 'Ask for a new code')!.click();
    await until(() => el.shadowRoot?.querySelector('#email') !== null, 'request step');
    await until(() => deepActiveElement() === $(el, '#email'), 'focus on email');
  });

  it('validates the email locally', async () => {
    const el = await mount();
    await typeInto($(el, '#email'), 'ada@');
    await pressEnter();
    await el.updateComplete;
    expect($(el, '#email').getAttribute('aria-invalid')).to.equal('true');
    expect(deepActiveElement()).to.equal($(el, '#email'));
  });
});
