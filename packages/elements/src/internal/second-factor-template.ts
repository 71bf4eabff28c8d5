/**
 * @module Template pieces the second-factor elements share (`<foyer-mfa-challenge>` at sign-in,
 * `<foyer-step-up>` before a sensitive action): the texts of the code field per method, and the
 * submit / "send a new code" row.
 */
import { html, nothing } from 'lit';
import type { MfaMessages } from './messages.js';

/** Label, hint and keyboard of the code field for a second-factor method. */
export function codeFieldTexts(m: MfaMessages, method: string): { label: string; hint: string; numeric: boolean } {
  if (method === 'totp') return { label: m.totpLabel, hint: m.totpHint, numeric: true };
  if (method === 'sms') return { label: m.smsLabel, hint: m.smsHint, numeric: true };
  return { label: m.recoveryLabel, hint: m.recoveryHint, numeric: false };
}

/** The submit button, and for SMS a "send a new code" button, of a second-factor form. */
export function renderCodeActions(options: {
  m: MfaMessages;
  method: string;
  submitLabel: string;
  busy: boolean;
  locked: boolean;
  onResend: () => void;
}) {
  const { m, method, submitLabel, busy, locked, onResend } = options;
  return html`<div class="actions">
    <button
      part="submit-button"
      type="submit"
      aria-busy=${busy ? 'true' : 'false'}
      aria-disabled=${busy || locked ? 'true' : 'false'}
    >
      ${submitLabel}
    </button>
    ${
      method === 'sms'
        ? html`<button
            part="resend-button secondary-button"
            type="button"
            aria-disabled=${busy || locked ? 'true' : 'false'}
            @click=${onResend}
          >
            ${m.smsResend}
          </button>`
        : nothing
    }
  </div>`;
}
