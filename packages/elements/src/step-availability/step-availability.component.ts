/** @module The `<foyer-step-availability>` class (no side effects: importing it defines no tag). */
import {
  availabilityExceptionSchema,
  availabilityPreview,
  minutesOfWallTime,
  timeZoneSchema,
  weeklyRuleSchema,
  type AvailabilityExceptions,
  type AvailabilityPreview,
  type AvailabilityRules,
} from '@foyer/core';
import { html, nothing, type PropertyDeclarations } from 'lit';
import { browserTimeZone, timeZoneChoices } from '../onboarding/intl.js';
import { arrayOf, FoyerStepElement, textOf } from '../onboarding/step-element.js';
import { stepAvailabilityStyles } from './step-availability.styles.js';

type Rule = { day: number; start: string; end: string };
type Exception = Record<string, unknown> & { kind?: 'off' | 'extra' };

const DAYS = [1, 2, 3, 4, 5, 6, 7] as const;

const DEFAULTS = {
  weekly: [],
  exceptions: [],
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  minimumNoticeHours: 24,
  maximumAdvanceDays: 180,
};

const wallTime = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** A new range on a day: 09:00–17:00 first, then the four hours after the last one. */
function nextRange(day: number, existing: Rule[]): Rule {
  const last = existing.filter((rule) => rule.day === day).at(-1);
  if (!last || !/^\d\d:\d\d$/.test(last.end)) return { day, start: '09:00', end: '17:00' };
  const start = Math.min(minutesOfWallTime(last.end), 23 * 60);
  return { day, start: wallTime(start), end: wallTime(Math.min(start + 240, 24 * 60)) };
}

/**
 * The `availability` step: time zone, a weekly grid of time ranges (a table of days; every range
 * has Start/End inputs and a remove button, every day an add button — all by keyboard), date
 * exceptions (time off, extra hours), buffers, minimum notice, maximum advance, and the bookable
 * windows of the next 14 days computed by core `availabilityPreview` (correct across DST).
 *
 * Accessible names: "Time zone"; per day the button "Add hours on Monday" and per range the inputs
 * "Monday hours 1 start" / "Monday hours 1 end" and the button "Remove Monday hours 1"; "Add time
 * off", "Add extra hours"; "Buffer before a booking (minutes)", "Buffer after a booking (minutes)",
 * "Minimum notice (hours)", "Bookable up to (days ahead)".
 *
 * Missing booking rules, the time zone (the browser's) and empty lists are filled in with defaults
 * on first render (one `foyer-step-input`).
 *
 * @summary Weekly hours, exceptions, booking rules and a 14-day preview.
 * @tag foyer-step-availability
 *
 * @attr locale - Language of the texts. @default 'en'
 * @prop {Record<string, unknown>} data - The step data (`{ timeZone, weekly, exceptions, bufferBeforeMinutes, bufferAfterMinutes, minimumNoticeHours, maximumAdvanceDays }`).
 * @prop {Record<string, string>} fieldErrors - Messages by field path (`weekly.0.end`).
 * @prop {Date} now - The instant the preview starts from. @default new Date()
 * @prop {number} previewDays - Days in the preview. @default 14
 *
 * @event foyer-step-input - On every edit; detail `{ patch }`.
 *
 * @csspart form - The wrapper of the controls.
 * @csspart weekly - The table of days.
 * @csspart exceptions - The exceptions section.
 * @csspart preview - The preview section.
 * @csspart preview-total - The total bookable hours.
 * @csspart field - A label + input + hint + error group.
 * @csspart label - Labels.
 * @csspart input - Inputs and selects.
 * @csspart hint - Hints.
 * @csspart error - Field errors.
 * @csspart secondary-button - Add and remove buttons.
 * @csspart form-error - The step-level alert region.
 */
export class FoyerStepAvailability extends FoyerStepElement {
  static override styles = [...FoyerStepElement.styles, stepAvailabilityStyles];

  static override properties: PropertyDeclarations = {
    ...FoyerStepElement.properties,
    now: { attribute: false },
    previewDays: { type: Number, attribute: 'preview-days' },
  };

  /** The instant the preview starts from (`undefined`: the current time). */
  declare now: Date | undefined;
  /** Days in the preview. @default 14 */
  declare previewDays: number;

  constructor() {
    super();
    this.previewDays = 14;
  }

  protected override firstUpdated(): void {
    const data = this.data ?? {};
    const missing: Record<string, unknown> = {};
    if (!data['timeZone']) missing['timeZone'] = browserTimeZone();
    for (const [key, value] of Object.entries(DEFAULTS)) if (data[key] === undefined) missing[key] = value;
    if (Object.keys(missing).length > 0) this.patch(missing);
  }

