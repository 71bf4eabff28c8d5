import { createAuthMachines, createFakeAuthActors, FoyerError, pending, type FakeAuthHandlers } from '@foyer/core';
import { expect, fixture, html } from '@open-wc/testing';
import type { FoyerCaptcha } from '../captcha/captcha.component.js';
import type { FoyerChangePassword } from '../change-password/change-password.component.js';
import type { FoyerResetPassword } from '../reset-password/reset-password.component.js';
import { $, $defined, deepActiveElement, pressEnter, record, typeInto, until, userOf } from '../internal/test-utils.js';
import { formatCountdown } from '../internal/credentials-form.js';
import type { FoyerSignIn } from './sign-in.component.js';
import './sign-in.js';

const EMAIL = 'ada@example.com';
const PASSWORD = 'correct horse battery';

async function mount(handlers: FakeAuthHandlers = {}): Promise<FoyerSignIn> {
  const machines = createAuthMachines(createFakeAuthActors(handlers));
  return fixture<FoyerSignIn>(
    html`<foyer-sign-in .logic=${machines.signIn} .resetLogic=${machines.resetPassword}></foyer-sign-in>`,
  );
}

async function fillAndEnter(el: FoyerSignIn): Promise<void> {
  await typeInto($(el, '#email'), EMAIL);
  await typeInto($(el, '#password'), PASSWORD);
  await pressEnter();
  await el.updateComplete;
}

const status = (el: Element) => $(el, '[part~="status"]').textContent?.trim() ?? '';
const buttonNamed = (root: Element, name: string) =>
  [...root.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);

/** What the ALTCHA widget dispatches when it solved its challenge (the widget's real event). */
function solveAltcha(captcha: FoyerCaptcha, payload: string): void {
  const widget = captcha.shadowRoot!.querySelector('altcha-widget')!;
  widget.dispatchEvent(new CustomEvent('verified', { detail: { payload } }));
}

