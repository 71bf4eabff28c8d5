import { createAuthMachines, createFakeAuthActors, FoyerError, pending, type FakeAuthHandlers } from '@foyer/core';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { FoyerSignIn } from '../sign-in/sign-in.component.js';
import type { FoyerSignUp } from '../sign-up/sign-up.component.js';
import type { FoyerVerifyEmail } from '../verify-email/verify-email.component.js';
import {
  $,
  $defined,
  deepActiveElement,
  deferred,
  pressEnter,
  record,
  typeInto,
  until,
  userOf,
} from '../internal/test-utils.js';
import type { FoyerAuth } from './auth.component.js';
import './auth.js';

const EMAIL = 'ada@example.com';
const PASSWORD = 'correct horse battery';
const SESSION = { id: 'ses_1', createdAt: '2026-01-01T00:00:00.000Z', expiresAt: '2026-02-01T00:00:00.000Z' };

const signedOut: FakeAuthHandlers = { getSession: async () => null };

async function mount(handlers: FakeAuthHandlers, view?: string): Promise<FoyerAuth> {
  const logic = createAuthMachines(createFakeAuthActors(handlers)).auth;
  const el = await fixture<FoyerAuth>(html`<foyer-auth view=${view ?? 'sign-in'} .logic=${logic}></foyer-auth>`);
  await el.updateComplete;
  return el;
}

const buttonNamed = (root: Element, name: string) =>
  [...root.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);

/**
 * Signs out through the button and waits for `foyer-sign-out`: a later event than any a sign-in
 * fires, so whatever a sign-in was going to emit has reached the page by then.
 */
async function signOutAfterwards(el: FoyerAuth): Promise<void> {
  const signedOut = oneEvent(el, 'foyer-sign-out');
  buttonNamed(el, 'Sign out')!.click();
  await signedOut;
}

async function signInChild(el: FoyerAuth): Promise<FoyerSignIn> {
  await until(() => el.shadowRoot?.querySelector('foyer-sign-in') !== null, 'sign-in form');
  const child = $<FoyerSignIn>(el, 'foyer-sign-in');
  await child.updateComplete;
  return child;
}

