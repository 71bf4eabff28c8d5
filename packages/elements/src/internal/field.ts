/** @module One labelled form field with its hint and error, shared by the form elements. */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

/** What {@link renderField} draws. */
export interface FieldOptions {
  /** Id of the input, unique within the shadow root; the hint and error ids derive from it. */
  id: string;
  name: string;
  label: string;
  type?: string;
  autocomplete?: string;
  inputmode?: 'numeric' | 'email' | 'text';
  maxlength?: number;
  /** Initial value (the `value` attribute: a value the user has typed is kept). */
  value?: string;
  hint?: string;
  error?: string | undefined;
  readonly?: boolean;
  /** Marks the input invalid without a field error of its own (e.g. a wrong code). */
  invalid?: boolean;
  /** More ids for `aria-describedby` (e.g. the form's alert region). */
  describedBy?: string | undefined;
  /** Rendered after the input, inside the field (e.g. the show-password toggle). */
  after?: TemplateResult;
}

/**
 * A `<label for>` + `<input>` pair; the hint and the error are linked by `aria-describedby`, and
 * `aria-invalid` is set while there is an error.
 */
export function renderField(options: FieldOptions): TemplateResult {
  const hintId = options.hint ? `${options.id}-hint` : undefined;
  const errorId = options.error ? `${options.id}-error` : undefined;
  const describedBy = [errorId, options.describedBy, hintId].filter(Boolean).join(' ') || undefined;
  return html`<div part="field" class="field">
    <label part="label" for=${options.id}>${options.label}</label>
    ${options.hint ? html`<p part="hint" id=${hintId!}>${options.hint}</p>` : nothing}
    <div class="control">
      <input
        part="input"
        id=${options.id}
        name=${options.name}
        type=${options.type ?? 'text'}
        autocomplete=${ifDefined(options.autocomplete)}
        inputmode=${ifDefined(options.inputmode)}
        maxlength=${ifDefined(options.maxlength)}
        value=${options.value ?? ''}
        aria-invalid=${options.error || options.invalid ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy)}
        ?readonly=${options.readonly ?? false}
        spellcheck="false"
        autocapitalize="off"
      />${options.after ?? nothing}
    </div>
    ${options.error ? html`<p part="error" id=${errorId!}>${options.error}</p>` : nothing}
  </div>`;
}
