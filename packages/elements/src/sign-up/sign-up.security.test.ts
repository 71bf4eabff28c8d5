import { createAuthMachines, createFakeAuthActors, FoyerError, type FakeAuthHandlers } from '@foyer/core';
import { expect, fixture, html } from '@open-wc/testing';
import type { FoyerCaptcha } from '../captcha/captcha.component.js';
import type { FoyerPasswordMeter } from '../password-meter/password-meter.component.js';
import { $, $defined, pressEnter, typeInto, until } from '../internal/test-utils.js';
import type { FoyerSignUp } from './sign-up.component.js';
import './sign-up.js';

const EMAIL = 'ada@example.com';

async function mount(handlers: FakeAuthHandlers = {}): Promise<FoyerSignUp> {
  const logic = createAuthMachines(createFakeAuthActors(handlers)).signUp;
  return fixture<FoyerSignUp>(html`<foyer-sign-up .logic=${logic}></foyer-sign-up>`);
}

const meterOf = (el: FoyerSignUp) => $defined<FoyerPasswordMeter>(el, 'foyer-password-meter');
const label = (meter: FoyerPasswordMeter) =>
  meter.shadowRoot?.querySelector('[part~="strength-label"]')?.textContent ?? '';

describe('<foyer-sign-up> password meter and CAPTCHA', () => {
  it('loads the strength check on focus and updates the meter as you type', async function () {
    // Loads ~800 KB of dictionaries and runs zxcvbn on each of 35 real key presses: slow on a busy
    // 2-core machine, so more than the runner's default safety net.
    this.timeout(60_000);
    const el = await mount();
    const meter = await meterOf(el);
    await meter.updateComplete;
    expect(meter.shadowRoot!.querySelector('meter')).to.equal(null);
    await typeInto($(el, '#email'), EMAIL);
    $(el, '#password').focus();
    await until(() => el.machine?.getSnapshot().children['strength' as never] !== undefined, 'strength child');
    await until(() => meter.machine?.getSnapshot().matches('ready') === true, 'zxcvbn loaded');

    await typeInto($(el, '#password'), 'password');
    await until(() => meter.shadowRoot?.querySelector('meter') !== null, 'meter');
    const weak = meter.shadowRoot!.querySelector('meter')!;
    expect(Number(weak.value)).to.be.lessThan(2);
    expect(label(meter)).to.match(/^Password strength: (Very weak|Weak)$/);
    expect(meter.shadowRoot!.querySelector('[part~="strength-label"]')!.getAttribute('role')).to.equal('status');
    expect(meter.shadowRoot!.querySelector('[part~="warning"]')?.textContent).to.not.equal('');
    await expect(el).to.be.accessible();

    await typeInto($(el, '#password'), ' quartz lantern meadow 42!');
    await until(() => Number(meter.shadowRoot!.querySelector('meter')!.value) === 4, 'strong');
    expect(label(meter)).to.equal('Password strength: Strong');
    expect(meter.shadowRoot!.querySelector('meter')!.getAttribute('aria-valuetext')).to.equal('Strong');
  });

  it('shows policy problems (the email in the password, too short)', async () => {
    const el = await mount();
    await typeInto($(el, '#email'), EMAIL);
    await typeInto($(el, '#password'), 'ada');
    const meter = await meterOf(el);
    await until(() => meter.shadowRoot?.querySelector('[part~="problems"]') !== null, 'problems');
    const problems = meter.shadowRoot!.querySelector('[part~="problems"]')!.textContent!;
    expect(problems).to.contain('Use at least 8 characters.');
  });

  it('puts weak_password from the server on the password field', async () => {
    const el = await mount({
      signUp: async () => Promise.reject(new FoyerError('weak_password', { message: 'Choose a stronger password.' })),
    });
    await typeInto($(el, '#email'), EMAIL);
    // Skip the local verdict: set the value without input events.
    ($(el, '#password') as HTMLInputElement).value = 'a long enough passphrase';
    $(el, '#email').focus();
    await pressEnter();
    await until(() => el.shadowRoot?.querySelector('#password-error') !== null, 'password error');
    expect($(el, '#password-error').textContent).to.contain('Choose a stronger password.');
  });

  it('captchaRequired: renders the CAPTCHA and resubmits with the solution', async () => {
    const inputs: unknown[] = [];
    const el = await mount({
      signUp: async (input) => {
        inputs.push(input);
        if (inputs.length === 1) throw new FoyerError('captcha_required');
        return { status: 'verification_required' as const };
      },
      verifyEmail: () => new Promise(() => {}),
    });
    await typeInto($(el, '#email'), EMAIL);
    ($(el, '#password') as HTMLInputElement).value = 'a long enough passphrase';
    $(el, '#email').focus();
    await pressEnter();
    const captcha = await $defined<FoyerCaptcha>(el, 'foyer-captcha');
    await until(() => captcha.shadowRoot?.querySelector('altcha-widget') !== null, 'widget');
    captcha
      .shadowRoot!.querySelector('altcha-widget')!
      .dispatchEvent(new CustomEvent('verified', { detail: { payload: 'cGF5bG9hZA==' } }));
    $(el, '#email').focus();
    await pressEnter();
    await until(() => el.shadowRoot?.querySelector('foyer-verify-email') !== null, 'verification');
    expect((inputs[1] as { captcha?: string }).captcha).to.equal('cGF5bG9hZA==');
  });
});
