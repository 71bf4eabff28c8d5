import { expect, fixture, html } from '@open-wc/testing';
import { $, clickButton, record, setValue } from '../internal/test-utils.js';
import type { FoyerStepProfile } from './step-profile.component.js';
import './step-profile.js';

const filled = {
  displayName: 'Ada',
  headline: 'Portrait photographer',
  bio: 'Hello',
  city: { name: 'Berlin', country: 'DE' },
  languages: ['en', 'de'],
  tags: ['portrait'],
  links: ['https://ada.example.com'],
};

describe('<foyer-step-profile>', () => {
  it('is accessible', async () => {
    const el = await fixture<FoyerStepProfile>(html`<foyer-step-profile .data=${filled}></foyer-step-profile>`);
    await expect(el).to.be.accessible();
  });

  it('patches every edit and counts headline characters live', async () => {
    const el = await fixture<FoyerStepProfile>(html`<foyer-step-profile></foyer-step-profile>`);
    const patches = record(el, 'foyer-step-input');
    await setValue(el, '#f-headline', 'Hello');
    expect($(el, '#f-headline-count').textContent).to.equal('5 of 80 characters');
    expect($(el, '#f-headline').getAttribute('aria-describedby')).to.contain('f-headline-count');
    await setValue(el, '#f-city-name', 'Berlin');
    await setValue(el, '#f-city-country', 'DE');
    await setValue(el, '#f-languages', 'en, de, ');
    await setValue(el, '#f-tags', '');
    expect(patches.map((e) => e.detail.patch)).to.deep.equal([
      { headline: 'Hello' },
      { city: { name: 'Berlin' } },
      { city: { name: 'Berlin', country: 'DE' } },
      { languages: ['en', 'de'] },
      { tags: null },
    ]);
    // What was typed stays while it means the same list.
    expect($<HTMLInputElement>(el, '#f-languages').value).to.equal('en, de, ');
  });

  it('adds and removes links, moving focus', async () => {
    const el = await fixture<FoyerStepProfile>(html`<foyer-step-profile></foyer-step-profile>`);
    await clickButton(el, 'Add a link');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.id).to.equal('f-links-0');
    await setValue(el, '#f-links-0', 'https://a.example');
    await clickButton(el, 'Remove link 1');
    expect(el.data['links']).to.equal(undefined);
  });

  it('shows field errors linked by aria-describedby and focuses the first', async () => {
    const el = await fixture<FoyerStepProfile>(
      html`<foyer-step-profile
        .fieldErrors=${{ headline: 'Headline is required.', 'city.country': 'Choose a country.', 'links.0': 'Enter a full http:// or https:// link.' }}
        .data=${{ links: ['javascript:x'] }}
      ></foyer-step-profile>`,
    );
    expect($(el, '#f-headline').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#f-headline').getAttribute('aria-describedby')).to.contain('f-headline-error');
    expect($(el, '#f-city-country-error').textContent).to.equal('Choose a country.');
    expect($(el, '#f-links-0-error').textContent).to.contain('http');
    expect(el.focusFirstInvalid()).to.equal(true);
    expect(el.shadowRoot!.activeElement?.id).to.equal('f-headline');
    await expect(el).to.be.accessible();
  });

  it('has an avatar slot with a placeholder', async () => {
    const el = await fixture<FoyerStepProfile>(html`<foyer-step-profile></foyer-step-profile>`);
    expect($(el, 'slot[name="avatar"]').textContent).to.contain('Photo upload comes with the media step');
  });
});
