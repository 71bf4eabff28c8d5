import { createAuthMachines, createFakeAuthActors, FoyerError, type FakeAuthHandlers } from '@foyer/core';
import { expect, fixture, html } from '@open-wc/testing';
import type { FoyerVerifyEmail } from '../verify-email/verify-email.component.js';
import { $, deepActiveElement, pressEnter, record, typeInto, until, userOf } from '../internal/test-utils.js';
import type { FoyerSignUp } from './sign-up.component.js';
import './sign-up.js';

const EMAIL = 'grace@example.com';
const PASSWORD = 'a long enough passphrase';

async function mount(handlers: FakeAuthHandlers = {}): Promise<FoyerSignUp> {
  const logic = createAuthMachines(createFakeAuthActors(handlers)).signUp;
  return fixture<FoyerSignUp>(html`<foyer-sign-up .logic=${logic}></foyer-sign-up>`);
}

async function fillAndEnter(el: FoyerSignUp, email = EMAIL, password = PASSWORD): Promise<void> {
  await typeInto($(el, '#email'), email);
  await typeInto($(el, '#password'), password);
  await pressEnter();
  await el.updateComplete;
}

const buttonNamed = (root: Element, name: string) =>
  [...root.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);

describe('<foyer-sign-up>', () => {
  it('is accessible', async () => {
    const el = await mount();
    await expect(el).to.be.accessible();
  });

  it('asks for a new password with a linked hint', async () => {
    const el = await mount();
    const password = $(el, '#password');
    expect(password.getAttribute('autocomplete')).to.equal('new-password');
    expect($(el, '#password-hint').textContent).to.equal('At least 8 characters');
    expect(password.getAttribute('aria-describedby')).to.contain('password-hint');
    expect($(el, '#email').getAttribute('autocomplete')).to.equal('email');
    expect($(el, 'button[type="submit"]').textContent?.trim()).to.equal('Create account');
  });

  it('validates with the shared schema and focuses the first invalid field', async () => {
    const el = await mount();
    await fillAndEnter(el, EMAIL, 'short');
    expect($(el, '#password-error').textContent).to.equal('Use at least 8 characters.');
    expect($(el, '#password').getAttribute('aria-describedby')).to.equal('password-error password-hint');
    expect(deepActiveElement()).to.equal($(el, '#password'));
  });

  it('shows server field errors and announces invalid_input', async () => {
    const el = await mount({
      signUp: async () =>
        Promise.reject(
          new FoyerError('invalid_input', { fields: { password: 'This password appeared in a data breach.' } }),
        ),
    });
    const errors = record(el, 'foyer-error');
    await fillAndEnter(el);
    await until(() => errors.length === 1, 'foyer-error');
    await el.updateComplete;
    expect($(el, '#password-error').textContent).to.equal('This password appeared in a data breach.');
    expect($(el, '[role="alert"]').textContent).to.contain('Some fields are not valid');
    expect(deepActiveElement()).to.equal($(el, '#password'));
  });

  it('announces a network error', async () => {
    const el = await mount({ signUp: async () => Promise.reject(new FoyerError('network_error')) });
    await fillAndEnter(el);
    await until(() => !!$(el, '[role="alert"]').textContent?.includes('Could not reach the server'), 'network message');
  });

  it('verifies the email and fires foyer-sign-up-complete once', async () => {
    const el = await mount({
      signUp: async () => ({ status: 'verification_required' as const }),
      verifyEmail: async (input) => ({ user: userOf('email' in input ? input.email : '') }),
    });
    const events = record(document, 'foyer-sign-up-complete');
    await fillAndEnter(el);
    await until(() => el.shadowRoot?.querySelector('foyer-verify-email') !== null, 'verification step');
    const verify = $<FoyerVerifyEmail>(el, 'foyer-verify-email');
    await until(() => deepActiveElement() === verify.shadowRoot?.querySelector('#code'), 'focus on the code input');
    await typeInto($(verify, '#code'), '654321');
    await pressEnter();
    await until(() => events.length > 0, 'sign-up complete');
    await el.updateComplete;
    expect(events).to.have.length(1);
    expect(events[0]!.detail.user.email).to.equal(EMAIL);
    expect($(el, '[part~="notice"]').textContent).to.contain(`Signed in as ${EMAIL}`);
  });

  it('offers "Use a different email" during verification', async () => {
    const el = await mount({ signUp: async () => ({ status: 'verification_required' as const }) });
    await fillAndEnter(el);
    await until(() => el.shadowRoot?.querySelector('foyer-verify-email') !== null, 'verification step');
    buttonNamed(el, 'Use a different email')!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('foyer-verify-email')).to.equal(null);
    expect($<HTMLInputElement>(el, '#email').value).to.equal(EMAIL);
    expect($<HTMLInputElement>(el, '#password').value).to.equal('');
  });
});
