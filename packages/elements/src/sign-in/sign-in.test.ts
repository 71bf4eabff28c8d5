import { createAuthMachines, createFakeAuthActors, FoyerError, pending, type FakeAuthHandlers } from '@foyer/core';
import { expect, fixture, html } from '@open-wc/testing';
import type { FoyerVerifyEmail } from '../verify-email/verify-email.component.js';
import { $, deepActiveElement, deferred, pressEnter, record, typeInto, until, userOf } from '../internal/test-utils.js';
import type { FoyerSignIn } from './sign-in.component.js';
import './sign-in.js';

const EMAIL = 'ada@example.com';
const PASSWORD = 'correct horse battery';

async function mount(handlers: FakeAuthHandlers = {}): Promise<FoyerSignIn> {
  const logic = createAuthMachines(createFakeAuthActors(handlers)).signIn;
  return fixture<FoyerSignIn>(html`<foyer-sign-in .logic=${logic}></foyer-sign-in>`);
}

async function fillAndEnter(el: FoyerSignIn, email = EMAIL, password = PASSWORD): Promise<void> {
  await typeInto($(el, '#email'), email);
  await typeInto($(el, '#password'), password);
  await pressEnter();
  await el.updateComplete;
}

describe('<foyer-sign-in>', () => {
  it('is accessible', async () => {
    const el = await mount();
    await expect(el).to.be.accessible();
  });

  it('renders a real form with labelled, autocompletable inputs', async () => {
    const el = await mount();
    const form = $<HTMLFormElement>(el, 'form');
    expect(form.noValidate).to.equal(true);
    expect($(el, 'label[for="email"]').textContent?.trim()).to.equal('Email');
    expect($(el, 'label[for="password"]').textContent?.trim()).to.equal('Password');
    expect($(el, '#email').getAttribute('type')).to.equal('email');
    expect($(el, '#email').getAttribute('autocomplete')).to.equal('username');
    expect($(el, '#password').getAttribute('type')).to.equal('password');
    expect($(el, '#password').getAttribute('autocomplete')).to.equal('current-password');
    expect($(el, 'button[type="submit"]').textContent?.trim()).to.equal('Sign in');
    expect($(el, 'h2').textContent?.trim()).to.equal('Sign in');
  });

  it('pre-fills the email attribute', async () => {
    const logic = createAuthMachines(createFakeAuthActors()).signIn;
    const el = await fixture<FoyerSignIn>(html`<foyer-sign-in email=${EMAIL} .logic=${logic}></foyer-sign-in>`);
    expect($<HTMLInputElement>(el, '#email').value).to.equal(EMAIL);
  });

  it('toggles the password visibility with an aria-pressed button', async () => {
    const el = await mount();
    const toggle = $(el, '[part~="password-toggle"]');
    expect(toggle.textContent?.trim()).to.equal('Show password');
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    expect($(el, '#password').getAttribute('type')).to.equal('text');
  });

  it('submits with Enter and shows the busy state while submitting', async () => {
    let received: unknown;
    const el = await mount({
      signIn: (input) => {
        received = input;
        return pending();
      },
    });
    await fillAndEnter(el);
    expect(received).to.deep.equal({ email: EMAIL, password: PASSWORD });
    expect(el.machine?.getSnapshot().matches('submitting')).to.equal(true);
    const submit = $(el, '[part~="submit-button"]');
    expect(submit.getAttribute('aria-busy')).to.equal('true');
    expect(submit.getAttribute('aria-disabled')).to.equal('true');
  });

  it('shows field errors, links them and focuses the first invalid field', async () => {
    const el = await mount({ signIn: () => pending() });
    await typeInto($(el, '#password'), 'x');
    await typeInto($(el, '#email'), 'not-an-email');
    await pressEnter();
    await el.updateComplete;
    const email = $(el, '#email');
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(email.getAttribute('aria-describedby')).to.contain('email-error');
    expect($(el, '#email-error').textContent).to.equal('Enter a valid email address.');
    expect($(el, '#password').getAttribute('aria-invalid')).to.equal('false');
    expect(deepActiveElement()).to.equal(email);

    // Empty password only: focus goes to the password field.
    email.focus();
    ($(el, '#password') as HTMLInputElement).value = '';
    ($(el, '#email') as HTMLInputElement).value = EMAIL;
    await pressEnter();
    await el.updateComplete;
    expect($(el, '#password-error').textContent).to.equal('Enter your password.');
    expect(deepActiveElement()).to.equal($(el, '#password'));
  });

  it('announces invalid_credentials (localised, not the raw server text) and fires foyer-error once', async () => {
    const el = await mount({
      signIn: async () => Promise.reject(new FoyerError('invalid_credentials', { message: 'raw' })),
    });
    const errors = record(document, 'foyer-error');
    await fillAndEnter(el);
    await until(() => errors.length > 0, 'foyer-error');
    await el.updateComplete;
    const alert = $(el, '[role="alert"]');
    expect(alert.textContent).to.equal('The email or password is not right.');
    expect(errors).to.have.length(1);
    expect(errors[0]!.detail).to.deep.equal({
      code: 'invalid_credentials',
      message: 'The email or password is not right.',
    });
    expect($(el, '[part~="submit-button"]').getAttribute('aria-busy')).to.equal('false');
  });

  it('announces rate_limited with the retry delay', async () => {
    const el = await mount({ signIn: async () => Promise.reject(new FoyerError('rate_limited', { retryAfter: 30 })) });
    await fillAndEnter(el);
    await until(() => !!$(el, '[role="alert"]').textContent?.includes('30 seconds'), 'rate limit message');
  });

  it('tells a server that shed load (429 server_busy) apart from too many attempts', async () => {
    const el = await mount({
      signIn: async () =>
        Promise.reject(new FoyerError('rate_limited', { retryAfter: 2, details: { reason: 'server_busy' } })),
    });
    await fillAndEnter(el);
    await until(() => !!$(el, '[role="alert"]').textContent?.includes('busy'), 'busy message');
    expect($(el, '[role="alert"]').textContent).to.contain('We are busy just now. Try again in 2 seconds.');
    expect($(el, '[role="alert"]').textContent).to.not.contain('Too many attempts');
  });

  it('shows server field errors of invalid_input', async () => {
    const el = await mount({
      signIn: async () =>
        Promise.reject(new FoyerError('invalid_input', { fields: { email: 'Enter a valid email address.' } })),
    });
    await fillAndEnter(el);
    await until(() => el.shadowRoot?.querySelector('#email-error') !== null, 'email error');
    expect(deepActiveElement()).to.equal($(el, '#email'));
  });

  it('continues into verification for email_not_verified, focuses the code input, and completes once', async () => {
    const verified = deferred<{ user: ReturnType<typeof userOf> }>();
    const el = await mount({
      signIn: async () => Promise.reject(new FoyerError('email_not_verified')),
      verifyEmail: () => verified.promise,
    });
    const completions = record(document, 'foyer-sign-in-complete');
    const errors = record(document, 'foyer-error');
    await fillAndEnter(el);
    await until(() => el.shadowRoot?.querySelector('foyer-verify-email') !== null, 'verification step');
    const verify = $<FoyerVerifyEmail>(el, 'foyer-verify-email');
    await verify.updateComplete;
    expect($(verify, '[part~="description"]').textContent).to.contain(EMAIL);
    await until(() => deepActiveElement() === $(verify, '#code'), 'focus on the code input');
    await typeInto($(verify, '#code'), '123456');
    await pressEnter();
    verified.resolve({ user: userOf(EMAIL) });
    await until(() => completions.length > 0, 'sign-in complete');
    await el.updateComplete;
    expect(completions).to.have.length(1);
    expect(completions[0]!.detail.user.email).to.equal(EMAIL);
    expect(errors).to.have.length(0);
    expect(record(document, 'foyer-verify-email-complete')).to.have.length(0);
  });

  it('goes back to the form with "Use a different email"', async () => {
    const el = await mount({ signIn: async () => Promise.reject(new FoyerError('email_not_verified')) });
    await fillAndEnter(el);
    await until(() => el.shadowRoot?.querySelector('foyer-verify-email') !== null, 'verification step');
    const back = [...el.shadowRoot!.querySelectorAll('button')].find(
      (b) => b.textContent?.trim() === 'Use a different email',
    );
    expect(back).not.to.equal(undefined);
    back!.click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#email').value).to.equal(EMAIL);
    await until(() => deepActiveElement() === $(el, '#email'), 'focus on email');
  });

  it('does not let page styles in, but ::part() styles through', async () => {
    const style = document.createElement('style');
    style.textContent = 'input { color: rgb(255, 0, 0) !important; } .styled::part(input) { color: rgb(0, 128, 0); }';
    document.head.append(style);
    try {
      const el = await mount();
      const input = $(el, '#email');
      expect(getComputedStyle(input).color).not.to.equal('rgb(255, 0, 0)');
      el.classList.add('styled');
      expect(getComputedStyle(input).color).to.equal('rgb(0, 128, 0)');
    } finally {
      style.remove();
    }
  });
});
