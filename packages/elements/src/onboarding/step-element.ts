/**
 * @module The base of the onboarding step elements: `data` + `fieldErrors` in, a
 * `foyer-step-input` merge patch out on every edit, and the labelled controls they share.
 */
import { applyMergePatch } from '@foyer/core';
import { css, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { FoyerElement, foyerStyles } from '../internal/foyer-element.js';
import { onboardingMessagesFor } from './messages.js';
import type {} from './events.js';

/** Styles shared by the step elements. */
export const stepStyles = css`
  fieldset {
    display: grid;
    gap: calc(var(--_space) * 0.75);
    margin: 0;
    padding: calc(var(--_space) * 0.75);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-width: 0;
  }
  legend {
    padding: 0 0.25rem;
    font-weight: 650;
  }
  fieldset[data-invalid] {
    border-color: var(--_danger);
    border-width: 2px;
  }
  textarea[part~='input'] {
    min-height: 6rem;
    resize: vertical;
  }
  .choice {
    display: flex;
    gap: 0.5rem;
    align-items: flex-start;
  }
  .choice input {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0.15rem 0 0;
    flex: none;
    accent-color: var(--_primary);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: flex-end;
  }
  .row > [part~='field'] {
    flex: 1 1 9rem;
  }
  h3 {
    margin: 0;
    font-size: 1.125em;
  }
  [part~='count'] {
    margin: 0;
    font-size: 0.875em;
    color: var(--_muted);
  }
  ul.plain {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: 0.5rem;
  }
`;

/** What {@link FoyerStepElement.field} draws. */
export interface StepFieldOptions {
  /** Error path in `fieldErrors` (`city.name`, `packages.0.price.amount`); the input id derives from it. */
  path: string;
  label: string;
  value: string;
  onInput: (value: string, input: HTMLInputElement | HTMLTextAreaElement) => void;
  hint?: string;
  type?: string;
  autocomplete?: string;
  inputmode?: 'numeric' | 'decimal' | 'email' | 'tel' | 'url' | 'text';
  /** Shows a live "n of max characters" count. */
  max?: number;
  multiline?: boolean;
  /** Overrides the error shown (e.g. a friendlier price message). */
  error?: string | undefined;
  placeholder?: string;
}

const FRIENDLY = /^Invalid input/;

/**
 * Base class of the step elements.
 *
 * @event foyer-step-input - On every edit; detail `{ patch }`, a JSON Merge Patch of the step's data.
 */
export class FoyerStepElement extends FoyerElement {
  static override styles = [foyerStyles, stepStyles];

  static override properties: PropertyDeclarations = {
    data: { attribute: false },
    fieldErrors: { attribute: false },
  };

  /** The step's data (the wizard passes its draft; on its own the element keeps its edits here). */
  declare data: Record<string, unknown>;
  /** Messages by field path (`headline`, `city.name`, `weekly.0.end`), from the machine or the server. */
  declare fieldErrors: Record<string, string>;

  /** Text the person typed, by path, kept while it still parses to the stored value. */
  readonly #raw = new Map<string, string>();

  constructor() {
    super();
    this.data = {};
    this.fieldErrors = {};
  }

  protected get t() {
    return onboardingMessagesFor(this.locale);
  }

  /** Applies `patch` to `data` and announces it with `foyer-step-input`. */
  protected patch(patch: Record<string, unknown>): void {
    this.data = applyMergePatch(this.data ?? {}, patch);
    this.emit('foyer-step-input', { patch });
  }

  /** Moves focus to the first invalid control; `false` when there is none. */
  focusFirstInvalid(): boolean {
    const target = this.renderRoot.querySelector<HTMLElement>(
      '[aria-invalid="true"], fieldset[data-invalid] input, fieldset[data-invalid] button',
    );
    target?.focus();
    return target != null;
  }

  /** The message for `path`, schema defaults made readable. */
  protected errorOf(path: string): string | undefined {
    const message = this.fieldErrors?.[path];
    if (!message) return undefined;
    return FRIENDLY.test(message) ? this.t.required : message;
  }

  /** The first message at `path` or under it (`packages.0` → `packages.0.name`). */
  protected errorUnder(path: string): string | undefined {
    const key = Object.keys(this.fieldErrors ?? {}).find((k) => k === path || k.startsWith(`${path}.`));
    return key ? this.errorOf(key) : undefined;
  }

  /**
   * What a free-text control shows: the text typed last if it still stands for `value`, else
   * `format(value)` (so "150." stays while typing, and another tab's value shows when it changes).
   */
  protected textFor<T>(path: string, value: T, format: (value: T) => string, parse: (text: string) => unknown): string {
    const raw = this.#raw.get(path);
    if (raw !== undefined && JSON.stringify(parse(raw)) === JSON.stringify(value ?? null)) return raw;
    return format(value);
  }

  /** Remembers typed text for {@link textFor}. */
  protected keepRaw(path: string, text: string): void {
    this.#raw.set(path, text);
  }

  /** An id for the control of `path`. */
  protected idOf(path: string): string {
    return `f-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  }

  /** A labelled input or textarea with hint, live count and linked error. */
  protected field(options: StepFieldOptions): TemplateResult {
    const id = this.idOf(options.path);
    const error = options.error ?? this.errorOf(options.path);
    const hintId = options.hint ? `${id}-hint` : undefined;
    const countId = options.max ? `${id}-count` : undefined;
    const errorId = error ? `${id}-error` : undefined;
    const describedBy = [errorId, hintId, countId].filter(Boolean).join(' ') || undefined;
    const onInput = (event: Event) => {
      const input = event.target as HTMLInputElement | HTMLTextAreaElement;
      options.onInput(input.value, input);
    };
    const length = [...options.value].length;
    const control = options.multiline
      ? html`<textarea
          part="input"
          id=${id}
          .value=${live(options.value)}
          maxlength=${ifDefined(options.max ? options.max * 2 : undefined)}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${ifDefined(describedBy)}
          @input=${onInput}
        ></textarea>`
      : html`<input
          part="input"
          id=${id}
          type=${options.type ?? 'text'}
          .value=${live(options.value)}
          autocomplete=${ifDefined(options.autocomplete)}
          inputmode=${ifDefined(options.inputmode)}
          placeholder=${ifDefined(options.placeholder)}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${ifDefined(describedBy)}
          @input=${onInput}
        />`;
    return html`<div part="field" class="field">
      <label part="label" for=${id}>${options.label}</label>
      ${options.hint ? html`<p part="hint" id=${hintId!}>${options.hint}</p>` : nothing} ${control}
      ${
        options.max
          ? html`<p part="count" id=${countId!} aria-live="polite">${this.t.characters(length, options.max)}</p>`
          : nothing
      }
      ${error ? html`<p part="error" id=${errorId!}>${error}</p>` : nothing}
    </div>`;
  }

  /** A labelled `<select>`. */
  protected select(options: {
    path: string;
    label: string;
    value: string;
    choices: readonly { value: string; label: string }[];
    onChange: (value: string) => void;
    placeholder?: string;
    hint?: string;
  }): TemplateResult {
    const id = this.idOf(options.path);
    const error = this.errorOf(options.path);
    const hintId = options.hint ? `${id}-hint` : undefined;
    const errorId = error ? `${id}-error` : undefined;
    const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
    return html`<div part="field" class="field">
      <label part="label" for=${id}>${options.label}</label>
      ${options.hint ? html`<p part="hint" id=${hintId!}>${options.hint}</p>` : nothing}
      <select
        part="input"
        id=${id}
        .value=${live(options.value)}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy)}
        @change=${(event: Event) => options.onChange((event.target as HTMLSelectElement).value)}
      >
        ${
          options.placeholder !== undefined
            ? html`<option value="" ?selected=${options.value === ''}>${options.placeholder}</option>`
            : nothing
        }
        ${options.choices.map(
          (choice) =>
            html`<option value=${choice.value} ?selected=${choice.value === options.value}>${choice.label}</option>`,
        )}
      </select>
      ${error ? html`<p part="error" id=${errorId!}>${error}</p>` : nothing}
    </div>`;
  }

  /** A whole-number field: empty removes the value, digits become a number, anything else is kept (and flagged). */
  protected intField(
    options: Omit<StepFieldOptions, 'value' | 'onInput'> & { value: unknown; onValue: (value: unknown) => void },
  ): TemplateResult {
    return this.field({
      ...options,
      inputmode: 'numeric',
      value: options.value === undefined || options.value === null ? '' : String(options.value),
      onInput: (text) => options.onValue(parseInteger(text)),
    });
  }

  /** The step's own errors that belong to no field (`_`), in an alert region. */
  protected stepErrors(): TemplateResult {
    const message = this.fieldErrors?.['_'];
    return html`<div part="form-error" role="alert">${message ?? nothing}</div>`;
  }
}

/** `''` → `undefined`, `'12'` → 12, anything else stays text (the schema flags it). */
export function parseInteger(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** A list typed as comma-separated text. */
export function parseList(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/** The reverse of {@link parseList}. */
export function formatList(value: unknown): string {
  return Array.isArray(value) ? value.join(', ') : '';
}

/** `value` when it is a plain object, else `{}`. */
export function objectOf(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** `value` when it is an array, else `[]`. */
export function arrayOf<T = unknown>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

/** `value` as text (`''` for anything else). */
export function textOf(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

/** `record` without the keys whose value is `undefined` or `''` (optional fields left empty). */
export function compact(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined && value !== ''));
}
