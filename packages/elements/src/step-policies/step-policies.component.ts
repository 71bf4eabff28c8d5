/** @module The `<foyer-step-policies>` class (no side effects: importing it defines no tag). */
import { CANCELLATION_POLICIES } from '@foyer/core';
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { FoyerStepElement, objectOf } from '../onboarding/step-element.js';
import { stepPoliciesStyles } from './step-policies.styles.js';

const DEFAULT_RESCHEDULE = { allowed: true, noticeHours: 48, maxTimes: 2 };

/**
 * The `policies` step: a cancellation band (radio group with explanations) and rescheduling rules.
 *
 * Accessible names: radio group "Cancellation policy" with "Flexible", "Moderate", "Strict";
 * group "Rescheduling" with the checkbox "Clients may reschedule" and the inputs
 * "Notice needed to reschedule (hours)" and "Reschedules allowed per booking".
 *
 * @summary Cancellation and rescheduling.
 * @tag foyer-step-policies
 *
 * @attr locale - Language of the texts. @default 'en'
 * @prop {Record<string, unknown>} data - The step data (`{ cancellation, reschedule: { allowed, noticeHours, maxTimes } }`).
 * @prop {Record<string, string>} fieldErrors - Messages by field path.
 *
 * @event foyer-step-input - On every edit; detail `{ patch }`.
 *
 * @csspart form - The wrapper of the controls.
 * @csspart group - The fieldsets.
 * @csspart label - Labels.
 * @csspart hint - Explanations of the bands.
 * @csspart field - A label + input + error group.
 * @csspart input - The number inputs.
 * @csspart error - Errors.
 * @csspart form-error - The step-level alert region.
 */
export class FoyerStepPolicies extends FoyerStepElement {
  static override styles = [...FoyerStepElement.styles, stepPoliciesStyles];

  #reschedule(): Record<string, unknown> {
    return { ...DEFAULT_RESCHEDULE, ...objectOf(this.data?.['reschedule']) };
  }

  protected override firstUpdated(): void {
    // The rescheduling rules start from sensible defaults the person can see and change.
    if (this.data?.['reschedule'] === undefined) this.patch({ reschedule: { ...DEFAULT_RESCHEDULE } });
  }

  protected override render() {
    const t = this.t;
    const chosen = this.data?.['cancellation'];
    const error = this.errorOf('cancellation');
    const reschedule = this.#reschedule();
    const setReschedule = (key: string, value: unknown) => {
      const next: Record<string, unknown> = { ...reschedule, [key]: value };
      if (value === undefined) delete next[key];
      this.patch({ reschedule: next });
    };
    return html`<div part="form">
      ${this.stepErrors()}
      <fieldset
        part="group"
        role="radiogroup"
        ?data-invalid=${!!error}
        aria-describedby=${ifDefined(error ? 'cancellation-error' : undefined)}
      >
        <legend>${t.cancellationLegend}</legend>
        ${CANCELLATION_POLICIES.map(
          (policy) =>
            html`<div class="choice">
              <input
                type="radio"
                id="cancellation-${policy}"
                name="cancellation"
                value=${policy}
                .checked=${chosen === policy}
                aria-describedby="cancellation-${policy}-hint"
                @change=${() => this.patch({ cancellation: policy })}
              />
              <span class="choice-text">
                <label part="label" for="cancellation-${policy}">${t.cancellation[policy].label}</label>
                <span part="hint" id="cancellation-${policy}-hint">${t.cancellation[policy].description}</span>
              </span>
            </div>`,
        )}
        ${error ? html`<p part="error" id="cancellation-error">${error}</p>` : nothing}
      </fieldset>
      <fieldset part="group">
        <legend>${t.rescheduleLegend}</legend>
        <div class="choice">
          <input
            type="checkbox"
            id="reschedule-allowed"
            .checked=${reschedule['allowed'] === true}
            @change=${(event: Event) => setReschedule('allowed', (event.target as HTMLInputElement).checked)}
          />
          <label part="label" for="reschedule-allowed">${t.rescheduleAllowed}</label>
        </div>
        <div class="row">
          ${this.intField({
            path: 'reschedule.noticeHours',
            label: t.rescheduleNotice,
            value: reschedule['noticeHours'],
            onValue: (value) => setReschedule('noticeHours', value),
          })}
          ${this.intField({
            path: 'reschedule.maxTimes',
            label: t.rescheduleMax,
            value: reschedule['maxTimes'],
            onValue: (value) => setReschedule('maxTimes', value),
          })}
        </div>
      </fieldset>
    </div>`;
  }
}
