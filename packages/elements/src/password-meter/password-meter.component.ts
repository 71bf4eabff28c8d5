/** @module The `<foyer-password-meter>` class (no side effects: importing it defines no tag). */
import { passwordStrengthMachine } from '@foyer/core';
import { html, nothing, type PropertyDeclarations } from 'lit';
import type { ActorRefFrom } from 'xstate';
import { FoyerElement, foyerStyles } from '../internal/foyer-element.js';
import { MachineController, type MachineSource } from '../internal/machine-controller.js';
import { messagesFor, registerEnglish } from '../internal/messages.js';
import { passwordMeterStyles } from './password-meter.styles.js';
import { passwordMeterMessages } from './password-meter.messages.js';

registerEnglish(passwordMeterMessages);

type StrengthLogic = typeof passwordStrengthMachine;

/**
 * The live verdict on a new password: a `<meter>` 0–4 with a text level (Very weak … Strong),
 * zxcvbn's warning and suggestions, and the policy problems (too short, contains the email).
 * Renders the `passwordStrength` child machine of the sign-up, reset and change-password machines
 * (the forms hand it down as `.actor`). The zxcvbn dictionaries load lazily on the first
 * `password.focus` / `password.input` the machine receives; until then the meter shows nothing.
 *
 * The level is announced politely (one `role="status"` line that changes only when the level does).
 *
 * @summary Password strength meter.
 * @tag foyer-password-meter
 *
 * @attr locale - Language of the texts. @default 'en'
 * @prop {ActorRefFrom<typeof passwordStrengthMachine>} actor - The strength actor to render; without one the element starts its own (send it events through `.machine`).
 *
 * @csspart base - The wrapper.
 * @csspart meter - The `<meter>` (value 0–4).
 * @csspart strength-label - The status line: "Password strength: Good" (also loading / unavailable).
 * @csspart warning - zxcvbn's warning.
 * @csspart suggestions - The list of zxcvbn's suggestions.
 * @csspart problems - The list of policy problems.
 */
export class FoyerPasswordMeter extends FoyerElement {
  static override styles = [foyerStyles, passwordMeterStyles];

  static override properties: PropertyDeclarations = {
    actor: { attribute: false },
  };

  declare actor: ActorRefFrom<StrengthLogic> | undefined;

  readonly #machine = new MachineController<StrengthLogic>(this, () => this.#source());

  /** The strength actor (`undefined` while disconnected). */
  get machine(): ActorRefFrom<StrengthLogic> | undefined {
    return this.#machine.actor;
  }

  #source(): MachineSource<StrengthLogic> {
    return this.actor ? { actor: this.actor } : { logic: passwordStrengthMachine, input: {} };
  }

  protected override render() {
    if (!this.#machine.ready) return nothing;
    const t = messagesFor(this.locale);
    const snapshot = this.#machine.snapshot;
    const { password, problems, strength } = snapshot.context;
    const level = strength && password ? t.strengthLevels[strength.score] : null;
    const status = snapshot.matches('loading')
      ? t.strengthLoading
      : snapshot.matches('unavailable') && password
        ? t.strengthUnavailable
        : level
          ? t.strengthAnnouncement(level)
          : '';
    return html`<div part="base">
      ${
        level && strength
          ? html`<meter
              part="meter"
              min="0"
              max="4"
              low="2"
              high="3"
              optimum="4"
              .value=${strength.score}
              aria-label=${t.strengthLabel}
              aria-valuetext=${level}
              data-score=${strength.score}
            ></meter>`
          : nothing
      }
      <p part="strength-label" role="status">${status}</p>
      ${level && strength?.warning ? html`<p part="warning">${strength.warning}</p>` : nothing}
      ${
        level && strength && strength.suggestions.length > 0
          ? html`<ul part="suggestions">
              ${strength.suggestions.map((suggestion) => html`<li>${suggestion}</li>`)}
            </ul>`
          : nothing
      }
      ${
        problems.length > 0
          ? html`<ul part="problems">
              ${problems.map(
                (problem) =>
                  html`<li data-code=${problem.code}>
                    ${t.passwordProblems[problem.code as keyof typeof t.passwordProblems] ?? problem.message}
                  </li>`,
              )}
            </ul>`
          : nothing
      }
    </div>`;
  }
}
