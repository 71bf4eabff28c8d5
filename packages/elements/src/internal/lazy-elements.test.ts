import { expect, fixture, html } from '@open-wc/testing';
import { loadElement, registerLazyElements } from './lazy-elements.js';
import { FoyerElement } from './foyer-element.js';

// The lazy registry: a tag is defined only once it is used — in the document or in the shadow
// root of a Foyer element — and only once, however often it appears.

let loads = 0;
class LazyThing extends HTMLElement {}
const loader = async () => {
  loads += 1;
  await Promise.resolve();
  if (!customElements.get('foyer-test-lazy-thing')) customElements.define('foyer-test-lazy-thing', LazyThing);
};

class HostThing extends FoyerElement {
  static override lazyDependencies = {
    'foyer-test-lazy-inner': async () => customElements.define('foyer-test-lazy-inner', class extends HTMLElement {}),
  };
  declare show: boolean;
  static override properties = { ...FoyerElement.properties, show: { type: Boolean } };
  override render() {
    return this.show ? html`<foyer-test-lazy-inner></foyer-test-lazy-inner>` : html`<p>nothing yet</p>`;
  }
}

describe('lazy elements', () => {
  it('defines a registered tag once it appears in the document, loading its module once', async () => {
    registerLazyElements(['foyer-test-lazy-thing'], loader);
    expect(customElements.get('foyer-test-lazy-thing')).to.equal(undefined);
    expect(loads).to.equal(0);
    const wrapper = document.createElement('div');
    wrapper.innerHTML =
      '<foyer-test-lazy-thing></foyer-test-lazy-thing><foyer-test-lazy-thing></foyer-test-lazy-thing>';
    document.body.append(wrapper);
    await customElements.whenDefined('foyer-test-lazy-thing');
    expect(loads).to.equal(1);
    await loadElement('foyer-test-lazy-thing');
    expect(loads).to.equal(1);
    expect(wrapper.firstElementChild).to.be.instanceOf(LazyThing);
    wrapper.remove();
  });

  it('defines a lazy dependency of a Foyer element when the element first renders it in its shadow root', async () => {
    HostThing.define('foyer-test-lazy-host');
    const host = await fixture<HostThing>(html`<foyer-test-lazy-host></foyer-test-lazy-host>`);
    expect(customElements.get('foyer-test-lazy-inner')).to.equal(undefined);
    host.show = true;
    await customElements.whenDefined('foyer-test-lazy-inner');
    expect(host.shadowRoot!.querySelector('foyer-test-lazy-inner')!.matches(':defined')).to.equal(true);
  });
});
