import { availabilityStepSchema } from '@foyer/core';
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { $, deepActiveElement, record } from '../internal/test-utils.js';
import type { FoyerStepAvailability } from './step-availability.component.js';
import './step-availability.js';

// Monday 2 March 2026, 08:00 in Berlin.
const NOW = new Date('2026-03-02T07:00:00Z');
const filled = {
  timeZone: 'Europe/Berlin',
  weekly: [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:00' })),
  exceptions: [{ kind: 'off', from: '2026-03-04', to: '2026-03-04' }],
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  minimumNoticeHours: 0,
  maximumAdvanceDays: 180,
};

async function press(...keys: string[]): Promise<void> {
  for (const key of keys) {
    if (key === 'SelectAll') {
      await sendKeys({ down: 'Control' });
      await sendKeys({ press: 'a' });
      await sendKeys({ up: 'Control' });
    } else await sendKeys({ press: key });
  }
}

describe('<foyer-step-availability>', () => {
  it('is accessible', async () => {
    const el = await fixture<FoyerStepAvailability>(
      html`<foyer-step-availability .now=${NOW} .data=${filled}></foyer-step-availability>`,
    );
    await expect(el).to.be.accessible();
  });

  it('fills in defaults (browser time zone, booking rules) once', async () => {
    const seen: Record<string, unknown>[] = [];
    await fixture(
      html`<foyer-step-availability
        @foyer-step-input=${(e: CustomEvent) => seen.push(e.detail.patch)}
      ></foyer-step-availability>`,
    );
    expect(seen).to.have.length(1);
    expect(seen[0]).to.deep.include({ weekly: [], exceptions: [], minimumNoticeHours: 24, maximumAdvanceDays: 180 });
    expect(seen[0]!['timeZone']).to.equal(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it('can be completed with the keyboard only', async () => {
    const el = await fixture<FoyerStepAvailability>(
      html`<foyer-step-availability .now=${NOW} .data=${{ timeZone: 'Europe/Berlin' }}></foyer-step-availability>`,
    );
    const patches = record(el, 'foyer-step-input');
    $(el, '#f-timeZone').focus();
    // Tab to "Add hours on Monday", add a range (focus lands on its start), retype it.
    await press('Tab');
    expect(deepActiveElement()?.textContent?.trim()).to.equal('Add hours on Monday');
    await press('Enter');
    await el.updateComplete;
    expect(deepActiveElement()?.id).to.equal('f-weekly-0-start');
    await press('SelectAll');
    await sendKeys({ type: '08:30' });
    await press('Tab', 'SelectAll');
    await sendKeys({ type: '12:00' });
    // Second range on Monday: Tab past "Remove", onto "Add hours on Monday" again.
    await press('Tab', 'Tab', 'Enter');
    await el.updateComplete;
    expect(deepActiveElement()?.id).to.equal('f-weekly-1-start');
    // Tuesday via Space.
    await press('Tab', 'Tab', 'Tab', 'Tab');
    expect(deepActiveElement()?.textContent?.trim()).to.equal('Add hours on Tuesday');
    await press('Space');
    await el.updateComplete;
    // Remove Tuesday's range and add it back, all by keyboard.
    await press('Tab', 'Tab');
    expect(deepActiveElement()?.textContent?.trim()).to.equal('Remove Tuesday hours 1');
    await press('Enter');
    await el.updateComplete;
    expect(deepActiveElement()?.textContent?.trim()).to.equal('Add hours on Tuesday');
    await press('Enter');
    await el.updateComplete;
    expect(el.data['weekly']).to.deep.equal([
      { day: 1, start: '08:30', end: '12:00' },
      { day: 1, start: '12:00', end: '16:00' },
      { day: 2, start: '09:00', end: '17:00' },
    ]);
    expect(availabilityStepSchema.safeParse(el.data).success).to.equal(true);
    expect(patches.length).to.be.greaterThan(5);
    // Monday 08:30–16:00 (7.5 h, starting after "now" + 24 h notice → next week only) is in the preview.
    expect($(el, '[part~="preview-total"]').textContent).to.match(/bookable hours in total/);
  });

  it('previews the next 14 days grouped by date in the provider zone, with exceptions', async () => {
    const el = await fixture<FoyerStepAvailability>(
      html`<foyer-step-availability .now=${NOW} .data=${filled}></foyer-step-availability>`,
    );
    const days = [...el.shadowRoot!.querySelectorAll('[part~="preview"] ol > li')];
    // 10 weekdays in 14 days, minus the Wednesday off.
    expect(days).to.have.length(9);
    expect(days[0]!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Mon, Mar 2 09:00–17:00');
    expect(days.map((d) => d.textContent)).to.not.include.members(['Wed, Mar 4']);
    expect($(el, '[part~="preview-total"]').textContent).to.equal('72 bookable hours in total');
  });

  it('shows range errors next to the range', async () => {
    const el = await fixture<FoyerStepAvailability>(
      html`<foyer-step-availability
        .now=${NOW}
        .data=${{ ...filled, weekly: [{ day: 1, start: '17:00', end: '09:00' }] }}
        .fieldErrors=${{ 'weekly.0': 'The end must be after the start.' }}
      ></foyer-step-availability>`,
    );
    expect($(el, '#f-weekly-0-end-error').textContent).to.equal('The end must be after the start.');
    expect($(el, '#f-weekly-0-end').getAttribute('aria-describedby')).to.contain('f-weekly-0-end-error');
    el.focusFirstInvalid();
    expect(el.shadowRoot!.activeElement?.id).to.equal('f-weekly-0-end');
  });
});
