/** @module The `<foyer-step-roles>` class (no side effects: importing it defines no tag). */
import { PROVIDER_ROLES } from '@foyer/core';
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { arrayOf, FoyerStepElement } from '../onboarding/step-element.js';
import { stepRolesStyles } from './step-roles.styles.js';

/**
 * The `roles` step: which roles a provider offers, as a checkbox group.
 *
 * Accessible names: the group "What do you offer?", one checkbox per role ("Photographer", "Model"…).
 *
 * @summary Choose provider roles.
 * @tag foyer-step-roles
 *
 * @attr locale - Language of the texts. @default 'en'
 * @prop {Record<string, unknown>} data - The step data (`{ roles: string[] }`).
 * @prop {Record<string, string>} fieldErrors - Messages by field path.
 *
 * @event foyer-step-input - On every change; detail `{ patch: { roles } }`.
 *
 * @csspart form - The wrapper of the controls.
 * @csspart group - The fieldset.
 * @csspart label - Checkbox labels.
 * @csspart hint - The hint under the legend.
 * @csspart error - The group's error.
 * @csspart form-error - The step-level alert region.
 *
 * @cssproperty --foyer-color-primary - Checkboxes and focus.
 * @cssproperty --foyer-color-danger - Errors.
 */
export class FoyerStepRoles extends FoyerStepElement {
  static override styles = [...FoyerStepElement.styles, stepRolesStyles];

  #toggle(role: string, checked: boolean): void {
    const current = arrayOf<string>(this.data?.['roles']);
    const roles = checked
      ? PROVIDER_ROLES.map((r) => r.id).filter((id) => id === role || current.includes(id))
      : current.filter((id) => id !== role);
    this.patch({ roles });
  }

  protected override render() {
    const t = this.t;
    const selected = arrayOf<string>(this.data?.['roles']);
    const error = this.errorUnder('roles');
    return html`<div part="form">
      ${this.stepErrors()}
      <fieldset part="group" ?data-invalid=${!!error} aria-describedby=${ifDefined(error ? 'roles-error' : undefined)}>
        <legend>${t.rolesLegend}</legend>
        <p part="hint">${t.rolesHint}</p>
        ${PROVIDER_ROLES.map(
          (role) =>
            html`<div class="choice">
              <input
                type="checkbox"
                id="role-${role.id}"
                name="roles"
                value=${role.id}
                .checked=${selected.includes(role.id)}
                @change=${(event: Event) => this.#toggle(role.id, (event.target as HTMLInputElement).checked)}
              />
              <label part="label" for="role-${role.id}">${role.label}</label>
            </div>`,
        )}
        ${error ? html`<p part="error" id="roles-error">${error}</p>` : nothing}
      </fieldset>
    </div>`;
  }
}
