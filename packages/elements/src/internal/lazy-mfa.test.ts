import { expect } from '@open-wc/testing';
import { until } from './test-utils.js';
import '../index.js';

// Appended directly (not with `fixture`, whose wait for an animation frame stalls in a background page).
describe('lazy MFA elements', () => {
  it('are not defined until used, then load their chunk and upgrade in place', async () => {
    expect(customElements.get('foyer-mfa-setup')).to.equal(undefined);
    const wrapper = document.createElement('div');
    wrapper.innerHTML = '<foyer-step-up></foyer-step-up>';
    document.body.append(wrapper);
    await until(() => customElements.get('foyer-step-up') !== undefined, 'foyer-step-up defined');
    await until(() => customElements.get('foyer-mfa-setup') !== undefined, 'the whole MFA chunk defined');
    const stepUp = wrapper.querySelector('foyer-step-up') as HTMLElement & { run?: unknown };
    expect(typeof stepUp.run).to.equal('function');
    await expect(wrapper).to.be.accessible();
    wrapper.remove();
  });
});
