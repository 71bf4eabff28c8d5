import { expect, fixture, html } from '@open-wc/testing';
import { $, record } from '../internal/test-utils.js';
import type { FoyerStepRoles } from './step-roles.component.js';
import './step-roles.js';

describe('<foyer-step-roles>', () => {
  it('is accessible', async () => {
    const el = await fixture<FoyerStepRoles>(html`<foyer-step-roles></foyer-step-roles>`);
    await expect(el).to.be.accessible();
  });

  it('dispatches the chosen roles as a patch, in list order', async () => {
    const el = await fixture<FoyerStepRoles>(html`<foyer-step-roles></foyer-step-roles>`);
    const patches = record(el, 'foyer-step-input');
    $<HTMLInputElement>(el, '#role-model').click();
    $<HTMLInputElement>(el, '#role-photographer').click();
    $<HTMLInputElement>(el, '#role-model').click();
    expect(patches.map((e) => e.detail.patch)).to.deep.equal([
      { roles: ['model'] },
      { roles: ['photographer', 'model'] },
      { roles: ['photographer'] },
    ]);
    expect(patches[0]!.bubbles && patches[0]!.composed).to.equal(true);
    expect($(el, 'legend').textContent).to.equal('What do you offer?');
  });

  it('shows the group error linked to the fieldset and focuses the first checkbox', async () => {
    const el = await fixture<FoyerStepRoles>(
      html`<foyer-step-roles .fieldErrors=${{ roles: 'Choose at least one role.' }}></foyer-step-roles>`,
    );
    expect($(el, 'fieldset').getAttribute('aria-describedby')).to.equal('roles-error');
    expect($(el, '#roles-error').textContent).to.equal('Choose at least one role.');
    expect(el.focusFirstInvalid()).to.equal(true);
    expect(el.shadowRoot!.activeElement?.id).to.equal('role-photographer');
    await expect(el).to.be.accessible();
  });
});
