import { createAuthMachines, createFakeAuthActors, FoyerError, pending, type FakeAuthHandlers } from '@foyer/core';
import { expect, fixture, html } from '@open-wc/testing';
import { createActor } from 'xstate';
import { $, deepActiveElement, deferred, pressEnter, record, typeInto, until, userOf } from '../internal/test-utils.js';
import type { FoyerVerifyEmail } from './verify-email.component.js';
import './verify-email.js';

const EMAIL = 'ada@example.com';

function logicOf(handlers: FakeAuthHandlers) {
  return createAuthMachines(createFakeAuthActors(handlers)).verifyEmail;
}

async function mount(handlers: FakeAuthHandlers = {}, sendCode = false): Promise<FoyerVerifyEmail> {
  return fixture<FoyerVerifyEmail>(
    html`<foyer-verify-email email=${EMAIL} ?send-code=${sendCode} .logic=${logicOf(handlers)}></foyer-verify-email>`,
  );
}

describe('<foyer-verify-email>', () => {
  it('is accessible', async () => {
    const el = await mount();
    await expect(el).to.be.accessible();
  });

  it('names the address and renders a labelled one-time-code input', async () => {
    const el = await mount();
    expect($(el, '[part~="description"]').textContent).to.contain(EMAIL);
    const input = $<HTMLInputElement>(el, '#code');
    expect($(el, 'label[for="code"]').textContent?.trim()).to.equal('Verification code');
    expect(input.getAttribute('inputmode')).to.equal('numeric');
    expect(input.getAttribute('autocomplete')).to.equal('one-time-code');
    expect(input.hasAttribute('maxlength')).to.equal(true);
    expect($<HTMLFormElement>(el, 'form').noValidate).to.equal(true);
    expect($(el, '[part~="submit-button"]').textContent?.trim()).to.equal('Verify');
    expect($(el, '[part~="secondary-button"]').textContent?.trim()).to.equal('Send a new code');
  });

  it('submits the code with Enter, shows the busy state, then fires foyer-verify-email-complete once', async () => {
    const answer = deferred<{ user: ReturnType<typeof userOf> }>();
    let received: unknown;
    const el = await mount({
      verifyEmail: (input) => {
        received = input;
        return answer.promise;
      },
    });
    const events = record(document, 'foyer-verify-email-complete');
    await typeInto($(el, '#code'), '123 456');
    await pressEnter();
    await el.updateComplete;
    expect(received).to.deep.equal({ email: EMAIL, code: '123 456' });
    const submit = $(el, '[part~="submit-button"]');
    expect(submit.getAttribute('aria-busy')).to.equal('true');
    expect(submit.getAttribute('aria-disabled')).to.equal('true');
    answer.resolve({ user: userOf(EMAIL) });
    await until(() => events.length > 0, 'complete event');
    await el.updateComplete;
    expect(events).to.have.length(1);
    expect(events[0]!.detail.user.email).to.equal(EMAIL);
    expect(events[0]!.bubbles && events[0]!.composed).to.equal(true);
    expect($(el, '[part~="notice"]').textContent).to.contain('verified');
  });

  it('shows a field error for a malformed code, links it and focuses the input', async () => {
    const el = await mount({ verifyEmail: () => pending() });
    await typeInto($(el, '#code'), '12');
    await pressEnter();
    await el.updateComplete;
    const input = $<HTMLInputElement>(el, '#code');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    const error = $(el, '#code-error');
    expect(error.textContent).to.equal('Enter the 6-digit code.');
    expect(input.getAttribute('aria-describedby')).to.contain('code-error');
    expect(deepActiveElement()).to.equal(input);
  });

  it('announces invalid_code in the alert region, fires foyer-error and refocuses the input', async () => {
    const el = await mount({
      verifyEmail: async () => Promise.reject(new FoyerError('invalid_code', { message: 'raw server text' })),
    });
    const errors = record(el, 'foyer-error');
    await typeInto($(el, '#code'), '000000');
    $(el, '[part~="submit-button"]').click();
    await until(() => errors.length > 0, 'foyer-error');
    await el.updateComplete;
    const alert = $(el, '[role="alert"]');
    expect(alert.textContent).to.contain('That code is not right.');
    expect(alert.textContent).not.to.contain('raw server text');
    expect(errors).to.have.length(1);
    expect(errors[0]!.detail.code).to.equal('invalid_code');
    const input = $<HTMLInputElement>(el, '#code');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(deepActiveElement()).to.equal(input);
  });

  it('tells when the code has expired', async () => {
    const el = await mount({ verifyEmail: async () => Promise.reject(new FoyerError('code_expired')) });
    await typeInto($(el, '#code'), '123456');
    await pressEnter();
    await until(() => !!$(el, '[role="alert"]').textContent?.includes('expired'), 'expired message');
  });

  it('sends a new code and announces it politely', async () => {
    let resent = 0;
    const el = await mount({
      resendVerification: async () => {
        resent++;
      },
    });
    $(el, '[part~="secondary-button"]').click();
    await until(() => !!el.shadowRoot?.querySelector('[part~="notice"]')?.textContent?.includes('new code'), 'notice');
    expect(resent).to.equal(1);
    const notice = $(el, '[part~="notice"]');
    expect(notice.getAttribute('aria-live')).to.equal('polite');
    expect(notice.textContent).to.equal(`We sent a new code to ${EMAIL}.`);
  });

  it('asks for a code on start with send-code', async () => {
    let resent = 0;
    await mount({ resendVerification: async () => void resent++ }, true);
    expect(resent).to.equal(1);
  });

  it('renders an adopted actor and leaves completion events to its owner', async () => {
    const actor = createActor(logicOf({ verifyEmail: async () => ({ user: userOf(EMAIL) }) }), {
      input: { email: EMAIL },
    }).start();
    const el = await fixture<FoyerVerifyEmail>(html`<foyer-verify-email .actor=${actor}></foyer-verify-email>`);
    const events = record(document, 'foyer-verify-email-complete');
    await typeInto($(el, '#code'), '123456');
    await pressEnter();
    await until(() => actor.getSnapshot().status === 'done', 'done');
    await el.updateComplete;
    expect(events).to.have.length(0);
    el.remove();
    expect(actor.getSnapshot().status).to.equal('done');
  });

  it('does not let page styles in, but ::part() styles through', async () => {
    const style = document.createElement('style');
    style.textContent = 'input { color: rgb(255, 0, 0) !important; } .styled::part(input) { color: rgb(0, 128, 0); }';
    document.head.append(style);
    try {
      const el = await mount();
      const input = $(el, '#code');
      expect(getComputedStyle(input).color).not.to.equal('rgb(255, 0, 0)');
      el.classList.add('styled');
      expect(getComputedStyle(input).color).to.equal('rgb(0, 128, 0)');
    } finally {
      style.remove();
    }
  });
});
