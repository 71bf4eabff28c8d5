import { expect } from '@open-wc/testing';
import '../index.js';

describe('lazy onboarding elements', () => {
  it('defines no onboarding tag until one appears, then loads them all', async () => {
    expect(customElements.get('foyer-sign-in')).to.not.equal(undefined);
    expect(customElements.get('foyer-onboarding')).to.equal(undefined);
    expect(customElements.get('foyer-completeness-meter')).to.equal(undefined);
    const wrapper = document.createElement('div');
    wrapper.innerHTML = '<foyer-completeness-meter score="30"></foyer-completeness-meter>';
    document.body.append(wrapper);
    await customElements.whenDefined('foyer-completeness-meter');
    await customElements.whenDefined('foyer-onboarding');
    await customElements.whenDefined('foyer-step-availability');
    const meter = wrapper.firstElementChild as HTMLElement & { updateComplete: Promise<unknown> };
    await meter.updateComplete;
    expect(meter.shadowRoot!.querySelector('[role="meter"]')!.getAttribute('aria-valuenow')).to.equal('30');
    wrapper.remove();
  });
});
