import { expect, fixture, html } from '@open-wc/testing';
import { $, record, setValue } from '../internal/test-utils.js';
import type { FoyerStepStudio } from './step-studio.component.js';
import './step-studio.js';

describe('<foyer-step-studio>', () => {
  it('is accessible', async () => {
    const el = await fixture<FoyerStepStudio>(
      html`<foyer-step-studio page-base="https://example.com/s/"></foyer-step-studio>`,
    );
    await expect(el).to.be.accessible();
  });

  it('lower-cases the slug as typed and shows the address', async () => {
    const el = await fixture<FoyerStepStudio>(
      html`<foyer-step-studio page-base="https://example.com/s/"></foyer-step-studio>`,
    );
    await setValue(el, '#f-slug', 'Lichthof-Studio');
    expect($<HTMLInputElement>(el, '#f-slug').value).to.equal('lichthof-studio');
    expect($(el, '#f-slug-hint').textContent).to.equal('Your page: https://example.com/s/lichthof-studio');
  });

  it('patches nested groups, amenities and rates in minor units', async () => {
    const el = await fixture<FoyerStepStudio>(html`<foyer-step-studio></foyer-step-studio>`);
    const patches = record(el, 'foyer-step-input');
    await setValue(el, '#f-contact-email', 'a@b.example');
    await setValue(el, '#f-contact-phone', '');
    $<HTMLInputElement>(el, '#privacy-exact').click();
    $<HTMLInputElement>(el, '#amenity-wifi').click();
    await setValue(el, '#f-hourlyRate-min-amount', '50');
    await setValue(el, '#f-hourlyRate-currency', 'USD');
    expect(patches.map((e) => e.detail.patch)).to.deep.equal([
      { contact: { email: 'a@b.example' } },
      { contact: { email: 'a@b.example' } },
      { address: { privacy: 'exact' } },
      { amenities: ['wifi'] },
      { hourlyRate: { min: { currency: 'EUR', amount: 5000 } } },
      { hourlyRate: { min: { currency: 'USD', amount: 5000 } } },
    ]);
    expect($(el, 'label[for="amenity-step_free_access"]').textContent).to.equal('Step-free access');
  });

  it('links errors', async () => {
    const el = await fixture<FoyerStepStudio>(
      html`<foyer-step-studio
        .fieldErrors=${{ slug: 'At least 3 characters.', hourlyRate: 'The minimum rate is above the maximum.' }}
      ></foyer-step-studio>`,
    );
    expect($(el, '#f-slug').getAttribute('aria-describedby')).to.contain('f-slug-error');
    expect($(el, '#rate-error').textContent).to.equal('The minimum rate is above the maximum.');
    el.focusFirstInvalid();
    expect(el.shadowRoot!.activeElement?.id).to.equal('f-slug');
    await expect(el).to.be.accessible();
  });
});
