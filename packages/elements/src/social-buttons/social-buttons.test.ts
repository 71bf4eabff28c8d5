import { createAuthMachines, createFakeAuthActors } from '@foyer/core';
import { expect, fixture, html } from '@open-wc/testing';
import type { FoyerAuth } from '../auth/auth.component.js';
import '../auth/auth.js';
import type { FoyerSignIn } from '../sign-in/sign-in.component.js';
import '../sign-in/sign-in.js';
import { $, $defined, record, until } from '../internal/test-utils.js';
import { resetOAuthReturn } from './oauth-return.js';
import type { FoyerSocialButtons } from './social-buttons.component.js';
import './social-buttons.js';

const buttonsOf = (el: Element) => [
  ...(el.shadowRoot?.querySelectorAll<HTMLAnchorElement>('[part~="provider-button"]') ?? []),
];

/** Puts flags on the page URL as the server's callback would, then forgets earlier reads. */
function returnWith(query: string): void {
  const url = new URL(location.href);
  for (const flag of ['foyer_link', 'foyer_oauth_error', 'foyer_mfa']) url.searchParams.delete(flag);
  for (const [key, value] of new URLSearchParams(query)) url.searchParams.set(key, value);
  history.replaceState(null, '', url.href);
  resetOAuthReturn();
}

