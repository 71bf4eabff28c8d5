import { expect, fixture, html } from '@open-wc/testing';
import { $, clickButton, setValue } from '../internal/test-utils.js';
import type { FoyerStepPackages } from './step-packages.component.js';
import './step-packages.js';

describe('<foyer-step-packages>', () => {
  it('is accessible', async () => {
    const el = await fixture<FoyerStepPackages>(
      html`<foyer-step-packages .roles=${['photographer', 'model']}></foyer-step-packages>`,
    );
    await clickButton(el, 'Add a Photographer package');
    await expect(el).to.be.accessible();
  });

  it('has one section per role and converts major units to minor units by currency', async () => {
    const el = await fixture<FoyerStepPackages>(
      html`<foyer-step-packages .roles=${['photographer', 'model']}></foyer-step-packages>`,
    );
    expect([...el.shadowRoot!.querySelectorAll('h3')].map((h) => h.textContent)).to.deep.equal([
      'Packages for Photographer',
      'Packages for Model',
      'Your price range',
    ]);
    await clickButton(el, 'Add a Photographer package');
    expect(el.shadowRoot!.activeElement?.id).to.equal('f-packages-0-name');
    await setValue(el, '#f-packages-0-name', 'Headshots');
    await setValue(el, '#f-packages-0-price-amount', '150.5');
    const packages = () => el.data['packages'] as { price: { amount: unknown; currency: string }; role: string }[];
    expect(packages()[0]!.price).to.deep.equal({ currency: 'EUR', amount: 15050 });
    expect(packages()[0]!.role).to.equal('photographer');
    expect($<HTMLInputElement>(el, '#f-packages-0-price-amount').value).to.equal('150.5');
    await setValue(el, '#f-packages-0-price-currency', 'JPY');
    await setValue(el, '#f-packages-0-price-amount', '15000');
    expect(packages()[0]!.price).to.deep.equal({ currency: 'JPY', amount: 15000 });
    await clickButton(el, 'Add a Model package');
    await setValue(el, '#f-packages-1-price-amount', '20000');
    expect($(el, '[part~="price-band"]').textContent).to.contain('JPY');
    expect($(el, '[part~="price-band"] dd').textContent!.trim()).to.equal('¥15,000 – ¥20,000');
  });

  it('shows a readable price error', async () => {
    const el = await fixture<FoyerStepPackages>(
      html`<foyer-step-packages
        .roles=${['model']}
        .data=${{ packages: [{ id: 'a', role: 'model', name: 'x', price: { currency: 'EUR', amount: '1.234' } }] }}
        .fieldErrors=${{ 'packages.0.price.amount': 'Enter a whole amount in minor units (cents).' }}
      ></foyer-step-packages>`,
    );
    expect($(el, '#f-packages-0-price-amount-error').textContent).to.equal('Enter a price like 150.00.');
    expect(el.focusFirstInvalid()).to.equal(true);
  });

  it('asks for roles first when there are none', async () => {
    const el = await fixture<FoyerStepPackages>(html`<foyer-step-packages></foyer-step-packages>`);
    expect(el.shadowRoot!.textContent).to.contain('Choose your roles first');
  });
});
