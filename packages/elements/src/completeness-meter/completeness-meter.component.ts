/** @module The `<foyer-completeness-meter>` class (no side effects: importing it defines no tag). */
import type { MissingField } from '@foyer/core';
import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { FoyerElement, foyerStyles } from '../internal/foyer-element.js';
import { onboardingMessagesFor } from '../onboarding/messages.js';
import type {} from '../onboarding/events.js';
import { completenessMeterStyles } from './completeness-meter.styles.js';

/**
 * How complete a profile is (0–100) and what is missing, most valuable first. Usable alone; inside
 * `<foyer-onboarding>` (or with `interactive`) the missing items are buttons that ask to go to
 * their step with `foyer-goto-step`.
 *
 * Accessible names: the meter "Profile completeness" (`role="meter"`, `aria-valuetext` "45% complete"),
 * the list "What is missing"; each item reads its hint and the points it adds.
 *
 * @summary Profile completeness score and missing fields.
 * @tag foyer-completeness-meter
 *
 * @attr score - 0–100. @default 0
 * @attr interactive - Renders missing items as buttons that fire `foyer-goto-step`.
 * @attr max-missing - How many missing items to list (0 = all). @default 5
 * @attr locale - Language of the texts. @default 'en'
 * @prop {MissingField[]} missing - `{ step, field, weight, hint }[]`, from core `scoreTrack` or the server.
 *
 * @event foyer-goto-step - A missing item was activated (interactive only); detail `{ step }`.
 *
 * @csspart base - The wrapper.
 * @csspart label - The "Profile completeness" label.
 * @csspart value - The percentage text.
 * @csspart meter - The `role="meter"` element.
 * @csspart track - The bar's background.
 * @csspart indicator - The bar's filled part.
 * @csspart missing - The list of missing fields.
 * @csspart missing-item - One missing field.
 * @csspart link-button - A missing field's button (interactive).
 * @csspart notice - "Everything is filled in." at 100.
 *
 * @cssproperty --foyer-color-primary - The filled bar and buttons.
 * @cssproperty --foyer-color-surface - The empty bar.
 * @cssproperty --foyer-color-border - The bar's outline.
 */
export class FoyerCompletenessMeter extends FoyerElement {
  static override styles = [foyerStyles, completenessMeterStyles];

  static override properties: PropertyDeclarations = {
    ...FoyerElement.properties,
    score: { type: Number },
    missing: { attribute: false },
    interactive: { type: Boolean },
    maxMissing: { type: Number, attribute: 'max-missing' },
  };

  /** 0–100. @default 0 */
  declare score: number;
  /** What is missing, most valuable first. */
  declare missing: MissingField[];
  /** Missing items are buttons firing `foyer-goto-step`. @default false */
  declare interactive: boolean;
  /** How many missing items to list (0 = all). @default 5 */
  declare maxMissing: number;

  constructor() {
    super();
    this.score = 0;
    this.missing = [];
    this.interactive = false;
    this.maxMissing = 5;
  }

  /** The score as shown: a whole number in 0–100. */
  #shownScore(): number {
    return Math.max(0, Math.min(100, Math.round(Number(this.score) || 0)));
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // Through the CSSOM, not a `style` attribute (which is what styleMap writes on first render):
    // a host page whose Content-Security-Policy has no 'unsafe-inline' blocks inline style attributes.
    this.renderRoot
      .querySelector<HTMLElement>('[part="indicator"]')
      ?.style.setProperty('width', `${this.#shownScore()}%`);
  }

  protected override render() {
    const t = onboardingMessagesFor(this.locale);
    const score = this.#shownScore();
    const missing = this.maxMissing > 0 ? (this.missing ?? []).slice(0, this.maxMissing) : (this.missing ?? []);
    return html`<div part="base">
      <p part="label" id="meter-label">${t.meterLabel}: <span part="value">${t.meterValue(score)}</span></p>
      <div
        part="meter track"
        role="meter"
        aria-labelledby="meter-label"
        aria-valuemin="0"
        aria-valuemax="100"
        aria-valuenow=${score}
        aria-valuetext=${t.meterValue(score)}
      >
        <div part="indicator"></div>
      </div>
      ${
        missing.length === 0
          ? score >= 100
            ? html`<p part="notice">${t.complete}</p>`
            : nothing
          : html`<p part="hint" id="missing-heading">${t.missingHeading}</p>
              <ul part="missing" aria-labelledby="missing-heading">
                ${missing.map(
                  (item) =>
                    html`<li part="missing-item">
                      ${
                        this.interactive
                          ? html`<button
                              part="link-button"
                              type="button"
                              @click=${() => this.emit('foyer-goto-step', { step: item.step })}
                            >
                              ${item.hint}
                            </button>`
                          : item.hint
                      }
                      <span part="hint">(${t.missingPoints(item.weight)})</span>
                    </li>`,
                )}
              </ul>`
      }
    </div>`;
  }
}