describe('<foyer-social-buttons>', () => {
  beforeEach(() => returnWith(''));

  it('is accessible (light and dark)', async () => {
    const light = await fixture<FoyerSocialButtons>(
      html`<foyer-social-buttons providers="google apple"></foyer-social-buttons>`,
    );
    await expect(light).to.be.accessible();
    const dark = await fixture<FoyerSocialButtons>(
      html`<foyer-social-buttons providers="google apple" variant="dark" mode="continue"></foyer-social-buttons>`,
    );
    await expect(dark).to.be.accessible();
  });

  it('links each provider to its start route with this page as return_to', async () => {
    const el = await fixture<FoyerSocialButtons>(
      html`<foyer-social-buttons
        providers="google apple my-idp"
        api-base="https://auth.example.com/"
      ></foyer-social-buttons>`,
    );
    const [google, apple, custom] = buttonsOf(el);
    expect(google?.textContent?.trim()).to.equal('Sign in with Google');
    expect(apple?.textContent?.trim()).to.equal('Sign in with Apple');
    expect(custom?.textContent?.trim()).to.equal('Sign in with My-idp');
    expect(google?.getAttribute('href')).to.equal(
      `https://auth.example.com/auth/oauth/google/start?return_to=${encodeURIComponent(location.href)}`,
    );
    expect(apple?.getAttribute('href')).to.contain('/auth/oauth/apple/start?return_to=');
    expect(google?.querySelector('svg')?.getAttribute('aria-hidden')).to.equal('true');
    expect(google?.querySelectorAll('path')).to.have.length(4); // the four-colour G
  });

  it('follows the brands: Google 40 px, white with #747775 border (dark: #131314); Apple black (dark: white)', async () => {
    const el = await fixture<FoyerSocialButtons>(
      html`<foyer-social-buttons providers="google apple"></foyer-social-buttons>`,
    );
    const [google, apple] = buttonsOf(el).map((a) => getComputedStyle(a));
    expect(google?.height).to.equal('40px');
    expect(google?.backgroundColor).to.equal('rgb(255, 255, 255)');
    expect(google?.borderTopColor).to.equal('rgb(116, 119, 117)');
    expect(google?.fontSize).to.equal('14px');
    expect(apple?.backgroundColor).to.equal('rgb(0, 0, 0)');
    expect(apple?.color).to.equal('rgb(255, 255, 255)');
    expect(parseFloat(apple?.minWidth ?? '0')).to.be.at.least(140);
    el.variant = 'dark';
    await el.updateComplete;
    const [darkGoogle, darkApple] = buttonsOf(el).map((a) => getComputedStyle(a));
    expect(darkGoogle?.backgroundColor).to.equal('rgb(19, 19, 20)');
    expect(darkApple?.backgroundColor).to.equal('rgb(255, 255, 255)');
  });

  it('uses the sign-up and continue wordings', async () => {
    const el = await fixture<FoyerSocialButtons>(
      html`<foyer-social-buttons providers="google" mode="continue"></foyer-social-buttons>`,
    );
    expect(buttonsOf(el)[0]?.textContent?.trim()).to.equal('Continue with Google');
    el.mode = 'signup';
    await el.updateComplete;
    expect(buttonsOf(el)[0]?.textContent?.trim()).to.equal('Sign up with Google');
  });

  it('after foyer_link: says the password is needed once, and removes the flag from the URL', async () => {
    returnWith('foyer_link=google');
    const events = record(window, 'foyer-oauth-return');
    const el = await fixture<FoyerSocialButtons>(
      html`<foyer-social-buttons providers="google"></foyer-social-buttons>`,
    );
    expect($(el, '[part~="notice"]').textContent).to.contain('Sign in with your password once to connect Google');
    expect(new URL(location.href).searchParams.has('foyer_link')).to.equal(false);
    expect(events.map((event) => event.detail)).to.deep.equal([{ link: 'google' }]);
  });

  it('after foyer_oauth_error: an alert with the localised message and a foyer-error event', async () => {
    returnWith('foyer_oauth_error=oauth_failed');
    const errors = record(window, 'foyer-error');
    const el = await fixture<FoyerSocialButtons>(
      html`<foyer-social-buttons providers="google"></foyer-social-buttons>`,
    );
    const alert = $(el, '[part~="form-error"]');
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(alert.textContent).to.contain('Signing in with that provider did not work');
    expect(errors[0]?.detail.code).to.equal('oauth_failed');
    expect(new URL(location.href).searchParams.has('foyer_oauth_error')).to.equal(false);
  });

  it('after foyer_mfa=1: a notice, and the flag stays for the MFA element', async () => {
    returnWith('foyer_mfa=1');
    const el = await fixture<FoyerSocialButtons>(
      html`<foyer-social-buttons providers="google"></foyer-social-buttons>`,
    );
    expect($(el, '[part~="notice"]').textContent).to.contain('second factor');
    expect(new URL(location.href).searchParams.get('foyer_mfa')).to.equal('1');
    returnWith('');
  });

  it('<foyer-sign-in providers="google apple"> shows the buttons above the form', async () => {
    const logic = createAuthMachines(createFakeAuthActors()).signIn;
    const el = await fixture<FoyerSignIn>(
      html`<foyer-sign-in providers="google apple" .logic=${logic}></foyer-sign-in>`,
    );
    await expect(el).to.be.accessible();
    const buttons = await $defined<FoyerSocialButtons>(el, 'foyer-social-buttons');
    expect(buttonsOf(buttons).map((a) => a.dataset.provider)).to.deep.equal(['google', 'apple']);
    const position = buttons.compareDocumentPosition($(el, 'form'));
    expect(position & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
  });

  it('<foyer-auth view="sign-up" providers> opens on sign-in after foyer_link, with the message', async () => {
    returnWith('foyer_link=google');
    const logic = createAuthMachines(createFakeAuthActors({ getSession: async () => null })).auth;
    const el = await fixture<FoyerAuth>(
      html`<foyer-auth view="sign-up" providers="google apple" .logic=${logic}></foyer-auth>`,
    );
    await until(() => el.shadowRoot?.querySelector('foyer-sign-in') !== null, 'sign-in form');
    const signIn = $<FoyerSignIn>(el, 'foyer-sign-in');
    await signIn.updateComplete;
    const buttons = $<FoyerSocialButtons>(signIn, 'foyer-social-buttons');
    await buttons.updateComplete;
    expect($(buttons, '[part~="notice"]').textContent).to.contain('connect Google');
    await expect(el).to.be.accessible();
  });

  it('renders nothing without providers', async () => {
    const el = await fixture<FoyerSocialButtons>(html`<foyer-social-buttons></foyer-social-buttons>`);
    expect(buttonsOf(el)).to.have.length(0);
  });
});
