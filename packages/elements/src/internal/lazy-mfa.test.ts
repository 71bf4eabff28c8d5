import { expect, fixture, html } from '@open-wc/testing';
import { until } from './test-utils.js';
import '../index.js';

describe('lazy MFA elements', () => {
  it('are not defined until used, then load their chunk and upgrade in place', async () => {
    expect(customElements.get('foyer-mfa-setup')).to.equal(undefined);
    const el = await fixture(html`<div><foyer-step-up></foyer-step-up></div>`);
    await until(() => customElements.get('foyer-step-up') !== undefined, 'foyer-step-up defined');
    await until(() => customElements.get('foyer-mfa-setup') !== undefined, 'the whole MFA chunk defined');
    const stepUp = el.querySelector('foyer-step-up') as HTMLElement & { run?: unknown };
    expect(typeof stepUp.run).to.equal('function');
    await expect(el).to.be.accessible();
  });
});