describe('<foyer-sign-in> security states', () => {
  it('announces the attempts left when they are low, politely', async () => {
    const el = await mount({
      signIn: async () => Promise.reject(new FoyerError('invalid_credentials', { details: { attemptsLeft: 2 } })),
    });
    await fillAndEnter(el);
    await until(() => status(el) !== '', 'attempts-left notice');
    expect($(el, '[part~="status"]').getAttribute('role')).to.equal('status');
    expect(status(el)).to.equal('2 attempts left before we ask you to confirm you’re human.');
    await expect(el).to.be.accessible();
  });

  it('does not mention attempts while many remain', async () => {
    const el = await mount({
      signIn: async () => Promise.reject(new FoyerError('invalid_credentials', { details: { attemptsLeft: 9 } })),
    });
    await fillAndEnter(el);
    await until(() => $(el, '[role="alert"]').textContent !== '', 'error');
    expect(status(el)).to.equal('');
  });

  it('captchaRequired: shows the ALTCHA widget (lazily loaded) and resubmits with its solution', async () => {
    const inputs: unknown[] = [];
    let calls = 0;
    const el = await mount({
      signIn: async (input) => {
        inputs.push(input);
        calls++;
        if (calls === 1)
          throw new FoyerError('captcha_required', {
            details: { captcha: { provider: 'altcha', challengeUrl: '/auth/captcha/challenge' } },
          });
        return { user: userOf(EMAIL) };
      },
    });
    const completions = record(document, 'foyer-sign-in-complete');
    await fillAndEnter(el);
    const captcha = await $defined<FoyerCaptcha>(el, 'foyer-captcha');
    expect(status(el)).to.equal('Please confirm you’re human, then sign in again.');
    expect(captcha.getAttribute('provider')).to.equal('altcha');
    await until(() => captcha.shadowRoot?.querySelector('altcha-widget') !== null, 'altcha widget');
    await until(() => customElements.get('altcha-widget') !== undefined, 'altcha defined');
    expect(captcha.shadowRoot!.querySelector('altcha-widget')!.getAttribute('challenge')).to.equal(
      new URL('/auth/captcha/challenge', location.href).href,
    );
    await expect(el).to.be.accessible();

    // Submitting without solving is refused locally and says why.
    $<HTMLButtonElement>(el, '[part~="submit-button"]').click();
    await el.updateComplete;
    expect($(el, '#captcha-error').textContent).to.equal('Please confirm you are human.');
    expect(calls).to.equal(1);

    solveAltcha(captcha, 'c29sdXRpb24=');
    await captcha.updateComplete;
    expect($(captcha, '[part~="status"]').textContent).to.equal('Human check complete.');
    $(el, '#password').focus();
    await pressEnter();
    await until(() => completions.length > 0, 'signed in');
    expect(inputs[1]).to.deep.equal({ email: EMAIL, password: PASSWORD, captcha: 'c29sdXRpb24=' });
  });

  it('captcha_invalid: shows a fresh widget and the error', async () => {
    let calls = 0;
    const el = await mount({
      signIn: async () => {
        calls++;
        throw new FoyerError(calls === 1 ? 'captcha_required' : 'captcha_invalid');
      },
    });
    await fillAndEnter(el);
    const first = await $defined<FoyerCaptcha>(el, 'foyer-captcha');
    await until(() => first.shadowRoot?.querySelector('altcha-widget') !== null, 'altcha widget');
    solveAltcha(first, 'b25jZQ==');
    $(el, '#password').focus();
    await pressEnter();
    await until(() => calls === 2 && $(el, '[role="alert"]').textContent !== '', 'captcha_invalid');
    expect($(el, '#form-error').textContent).to.equal('The human check did not pass. Try it again.');
    expect($<FoyerCaptcha>(el, 'foyer-captcha').solution).to.equal(null);
  });

  it('locked: a panel with a ticking mm:ss countdown, announced at start and end, then the form again', async () => {
    const el = await mount({
      signIn: async () =>
        Promise.reject(
          new FoyerError('account_locked', {
            retryAfter: 3,
            details: { lockedUntil: new Date(Date.now() + 2500).toISOString(), unlockEmailSent: true },
          }),
        ),
    });
    await fillAndEnter(el);
    await until(() => el.shadowRoot?.querySelector('[part~="lock"]') !== null, 'lock panel');
    const announcement = status(el);
    expect(announcement).to.equal('Too many failed attempts. You can try again in 1 minute.');
    const countdown = $(el, '[part~="countdown"]');
    expect(countdown.getAttribute('role')).to.equal('timer');
    expect(countdown.getAttribute('aria-live')).to.equal('off');
    const first = countdown.textContent?.trim();
    expect(first).to.match(/^00:0[23]$/);
    expect($(el, '[part~="lock"] [part~="hint"]').textContent).to.contain('email with a link to unlock');
    expect(buttonNamed(el, 'Reset your password')).not.to.equal(undefined);
    // The alert does not repeat what the panel says.
    expect($(el, '#form-error').textContent).to.equal('');
    await expect(el).to.be.accessible();
    await until(() => $(el, '[part~="countdown"]').textContent?.trim() !== first, 'a tick');
    expect(status(el)).to.equal(announcement); // not re-announced every second
    await until(() => el.shadowRoot?.querySelector('[part~="lock"]') === null, 'lock ends');
    expect(el.machine?.getSnapshot().matches('editing')).to.equal(true);
    expect(status(el)).to.equal('You can sign in again.');
  });

  it('formats the countdown as mm:ss (and h:mm:ss)', () => {
    expect(formatCountdown(900_000)).to.equal('15:00');
    expect(formatCountdown(61_200)).to.equal('01:02');
    expect(formatCountdown(3_723_000)).to.equal('1:02:03');
    expect(formatCountdown(-5)).to.equal('00:00');
  });

  it('breached password: signed in, leads to change password with "Not now"', async () => {
    let changed: unknown;
    const el = await mount({
      signIn: async () => ({ user: userOf(EMAIL), passwordChangeRequired: true }),
      changePassword: async (input) => {
        changed = input;
      },
    });
    const completions = record(document, 'foyer-sign-in-complete');
    const changes = record(document, 'foyer-password-changed');
    await fillAndEnter(el);
    await until(() => el.shadowRoot?.querySelector('foyer-change-password') !== null, 'change password');
    const change = await $defined<FoyerChangePassword>(el, 'foyer-change-password');
    expect($(change, '[part~="description"]').textContent).to.contain('appeared in a data breach');
    await until(() => deepActiveElement() === $(change, '#currentPassword'), 'focus on current password');
    await expect(el).to.be.accessible();
    await typeInto($(change, '#currentPassword'), PASSWORD);
    await typeInto($(change, '#newPassword'), 'quartz lantern meadow 42');
    await pressEnter();
    await until(() => completions.length > 0, 'complete');
    expect(changed).to.deep.equal({ currentPassword: PASSWORD, newPassword: 'quartz lantern meadow 42' });
    expect(changes).to.have.length(1);
  });

  it('breached password: "Not now" finishes the sign-in without a change', async () => {
    const el = await mount({ signIn: async () => ({ user: userOf(EMAIL), passwordChangeRequired: true }) });
    const completions = record(document, 'foyer-sign-in-complete');
    await fillAndEnter(el);
    await until(() => el.shadowRoot?.querySelector('foyer-change-password') !== null, 'change password');
    const change = await $defined<FoyerChangePassword>(el, 'foyer-change-password');
    buttonNamed(change, 'Not now')!.focus();
    await pressEnter();
    await until(() => completions.length > 0, 'complete');
  });

  it('"Forgot your password?" fires a cancelable foyer-forgot-password with the typed email', async () => {
    const el = await mount();
    await typeInto($(el, '#email'), EMAIL);
    const events = record(document, 'foyer-forgot-password');
    const cancel = (event: Event) => event.preventDefault();
    document.addEventListener('foyer-forgot-password', cancel, { once: true });
    buttonNamed(el, 'Forgot your password?')!.click();
    await el.updateComplete;
    expect(events).to.have.length(1);
    expect(events[0]!.cancelable).to.equal(true);
    expect(events[0]!.detail).to.deep.equal({ email: EMAIL });
    // Cancelled: the host routes elsewhere, the form stays.
    expect(el.shadowRoot!.querySelector('foyer-reset-password')).to.equal(null);
  });

  it('standalone: shows the reset form when nobody cancels, and goes back', async () => {
    const el = await mount({ forgotPassword: () => pending() });
    await typeInto($(el, '#email'), EMAIL);
    buttonNamed(el, 'Forgot your password?')!.click();
    const reset = await $defined<FoyerResetPassword>(el, 'foyer-reset-password');
    expect($<HTMLInputElement>(reset, '#email').value).to.equal(EMAIL);
    await until(() => deepActiveElement() === $(reset, '#email'), 'focus in the reset form');
    await expect(el).to.be.accessible();
    buttonNamed(el, 'Back to sign in')!.click();
    await until(() => deepActiveElement() === el.shadowRoot?.querySelector('#email'), 'back on the form');
  });
});