  #weekly(): Rule[] {
    return arrayOf<Rule>(this.data?.['weekly']);
  }

  #exceptions(): Exception[] {
    return arrayOf<Exception>(this.data?.['exceptions']);
  }

  async #addRange(day: number): Promise<void> {
    const weekly = [...this.#weekly(), nextRange(day, this.#weekly())];
    this.patch({ weekly });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>(`#${this.idOf(`weekly.${weekly.length - 1}.start`)}`)?.focus();
  }

  async #removeRange(index: number, day: number): Promise<void> {
    this.patch({ weekly: this.#weekly().filter((_, i) => i !== index) });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>(`#add-day-${day}`)?.focus();
  }

  #setRange(index: number, key: 'start' | 'end', value: string): void {
    this.patch({ weekly: this.#weekly().map((rule, i) => (i === index ? { ...rule, [key]: value.trim() } : rule)) });
  }

  async #addException(kind: 'off' | 'extra'): Promise<void> {
    const today = new Date(this.now ?? Date.now()).toISOString().slice(0, 10);
    const exception =
      kind === 'off' ? { kind, from: today, to: today } : { kind, date: today, start: '09:00', end: '13:00' };
    const exceptions = [...this.#exceptions(), exception];
    this.patch({ exceptions });
    await this.updateComplete;
    const first = kind === 'off' ? 'from' : 'date';
    this.renderRoot
      .querySelector<HTMLInputElement>(`#${this.idOf(`exceptions.${exceptions.length - 1}.${first}`)}`)
      ?.focus();
  }

  #setException(index: number, key: string, value: string): void {
    this.patch({ exceptions: this.#exceptions().map((item, i) => (i === index ? { ...item, [key]: value } : item)) });
  }

  async #removeException(index: number): Promise<void> {
    this.patch({ exceptions: this.#exceptions().filter((_, i) => i !== index) });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('#add-off')?.focus();
  }

  /** The preview of what is valid so far, or `undefined` while the time zone is not. */
  #preview(): AvailabilityPreview | undefined {
    const data = this.data ?? {};
    const timeZone = textOf(data['timeZone']);
    if (!timeZoneSchema.safeParse(timeZone).success) return undefined;
    const weekly = this.#weekly().filter((rule) => weeklyRuleSchema.safeParse(rule).success);
    const exceptions = this.#exceptions().filter(
      (item) => availabilityExceptionSchema.safeParse(item).success,
    ) as AvailabilityExceptions;
    const int = (key: string) => (typeof data[key] === 'number' ? (data[key] as number) : undefined);
    const rules: AvailabilityRules = {
      timeZone,
      weekly,
      bufferBeforeMinutes: int('bufferBeforeMinutes'),
      bufferAfterMinutes: int('bufferAfterMinutes'),
      minimumNoticeHours: int('minimumNoticeHours'),
      maximumAdvanceDays: int('maximumAdvanceDays'),
    };
    try {
      return availabilityPreview(rules, exceptions, this.now ?? new Date(), this.previewDays);
    } catch {
      return undefined;
    }
  }

  #renderPreview() {
    const t = this.t;
    const preview = this.#preview();
    const heading = html`<h3 id="preview-heading">${t.previewHeading(this.previewDays)}</h3>`;
    if (!preview)
      return html`<section part="preview" aria-labelledby="preview-heading">
        ${heading}
        <p part="hint">${t.previewInvalid}</p>
      </section>`;
    const locale = this.locale || 'en';
    const dateFormat = new Intl.DateTimeFormat(locale, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      timeZone: 'UTC',
    });
    const timeFormat = new Intl.DateTimeFormat(locale, {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: preview.timeZone,
    });
    const byDate = new Map<string, typeof preview.windows>();
    for (const window of preview.windows) byDate.set(window.date, [...(byDate.get(window.date) ?? []), window]);
    const hours = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(preview.totalMinutes / 60);
    return html`<section part="preview" aria-labelledby="preview-heading">
      ${heading}
      <p part="preview-total">${t.previewTotal(hours)}</p>
      ${
        byDate.size === 0
          ? html`<p part="hint">${t.previewEmpty}</p>`
          : html`<ol>
              ${[...byDate].map(
                ([date, windows]) =>
                  html`<li>
                    ${dateFormat.format(new Date(`${date}T00:00:00Z`))}
                    <ul>
                      ${windows.map((window) => html`<li>${timeFormat.format(new Date(window.start))}–${timeFormat.format(new Date(window.end))}</li>`)}
                    </ul>
                  </li>`,
              )}
            </ol>`
      }
    </section>`;
  }

  #renderWeekly() {
    const t = this.t;
    const weekly = this.#weekly();
    const listError = this.errorOf('weekly');
    return html`<section aria-labelledby="weekly-heading">
      <h3 id="weekly-heading">${t.weeklyHeading}</h3>
      <p part="hint" id="weekly-hint">${t.weeklyHint} ${t.timeHint}</p>
      <table part="weekly" aria-labelledby="weekly-heading" aria-describedby="weekly-hint">
        <thead>
          <tr>
            <th scope="col">${t.day}</th>
            <th scope="col">${t.hours}</th>
          </tr>
        </thead>
        <tbody>
          ${DAYS.map((day) => {
            const name = t.weekdays[day - 1] ?? String(day);
            let n = 0;
            const ranges = weekly.map((rule, index) => ({ rule, index })).filter(({ rule }) => rule.day === day);
            return html`<tr>
              <th scope="row">${name}</th>
              <td>
                ${ranges.length === 0 ? html`<p part="hint">${t.closed}</p>` : nothing}
                ${ranges.map(({ rule, index }) => {
                  const k = ++n;
                  const rangeError = this.errorOf(`weekly.${index}`);
                  return html`<div class="range">
                    ${this.field({
                      path: `weekly.${index}.start`,
                      label: t.start(name, k),
                      inputmode: 'numeric',
                      placeholder: 'HH:MM',
                      value: textOf(rule.start),
                      onInput: (value) => this.#setRange(index, 'start', value),
                    })}
                    ${this.field({
                      path: `weekly.${index}.end`,
                      label: t.end(name, k),
                      inputmode: 'numeric',
                      placeholder: 'HH:MM',
                      value: textOf(rule.end),
                      onInput: (value) => this.#setRange(index, 'end', value),
                      error: this.errorOf(`weekly.${index}.end`) ?? rangeError,
                    })}
                    <button part="secondary-button" type="button" @click=${() => this.#removeRange(index, day)}>
                      ${t.removeHours(name, k)}
                    </button>
                  </div>`;
                })}
                <button part="secondary-button" type="button" id="add-day-${day}" @click=${() => this.#addRange(day)}>
                  ${t.addHours(name)}
                </button>
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
      ${listError ? html`<p part="error" id="weekly-error">${listError}</p>` : nothing}
    </section>`;
  }

  #renderExceptions() {
    const t = this.t;
    const exceptions = this.#exceptions();
    let off = 0;
    let extra = 0;
    return html`<section part="exceptions" aria-labelledby="exceptions-heading">
      <h3 id="exceptions-heading">${t.exceptionsHeading}</h3>
      ${exceptions.map((item, index) => {
        const path = `exceptions.${index}`;
        const rangeError = this.errorOf(path);
        const remove = html`<button part="secondary-button" type="button" @click=${() => this.#removeException(index)}>
          ${t.removeException(index + 1)}
        </button>`;
        if (item.kind === 'extra') {
          return html`<fieldset part="group">
            <legend>${t.exceptionExtra(++extra)}</legend>
            <div class="row">
              ${this.field({ path: `${path}.date`, label: t.date, type: 'date', value: textOf(item['date']), onInput: (v) => this.#setException(index, 'date', v) })}
              ${this.field({ path: `${path}.start`, label: t.startTime, inputmode: 'numeric', placeholder: 'HH:MM', value: textOf(item['start']), onInput: (v) => this.#setException(index, 'start', v.trim()) })}
              ${this.field({
                path: `${path}.end`,
                label: t.endTime,
                inputmode: 'numeric',
                placeholder: 'HH:MM',
                value: textOf(item['end']),
                onInput: (v) => this.#setException(index, 'end', v.trim()),
                error: this.errorOf(`${path}.end`) ?? rangeError,
              })}
              ${remove}
            </div>
          </fieldset>`;
        }
        return html`<fieldset part="group">
          <legend>${t.exceptionOff(++off)}</legend>
          <div class="row">
            ${this.field({ path: `${path}.from`, label: t.from, type: 'date', value: textOf(item['from']), onInput: (v) => this.#setException(index, 'from', v) })}
            ${this.field({
              path: `${path}.to`,
              label: t.to,
              type: 'date',
              value: textOf(item['to']),
              onInput: (v) => this.#setException(index, 'to', v),
              error: this.errorOf(`${path}.to`) ?? rangeError,
            })}
            ${remove}
          </div>
        </fieldset>`;
      })}
      <div class="row">
        <button part="secondary-button" type="button" id="add-off" @click=${() => this.#addException('off')}>
          ${t.addTimeOff}
        </button>
        <button part="secondary-button" type="button" id="add-extra" @click=${() => this.#addException('extra')}>
          ${t.addExtraHours}
        </button>
      </div>
    </section>`;
  }

  protected override render() {
    const t = this.t;
    const data = this.data ?? {};
    const zone = textOf(data['timeZone']) || browserTimeZone();
    const zones = timeZoneChoices();
    const choices = (zones.includes(zone) ? zones : [zone, ...zones]).map((value) => ({
      value,
      label: value.replaceAll('_', ' '),
    }));
    const int = (path: string, label: string) =>
      this.intField({
        path,
        label,
        hint: t.minutesHint,
        value: data[path],
        onValue: (value) => this.patch({ [path]: value ?? null }),
      });
    return html`<div part="form">
      ${this.stepErrors()}
      ${this.select({ path: 'timeZone', label: t.timeZone, value: zone, choices, onChange: (value) => this.patch({ timeZone: value }) })}
      ${this.#renderWeekly()} ${this.#renderExceptions()}
      <fieldset part="group">
        <legend>${t.bookingRulesHeading}</legend>
        <div class="row">
          ${int('bufferBeforeMinutes', t.bufferBefore)} ${int('bufferAfterMinutes', t.bufferAfter)}
          ${int('minimumNoticeHours', t.minimumNotice)} ${int('maximumAdvanceDays', t.maximumAdvance)}
        </div>
      </fieldset>
      ${this.#renderPreview()}
    </div>`;
  }
}
