import { expect } from '@open-wc/testing';
import { createFakeAuthActors, provideSignInMachine } from '@foyer/core';
import { until } from './internal/test-utils.js';
import { loadElement, messagesFor, registerMessages } from './autoload.js';
import type { FoyerSignIn } from './sign-in/sign-in.component.js';

// The CDN entry (dist/foyer.js): defines nothing, loads a tag's chunk when the tag first appears.
// Appended directly (not with `fixture`, whose wait for an animation frame stalls in a background page).
describe('autoload (the CDN loader)', () => {
  it('defines the auth widget only once a tag appears; it upgrades in place, keeping properties, texts registered before, and is accessible', async () => {
    expect(customElements.get('foyer-sign-in')).to.equal(undefined);
    expect(customElements.get('foyer-auth')).to.equal(undefined);
    // A host localises before any element code has loaded …
    registerMessages('de', { signInSubmit: 'Anmelden' });
    const wrapper = document.createElement('div');
    wrapper.innerHTML = '<foyer-sign-in locale="de"></foyer-sign-in>';
    const element = wrapper.querySelector('foyer-sign-in') as FoyerSignIn;
    // … and sets a property on the not-yet-defined element.
    element.logic = provideSignInMachine(createFakeAuthActors());
    document.body.append(wrapper);
    await until(() => customElements.get('foyer-sign-in') !== undefined, 'foyer-sign-in defined');
    await element.updateComplete;
    // The widget's four tags share one chunk.
    for (const tag of ['foyer-auth', 'foyer-sign-up', 'foyer-verify-email'])
      expect(customElements.get(tag), tag).not.to.equal(undefined);
    expect(element.machine, 'the actor of the provided machine').not.to.equal(undefined);
    const submit = element.shadowRoot!.querySelector('button[type="submit"]')!;
    expect(submit.textContent?.trim()).to.equal('Anmelden');
    // English under the German override, registered with the chunk.
    expect(element.shadowRoot!.textContent).to.contain(messagesFor('en').emailLabel);
    expect(messagesFor('de').emailLabel).to.equal('Email');
    // Other features stay unloaded.
    expect(customElements.get('foyer-sessions')).to.equal(undefined);
    expect(customElements.get('foyer-onboarding')).to.equal(undefined);
    await expect(wrapper).to.be.accessible();
    wrapper.remove();
  });

  it('loadElement() loads a tag on demand, with its own texts', async () => {
    expect(messagesFor('en').sessionsHeading).to.equal(undefined);
    await loadElement('foyer-sessions');
    expect(customElements.get('foyer-sessions')).not.to.equal(undefined);
    expect(messagesFor('en').sessionsHeading).to.be.a('string');
  });
});
