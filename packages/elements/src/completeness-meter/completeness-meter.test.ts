import { expect, fixture, html } from '@open-wc/testing';
import { $, record } from '../internal/test-utils.js';
import type { FoyerCompletenessMeter } from './completeness-meter.component.js';
import './completeness-meter.js';

const missing = [
  { step: 'portfolio', field: 'images', weight: 20, hint: 'Upload portfolio images.' },
  { step: 'profile', field: 'bio', weight: 8, hint: 'Write a short bio.' },
];

describe('<foyer-completeness-meter>', () => {
  it('is accessible', async () => {
    const el = await fixture<FoyerCompletenessMeter>(
      html`<foyer-completeness-meter score="45" .missing=${missing}></foyer-completeness-meter>`,
    );
    await expect(el).to.be.accessible();
  });

  it('exposes the score as a meter and lists what is missing', async () => {
    const el = await fixture<FoyerCompletenessMeter>(
      html`<foyer-completeness-meter score="45" .missing=${missing}></foyer-completeness-meter>`,
    );
    const meter = $(el, '[role="meter"]');
    expect(meter.getAttribute('aria-valuenow')).to.equal('45');
    expect(meter.getAttribute('aria-valuetext')).to.equal('45% complete');
    expect(meter.getAttribute('aria-valuemax')).to.equal('100');
    expect(
      [...el.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim()),
    ).to.deep.equal(['Upload portfolio images. (+20 points)', 'Write a short bio. (+8 points)']);
    expect(el.shadowRoot!.querySelector('button')).to.equal(null);
  });

  it('fires foyer-goto-step from its items when interactive', async () => {
    const el = await fixture<FoyerCompletenessMeter>(
      html`<foyer-completeness-meter interactive score="45" .missing=${missing}></foyer-completeness-meter>`,
    );
    const gotos = record(el, 'foyer-goto-step');
    $(el, 'button').click();
    expect(gotos.map((e) => e.detail)).to.deep.equal([{ step: 'portfolio' }]);
  });

  it('fills the bar to the score, set through the CSSOM (a strict host CSP blocks style attributes)', async () => {
    const el = await fixture<FoyerCompletenessMeter>(
      html`<foyer-completeness-meter score="45"></foyer-completeness-meter>`,
    );
    const share = () => $(el, '[part~="indicator"]').offsetWidth / $(el, '[role="meter"]').clientWidth;
    expect(share()).to.be.closeTo(0.45, 0.02);
    el.score = 80;
    await el.updateComplete;
    expect(share()).to.be.closeTo(0.8, 0.02);
  });

  it('says so at 100 and clamps', async () => {
    const el = await fixture<FoyerCompletenessMeter>(
      html`<foyer-completeness-meter score="140"></foyer-completeness-meter>`,
    );
    expect($(el, '[role="meter"]').getAttribute('aria-valuenow')).to.equal('100');
    expect($(el, '[part~="notice"]').textContent).to.equal('Everything is filled in.');
  });
});
