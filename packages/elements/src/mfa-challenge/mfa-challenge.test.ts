import {
  createAuthMachines,
  createFakeAuthActors,
  createFakePasskeyCeremonies,
  FoyerError,
  type FakeAuthHandlers,
} from '@foyer/core';
import { expect, fixture, html } from '@open-wc/testing';
import { $, pressEnter, record, typeInto, until, userOf } from '../internal/test-utils.js';
import type { FoyerMfaChallenge } from './mfa-challenge.component.js';
import './mfa-challenge.js';
import '../sign-in/sign-in.js';
import type { FoyerSignIn } from '../sign-in/sign-in.component.js';

function mount(handlers: FakeAuthHandlers = {}, factors = 'totp recovery_code', ceremonies = {}) {
  const logic = createAuthMachines(
    createFakeAuthActors(handlers),
    createFakePasskeyCeremonies(ceremonies),
  ).mfaChallenge;
  return fixture<FoyerMfaChallenge>(
    html`<foyer-mfa-challenge factors=${factors} .logic=${logic}></foyer-mfa-challenge>`,
  );
}

describe('<foyer-mfa-challenge>', () => {
  it('is accessible', async () => {
    const el = await mount();
    await expect(el).to.be.accessible();
  });

  it('asks for the authenticator code with a labelled one-time-code input and offers the other methods', async () => {
    const el = await mount();
    const input = $<HTMLInputElement>(el, '#code');
    expect($(el, 'label[for="code"]').textContent?.trim()).to.equal('Authentication code');
    expect(input.getAttribute('autocomplete')).to.equal('one-time-code');
    expect(input.getAttribute('inputmode')).to.equal('numeric');
    expect($(el, '[part~="form-error"]').getAttribute('role')).to.equal('alert');
    expect($(el, '[part~="method-button"]').textContent?.trim()).to.equal('Use a recovery code');
  });

  it('a wrong code shows the error and tries left; the right one fires foyer-mfa-complete', async () => {
    let calls = 0;
    const el = await mount({
      verifyMfa: async () => {
        calls++;
        if (calls === 1) throw new FoyerError('invalid_code', { details: { attemptsLeft: 4 } });
        return { user: userOf('ada@example.com') };
      },
    });
    const events = record(document, 'foyer-mfa-complete');
    await typeInto($(el, '#code'), '000000');
    await pressEnter();
    await until(() => ($(el, '[part~="form-error"]').textContent ?? '').includes('4 tries left'), 'error shown');
    expect($(el, '#code').getAttribute('aria-invalid')).to.equal('true');
    await typeInto($(el, '#code'), '123456');
    await pressEnter();
    await until(() => events.length === 1, 'complete event');
    expect(events[0]!.detail.user.email).to.equal('ada@example.com');
  });

  it('switches to a recovery code; passkey-only accounts get the passkey button; locked shows the lock text', async () => {
    const el = await mount({
      verifyMfa: async () => Promise.reject(new FoyerError('account_locked', { retryAfter: 900 })),
    });
    $(el, '[part~="method-button"]').click();
    await el.updateComplete;
    expect($(el, 'label[for="code"]').textContent?.trim()).to.equal('Recovery code');
    await typeInto($(el, '#code'), 'abcde-fghjk');
    await pressEnter();
    await until(() => ($(el, '[part~="form-error"]').textContent ?? '').includes('paused'), 'locked');

    const passkey = await mount(
      {
        passkeyAuthenticateOptions: async () => ({ challenge: 'c' }),
        verifyMfa: async () => ({ user: userOf('ada@example.com') }),
      },
      'passkey',
      {
        webauthnAuthenticate: async () => ({ id: 'cred' }),
      },
    );
    const events = record(document, 'foyer-mfa-complete');
    $(passkey, '[part~="passkey-button"]').click();
    await until(() => events.length === 1, 'passkey complete');
  });
});

describe('<foyer-mfa-challenge>: SMS', () => {
  it('offers "Text message to •••• 71"; choosing it sends the code, shows the code field; "Send a new code" resends; is accessible', async () => {
    let sends = 0;
    let verified: unknown;
    const logic = createAuthMachines(
      createFakeAuthActors({
        sendMfaSms: async () => {
          sends++;
        },
        verifyMfa: async (input) => {
          verified = input;
          return { user: userOf('ada@example.com') };
        },
      }),
    ).mfaChallenge;
    const el = await fixture<FoyerMfaChallenge>(
      html`<foyer-mfa-challenge
        factors="totp sms recovery_code"
        phone-hint="•••• 71"
        .logic=${logic}
      ></foyer-mfa-challenge>`,
    );
    const choices = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="method-button"]')];
    const sms = choices.find((button) => button.textContent?.trim() === 'Text message to •••• 71');
    expect(sms, 'sms choice').to.not.equal(undefined);
    expect(sends).to.equal(0);
    sms!.click();
    await until(() => sends === 1 && ($(el, '[part~="notice"]').textContent ?? '').includes('•••• 71'), 'sent');
    await el.updateComplete;
    expect($(el, 'label[for="code"]').textContent?.trim()).to.equal('Code from the text message');
    expect($(el, '#code').getAttribute('inputmode')).to.equal('numeric');
    expect($(el, '#code').getAttribute('autocomplete')).to.equal('one-time-code');
    expect(($(el, '[part~="notice"]').textContent ?? '').trim()).to.equal('We sent a code to •••• 71.');
    await expect(el).to.be.accessible();
    const resend = $<HTMLButtonElement>(el, '[part~="resend-button"]');
    expect(resend.textContent?.trim()).to.equal('Send a new code');
    resend.click();
    await until(() => sends === 2, 'resent');
    await until(() => el.machine?.getSnapshot().matches('entering') === true, 'back to the code');
    await typeInto($(el, '#code'), '123456');
    await pressEnter();
    await until(() => verified !== undefined, 'verified');
    expect(verified).to.deep.equal({ factor: 'sms', code: '123456' });
  });
});

describe('<foyer-sign-in> with MFA', () => {
  it('renders <foyer-mfa-challenge> in the mfaRequired state and completes the sign-in', async () => {
    const logic = createAuthMachines(
      createFakeAuthActors({
        signIn: async () => ({ mfaRequired: true as const, factors: ['totp' as const, 'recovery_code' as const] }),
        verifyMfa: async () => ({ user: userOf('ada@example.com') }),
      }),
    ).signIn;
    const el = await fixture<FoyerSignIn>(html`<foyer-sign-in .logic=${logic}></foyer-sign-in>`);
    const events = record(document, 'foyer-sign-in-complete');
    await typeInto($(el, '#email'), 'ada@example.com');
    await typeInto($(el, '#password'), 'correct horse battery');
    await pressEnter();
    await until(() => el.shadowRoot?.querySelector('foyer-mfa-challenge') !== null, 'challenge shown');
    const challenge = $<FoyerMfaChallenge>(el, 'foyer-mfa-challenge');
    await challenge.updateComplete;
    await expect(el).to.be.accessible();
    await typeInto($(challenge, '#code'), '123456');
    await pressEnter();
    await until(() => events.length === 1, 'signed in');
  });
});
