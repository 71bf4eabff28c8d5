import { createAuthMachines, createFakeAuthActors, FoyerError, type FakeAuthHandlers } from '@foyer/core';
import { expect, fixture, html } from '@open-wc/testing';
import { $, pressEnter, record, typeInto, until } from '../internal/test-utils.js';
import type { FoyerStepUp } from './step-up.component.js';
import './step-up.js';

const until5 = '2026-11-28T10:05:00.000Z';

function mount(handlers: FakeAuthHandlers = {}) {
  const logic = createAuthMachines(createFakeAuthActors(handlers)).stepUp;
  return fixture<FoyerStepUp>(html`<foyer-step-up .logic=${logic}><p>Payout settings</p></foyer-step-up>`);
}

const stepUpRequired = (methods: string[]) =>
  new Response(JSON.stringify({ error: { code: 'step_up_required', message: 'x', details: { methods } } }), {
    status: 403,
    headers: { 'content-type': 'application/json' },
  });

describe('<foyer-step-up>', () => {
  it('is accessible, also while prompting', async () => {
    const el = await mount();
    await expect(el).to.be.accessible();
    void el.prompt(['totp', 'recovery_code']);
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('run(): on 403 step_up_required prompts for the password, verifies, then retries the action', async () => {
    const el = await mount({ stepUp: async () => ({ stepUpUntil: until5 }) });
    let calls = 0;
    const result = el.run(async () =>
      ++calls === 1 ? stepUpRequired(['password']) : new Response('{}', { status: 200 }),
    );
    await until(() => el.shadowRoot?.querySelector('#step-up-password') !== null, 'prompt');
    expect($(el, 'label[for="step-up-password"]').textContent?.trim()).to.equal('Password');
    expect($(el, '#step-up-password').getAttribute('autocomplete')).to.equal('current-password');
    const done = record(document, 'foyer-step-up-complete');
    await typeInto($(el, '#step-up-password'), 'correct horse battery');
    await pressEnter();
    expect((await result).status).to.equal(200);
    expect(calls).to.equal(2);
    expect(done[0]!.detail.stepUpUntil).to.equal(until5);
    expect(el.shadowRoot?.querySelector('#step-up-password')).to.equal(null);
  });

  it('run(): sms offered with its phoneHint: "Text message to •••• 71" sends the code, then verifies it as factor sms', async () => {
    let sends = 0;
    let proof: unknown;
    const el = await mount({
      sendMfaSms: async () => {
        sends++;
      },
      stepUp: async (input) => {
        proof = input;
        return { stepUpUntil: until5 };
      },
    });
    let calls = 0;
    const required = new Response(
      JSON.stringify({
        error: {
          code: 'step_up_required',
          message: 'x',
          details: { methods: ['totp', 'sms', 'recovery_code'], phoneHint: '•••• 71' },
        },
      }),
      { status: 403, headers: { 'content-type': 'application/json' } },
    );
    const result = el.run(async () => (++calls === 1 ? required : new Response('{}', { status: 200 })));
    await until(() => el.shadowRoot?.querySelector('#step-up-code') !== null, 'prompt');
    const sms = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="method-button"]')].find(
      (button) => button.textContent?.trim() === 'Text message to •••• 71',
    );
    expect(sms, 'sms choice').to.not.equal(undefined);
    sms!.click();
    await until(() => sends === 1 && ($(el, '[part~="notice"]').textContent ?? '').includes('•••• 71'), 'sent');
    expect($(el, 'label[for="step-up-code"]').textContent?.trim()).to.equal('Code from the text message');
    await expect(el).to.be.accessible();
    await typeInto($(el, '#step-up-code'), '123456');
    await pressEnter();
    expect((await result).status).to.equal(200);
    expect(proof).to.deep.equal({ factor: 'sms', code: '123456' });
  });

  it('run(): a thrown FoyerError step_up_required works too; cancel rethrows without retrying', async () => {
    const el = await mount();
    let calls = 0;
    const result = el.run(async () => {
      calls++;
      throw new FoyerError('step_up_required', { details: { methods: ['totp'] } });
    });
    await until(() => el.shadowRoot?.querySelector('#step-up-code') !== null, 'prompt');
    $(el, '[part~="secondary-button"]').click();
    let caught: unknown;
    await result.catch((error: unknown) => (caught = error));
    expect((caught as FoyerError).code).to.equal('step_up_required');
    expect(calls).to.equal(1);
  });

  it('answers foyer-step-up-required events from inside: retry after a TOTP code', async () => {
    const el = await mount({ stepUp: async () => ({ stepUpUntil: until5 }) });
    let retried = false;
    el.querySelector('p')!.dispatchEvent(
      new CustomEvent('foyer-step-up-required', {
        bubbles: true,
        composed: true,
        detail: { details: { methods: ['totp'] }, retry: () => (retried = true), cancel: () => {} },
      }),
    );
    await until(() => el.shadowRoot?.querySelector('#step-up-code') !== null, 'prompt');
    await typeInto($(el, '#step-up-code'), '123456');
    await pressEnter();
    await until(() => retried, 'retried');
  });
});

describe('<foyer-step-up> around <foyer-change-password>', () => {
  it('a 403 step_up_required from the password change prompts, then sends the form again', async () => {
    await import('../change-password/change-password.js');
    let calls = 0;
    const received: unknown[] = [];
    const machines = createAuthMachines(
      createFakeAuthActors({
        changePassword: async (input) => {
          received.push(input);
          if (++calls === 1) throw new FoyerError('step_up_required', { details: { methods: ['password'] } });
        },
        stepUp: async () => ({ stepUpUntil: until5 }),
      }),
    );
    const wrapper = await fixture<FoyerStepUp>(
      html`<foyer-step-up .logic=${machines.stepUp}
        ><foyer-change-password email="ada@example.com" .logic=${machines.changePassword}></foyer-change-password
      ></foyer-step-up>`,
    );
    const form = wrapper.querySelector('foyer-change-password') as HTMLElement & { updateComplete: Promise<unknown> };
    const changed = record(document, 'foyer-password-changed');
    await typeInto($(form, '#currentPassword'), 'old passphrase');
    await typeInto($(form, '#newPassword'), 'quartz lantern meadow 42');
    await pressEnter();
    await until(() => wrapper.shadowRoot?.querySelector('#step-up-password') !== null, 'prompt');
    await typeInto($(wrapper, '#step-up-password'), 'old passphrase');
    await pressEnter();
    await until(() => changed.length === 1, 'changed after step-up');
    expect(received).to.have.length(2);
    expect(received[1]).to.deep.equal({ currentPassword: 'old passphrase', newPassword: 'quartz lantern meadow 42' });
  });
});
