/**
 * @module A new-password field with its show toggle and the live strength meter, shared by
 * sign-up, password reset and password change. The form around it sends `password.focus` /
 * `password.input` to its machine (see {@link strengthEventOf}); the machine forwards them to its
 * `strength` child, which the meter renders.
 */
import type { passwordStrengthMachine } from '@foyer/core';
import { html, type TemplateResult } from 'lit';
import type { ActorRefFrom } from 'xstate';
import { renderField } from './field.js';
import type { FoyerMessages } from './messages.js';

/** What {@link renderNewPasswordField} draws. */
export interface NewPasswordFieldOptions {
  id: string;
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  shown: boolean;
  onToggle: () => void;
  strength: ActorRefFrom<typeof passwordStrengthMachine> | undefined;
  locale: string;
  t: FoyerMessages;
}

/** The field (`autocomplete="new-password"`), a "Show password" toggle, and `<foyer-password-meter>`. */
export function renderNewPasswordField(options: NewPasswordFieldOptions): TemplateResult {
  return html`${renderField({
      id: options.id,
      name: options.name,
      label: options.label,
      type: options.shown ? 'text' : 'password',
      autocomplete: 'new-password',
      hint: options.hint,
      error: options.error,
      after: html`<button
        part="password-toggle"
        type="button"
        aria-controls=${options.id}
        aria-pressed=${options.shown ? 'true' : 'false'}
        @click=${options.onToggle}
      >
        ${options.t.showPassword}
      </button>`,
    })}
    <foyer-password-meter
      part="password-meter"
      exportparts="meter, strength-label, warning, suggestions, problems"
      locale=${options.locale}
      .actor=${options.strength}
    ></foyer-password-meter>`;
}

/**
 * The strength event for a `focusin` / `input` event of a form: `password.focus` /
 * `password.input` when it comes from the input named `name`, else `undefined`.
 */
export function strengthEventOf(
  event: Event,
  name: string,
): { type: 'password.focus' } | { type: 'password.input'; password: string } | undefined {
  const target = event.target;
  if (!(target instanceof HTMLInputElement) || target.name !== name) return undefined;
  return event.type === 'focusin' ? { type: 'password.focus' } : { type: 'password.input', password: target.value };
}
