import { expect, fixture, html } from '@open-wc/testing';
import { $, record, setValue } from '../internal/test-utils.js';
import type { FoyerStepPolicies } from './step-policies.component.js';
import './step-policies.js';

describe('<foyer-step-policies>', () => {
  it('is accessible', async () => {
    const el = await fixture<FoyerStepPolicies>(html`<foyer-step-policies></foyer-step-policies>`);
    await expect(el).to.be.accessible();
  });

  it('fills in reschedule defaults, then patches the chosen band and rules', async () => {
    const seen: unknown[] = [];
    const el = await fixture<FoyerStepPolicies>(
      html`<foyer-step-policies
        @foyer-step-input=${(e: CustomEvent) => seen.push(e.detail.patch)}
      ></foyer-step-policies>`,
    );
    expect(seen).to.deep.equal([{ reschedule: { allowed: true, noticeHours: 48, maxTimes: 2 } }]);
    const patches = record(el, 'foyer-step-input');
    $<HTMLInputElement>(el, '#cancellation-strict').click();
    await setValue(el, '#f-reschedule-noticeHours', '24');
    expect(patches.map((e) => e.detail.patch)).to.deep.equal([
      { cancellation: 'strict' },
      { reschedule: { allowed: true, noticeHours: 24, maxTimes: 2 } },
    ]);
    expect($(el, '#cancellation-strict').getAttribute('aria-describedby')).to.equal('cancellation-strict-hint');
  });

  it('links errors', async () => {
    const el = await fixture<FoyerStepPolicies>(
      html`<foyer-step-policies
        .fieldErrors=${{ cancellation: 'Choose a cancellation policy.', 'reschedule.maxTimes': 'At most 10.' }}
      ></foyer-step-policies>`,
    );
    expect($(el, '#f-reschedule-maxTimes').getAttribute('aria-describedby')).to.equal('f-reschedule-maxTimes-error');
    expect($(el, '#cancellation-error').textContent).to.equal('Choose a cancellation policy.');
    el.focusFirstInvalid();
    expect(el.shadowRoot!.activeElement?.id).to.equal('cancellation-flexible');
  });
});
