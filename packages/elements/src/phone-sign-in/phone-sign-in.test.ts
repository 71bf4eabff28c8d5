import { createAuthMachines, createFakeAuthActors, FoyerError, type FakeAuthHandlers } from '@foyer/core';
import { expect, fixture, html } from '@open-wc/testing';
import {
  $,
  clickButton,
  deepActiveElement,
  pressEnter,
  record,
  typeInto,
  until,
  userOf,
} from '../internal/test-utils.js';
import type { FoyerPhoneSignIn } from './phone-sign-in.component.js';
import './phone-sign-in.js';

async function mount(handlers: FakeAuthHandlers = {}): Promise<FoyerPhoneSignIn> {
  const logic = createAuthMachines(createFakeAuthActors(handlers)).phoneSignIn;
  return fixture<FoyerPhoneSignIn>(html`<foyer-phone-sign-in country="US" .logic=${logic}></foyer-phone-sign-in>`);
}

describe('<foyer-phone-sign-in>', () => {
  it('is accessible, with a tel input (autocomplete="tel")', async () => {
    const el = await mount();
    await expect(el).to.be.accessible();
    const phone = $<HTMLInputElement>(el, '#phone');
    expect(phone.type).to.equal('tel');
    expect(phone.getAttribute('autocomplete')).to.equal('tel');
  });

  it('sends a code, then signs in with it by keyboard, and fires foyer-phone-sign-in-complete', async () => {
    const sent: unknown[] = [];
    const verified: unknown[] = [];
    const el = await mount({
      startPhoneSignIn: async (input) => void sent.push(input),
      verifyPhoneSignIn: async (input) => {
        verified.push(input);
        return { user: userOf('ada@example.com') };
      },
    });
    const done = record(document, 'foyer-phone-sign-in-complete');
    await typeInto($(el, '#phone'), '(415) 555-2671');
    await pressEnter();
    await until(() => el.shadowRoot!.querySelector('#code') !== null, 'code step');
    await el.updateComplete;
    const code = $<HTMLInputElement>(el, '#code');
    expect(code.getAttribute('autocomplete')).to.equal('one-time-code');
    expect(code.getAttribute('inputmode')).to.equal('numeric');
    expect(deepActiveElement()).to.equal(code);
    await expect(el).to.be.accessible();
    await typeInto(code, '123456');
    await pressEnter();
    await until(() => done.length === 1, 'complete event');
    expect(done[0]!.detail.user.email).to.equal('ada@example.com');
    expect(sent).to.deep.equal([{ phone: '(415) 555-2671', country: 'US' }]);
    expect(verified).to.deep.equal([{ phone: '(415) 555-2671', code: '123456', country: 'US' }]);
    await el.updateComplete;
    expect($(el, '[role="status"]').textContent).to.equal('You are signed in.');
  });

  it('shows a wrong code on the code field and a refused number on the phone field', async () => {
    const el = await mount({
      startPhoneSignIn: async (input) => {
        if (input.phone.startsWith('+33'))
          throw new FoyerError('invalid_input', { fields: { phone: 'Numbers from this country are not supported.' } });
      },
      verifyPhoneSignIn: async () => {
        throw new FoyerError('invalid_code');
      },
    });
    await typeInto($(el, '#phone'), '+33 1 23 45 67 89');
    await pressEnter();
    await until(() => el.shadowRoot!.querySelector('[part="error"]') !== null, 'phone error');
    expect($(el, '#phone').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '[part="error"]').textContent).to.contain('country');
    ($(el, '#phone') as HTMLInputElement).value = '';
    await typeInto($(el, '#phone'), '+1 415 555 2671');
    await pressEnter();
    await until(() => el.shadowRoot!.querySelector('#code') !== null, 'code step');
    await typeInto($(el, '#code'), '000000');
    await pressEnter();
    await until(() => $(el, '#code').getAttribute('aria-invalid') === 'true', 'code error');
    await clickButton(el, 'Use a different number');
    await until(() => el.shadowRoot!.querySelector('#phone') !== null, 'back to phone');
  });

  it('fires foyer-phone-mfa-required with the factors', async () => {
    const el = await mount({
      startPhoneSignIn: async () => undefined,
      verifyPhoneSignIn: async () => ({ mfaRequired: true, factors: ['totp'] }) as never,
    });
    const mfa = record(document, 'foyer-phone-mfa-required');
    await typeInto($(el, '#phone'), '+14155552671');
    await pressEnter();
    await until(() => el.shadowRoot!.querySelector('#code') !== null, 'code step');
    await typeInto($(el, '#code'), '123456');
    await pressEnter();
    await until(() => mfa.length === 1, 'mfa event');
    expect(mfa[0]!.detail.factors).to.deep.equal(['totp']);
  });
});