describe('<foyer-auth>', () => {
  it('is accessible', async () => {
    const el = await mount(signedOut);
    await signInChild(el);
    await expect(el).to.be.accessible();
  });

  it('shows a busy state while the session loads', async () => {
    const el = await mount({ getSession: () => pending() });
    const base = $(el, '[part~="base"]');
    expect(base.getAttribute('aria-busy')).to.equal('true');
    expect($(el, '[role="status"]').textContent).to.equal('Loading…');
  });

  it('shows sign-in by default and switches views with the buttons, keeping focus in the form', async () => {
    const el = await mount(signedOut);
    await signInChild(el);
    const toSignUp = buttonNamed(el, 'Create an account');
    expect(toSignUp).not.to.equal(undefined);
    toSignUp!.click();
    await until(() => el.shadowRoot?.querySelector('foyer-sign-up') !== null, 'sign-up form');
    const signUp = $<FoyerSignUp>(el, 'foyer-sign-up');
    await until(() => deepActiveElement() === signUp.shadowRoot?.querySelector('#email'), 'focus on email');
    buttonNamed(el, 'I already have an account')!.click();
    await signInChild(el);
  });

  it('starts with sign-up when view="sign-up"', async () => {
    const el = await mount(signedOut, 'sign-up');
    await until(() => el.shadowRoot?.querySelector('foyer-sign-up') !== null, 'sign-up form');
  });

  it('shows who is signed in when a session exists', async () => {
    const el = await mount({ getSession: async () => ({ user: userOf(EMAIL), session: SESSION }) });
    expect($(el, '[part~="user"]').textContent).to.equal(`Signed in as ${EMAIL}`);
    expect(buttonNamed(el, 'Sign out')).not.to.equal(undefined);
  });

  it('signs in through the nested form: exactly one foyer-sign-in-complete reaches the page', async () => {
    const el = await mount({
      ...signedOut,
      signIn: async ({ email }) => ({ user: userOf(email) }),
      signOut: async () => undefined,
    });
    const events = record(document, 'foyer-sign-in-complete');
    const form = await signInChild(el);
    await typeInto($(form, '#email'), EMAIL);
    await typeInto($(form, '#password'), PASSWORD);
    await pressEnter();
    await until(() => el.shadowRoot?.querySelector('[part~="user"]') !== null, 'signed-in view');
    expect($(el, '[part~="user"]').textContent).to.equal(`Signed in as ${EMAIL}`);
    await signOutAfterwards(el);
    expect(events).to.have.length(1);
    expect(events[0]!.detail.user.email).to.equal(EMAIL);
    expect(events[0]!.target).to.equal(el);
  });

  it('offers a second factor left pending by a redirect (social sign-in) on load, then signs in once', async () => {
    const el = await mount({
      getSession: async () =>
        Promise.reject(new FoyerError('unauthenticated', { details: { mfaPending: true, factors: ['totp'] } })),
      verifyMfa: async () => ({ user: userOf(EMAIL) }),
      signOut: async () => undefined,
    } as FakeAuthHandlers);
    const events = record(document, 'foyer-sign-in-complete');
    const challenge = await $defined(el, 'foyer-mfa-challenge');
    await expect(el).to.be.accessible();
    await typeInto($(challenge, '#code'), '123456');
    await pressEnter();
    await until(() => el.shadowRoot?.querySelector('[part~="user"]') !== null, 'signed-in view');
    await signOutAfterwards(el);
    expect(events).to.have.length(1);
    expect(events[0]!.detail.user.email).to.equal(EMAIL);
  });

  it('signs up through verification: exactly one foyer-sign-up-complete, no sign-in event', async () => {
    const el = await mount(
      {
        ...signedOut,
        signUp: async () => ({ status: 'verification_required' as const }),
        verifyEmail: async () => ({ user: userOf(EMAIL) }),
        signOut: async () => undefined,
      },
      'sign-up',
    );
    const signUps = record(document, 'foyer-sign-up-complete');
    const signIns = record(document, 'foyer-sign-in-complete');
    await until(() => el.shadowRoot?.querySelector('foyer-sign-up') !== null, 'sign-up form');
    const form = $<FoyerSignUp>(el, 'foyer-sign-up');
    await form.updateComplete;
    await typeInto($(form, '#email'), EMAIL);
    await typeInto($(form, '#password'), PASSWORD);
    await pressEnter();
    await until(() => form.shadowRoot?.querySelector('foyer-verify-email') !== null, 'verification step');
    const verify = $<FoyerVerifyEmail>(form, 'foyer-verify-email');
    await verify.updateComplete;
    await typeInto($(verify, '#code'), '123456');
    await pressEnter();
    await until(() => el.shadowRoot?.querySelector('[part~="user"]') !== null, 'signed-in view');
    await signOutAfterwards(el);
    expect(signUps).to.have.length(1);
    expect(signUps[0]!.detail.user.email).to.equal(EMAIL);
    expect(signIns).to.have.length(0);
  });

  it('forwards errors of the nested forms once as foyer-error', async () => {
    const answers = [new FoyerError('invalid_credentials'), new FoyerError('network_error')];
    const el = await mount({ ...signedOut, signIn: async () => Promise.reject(answers.shift()) });
    const errors = record(document, 'foyer-error');
    const form = await signInChild(el);
    await typeInto($(form, '#email'), EMAIL);
    await typeInto($(form, '#password'), PASSWORD);
    await pressEnter();
    await until(() => errors.length > 0, 'foyer-error');
    expect($(form, '[role="alert"]').textContent).to.equal('The email or password is not right.');
    // A second, different failure: a repeat of the first error would have reached the page before it.
    $(form, '#password').focus();
    await pressEnter();
    await until(() => errors.some((event) => event.detail.code === 'network_error'), 'second foyer-error');
    expect(errors.map((event) => event.detail.code)).to.deep.equal(['invalid_credentials', 'network_error']);
  });

  it('signs out and fires foyer-sign-out', async () => {
    const signOut = deferred<void>();
    const el = await mount({
      getSession: async () => ({ user: userOf(EMAIL), session: SESSION }),
      signOut: () => signOut.promise,
    });
    const events = record(document, 'foyer-sign-out');
    const button = buttonNamed(el, 'Sign out')!;
    button.focus();
    await pressEnter();
    await el.updateComplete;
    expect(button.getAttribute('aria-busy')).to.equal('true');
    signOut.resolve();
    await signInChild(el);
    expect(events).to.have.length(1);
  });

  it('announces a failed sign-out and stays signed in', async () => {
    const el = await mount({
      getSession: async () => ({ user: userOf(EMAIL), session: SESSION }),
      signOut: async () => Promise.reject(new FoyerError('network_error')),
    });
    const errors = record(el, 'foyer-error');
    buttonNamed(el, 'Sign out')!.click();
    await until(() => errors.length > 0, 'foyer-error');
    await el.updateComplete;
    expect($(el, '[role="alert"]').textContent).to.contain('Could not reach the server');
    expect(buttonNamed(el, 'Sign out')).not.to.equal(undefined);
  });

  it('lets the host replace the signed-in view through the signed-in slot', async () => {
    const logic = createAuthMachines(
      createFakeAuthActors({
        getSession: async () => ({ user: userOf(EMAIL), session: SESSION }),
        signOut: async () => {},
      }),
    ).auth;
    const el = await fixture<FoyerAuth>(
      html`<foyer-auth .logic=${logic}><p slot="signed-in">Welcome back!</p></foyer-auth>`,
    );
    await el.updateComplete;
    const slot = $<HTMLSlotElement>(el, 'slot[name="signed-in"]');
    expect(slot.assignedElements()[0]?.textContent).to.equal('Welcome back!');
    const events = record(el, 'foyer-sign-out');
    el.signOut();
    await signInChild(el);
    expect(events).to.have.length(1);
  });

  it('shows a session error and still offers sign-in', async () => {
    const el = await mount({ getSession: async () => Promise.reject(new FoyerError('network_error')) });
    await signInChild(el);
    expect($(el, '[role="alert"]').textContent).to.contain('Could not reach the server');
  });

  it('does not let page styles in, but ::part() styles through, also into nested forms', async () => {
    const style = document.createElement('style');
    style.textContent = 'input { color: rgb(255, 0, 0) !important; } .styled::part(input) { color: rgb(0, 128, 0); }';
    document.head.append(style);
    try {
      const el = await mount(signedOut);
      const form = await signInChild(el);
      const input = $(form, '#email');
      expect(getComputedStyle(input).color).not.to.equal('rgb(255, 0, 0)');
      el.classList.add('styled');
      expect(getComputedStyle(input).color).to.equal('rgb(0, 128, 0)');
    } finally {
      style.remove();
    }
  });

  it('"Forgot your password?" switches to the reset view, which ends signed in', async () => {
    const el = await mount({
      ...signedOut,
      forgotPassword: async () => undefined,
      resetPassword: async () => ({ user: userOf(EMAIL) }),
    });
    const resets = record(document, 'foyer-password-reset-complete');
    const asked = record(document, 'foyer-forgot-password');
    const form = await signInChild(el);
    await typeInto($(form, '#email'), EMAIL);
    buttonNamed(form, 'Forgot your password?')!.click();
    const reset = await $defined<HTMLElement & { updateComplete: Promise<unknown> }>(el, 'foyer-reset-password');
    expect(asked).to.have.length(1);
    expect(asked[0]!.target).to.equal(el);
    expect((reset.shadowRoot!.querySelector('#email') as HTMLInputElement).value).to.equal(EMAIL);
    await until(() => deepActiveElement() === reset.shadowRoot?.querySelector('#email'), 'focus in reset');
    await expect(el).to.be.accessible();
    await pressEnter();
    await until(() => reset.shadowRoot?.querySelector('#code') !== null, 'code step');
    await typeInto(reset.shadowRoot!.querySelector('#code')!, '123456');
    await typeInto(reset.shadowRoot!.querySelector('#password')!, 'quartz lantern meadow 42');
    await pressEnter();
    await until(() => el.shadowRoot?.querySelector('[part~="user"]') !== null, 'signed in');
    expect(resets).to.have.length(1);
  });

  it('lets the page cancel foyer-forgot-password, and goes back from the reset view', async () => {
    const el = await mount(signedOut);
    const form = await signInChild(el);
    const cancel = (event: Event) => event.preventDefault();
    document.addEventListener('foyer-forgot-password', cancel, { once: true });
    buttonNamed(form, 'Forgot your password?')!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('foyer-reset-password')).to.equal(null);
    expect(form.shadowRoot!.querySelector('foyer-reset-password')).to.equal(null);
    buttonNamed(form, 'Forgot your password?')!.click();
    await until(() => el.shadowRoot?.querySelector('foyer-reset-password') !== null, 'reset view');
    buttonNamed(el, 'Back to sign in')!.click();
    await signInChild(el);
  });
});
