/**
 * @module Security-change notices (MFA turned on, factor removed, payout destination set, email
 * changed) and the email-change code. Every interpolated value is HTML-escaped.
 */
import type { MailMessage } from '../adapters/mail/mailer.js';
import { escapeHtml } from '../html/escape-html.js';

function layout(title: string, bodyHtml: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1a1a1a;max-width:32rem;margin:0 auto;padding:1.5rem">
${bodyHtml}
</body></html>`;
}

/** What changed, in words for the notice. */
export type SecurityChange =
  | { kind: 'mfa_enabled'; factor: string }
  | { kind: 'factor_added'; factor: string }
  | { kind: 'factor_removed'; factor: string }
  | { kind: 'payout_changed'; last4: string }
  | { kind: 'email_changed'; newEmail: string }
  | { kind: 'password_changed' };

/** The change in one sentence (also the text of the SMS notice). */
export function describeSecurityChange(change: SecurityChange): string {
  switch (change.kind) {
    case 'mfa_enabled':
      return `Two-step verification was turned on (${change.factor}).`;
    case 'factor_added':
      return `A sign-in method was added to your account: ${change.factor}.`;
    case 'factor_removed':
      return `A sign-in method was removed from your account: ${change.factor}.`;
    case 'payout_changed':
      return `Your payout destination was changed to an account ending in ${change.last4}.`;
    case 'email_changed':
      return `The email address of your account was changed to ${change.newEmail}.`;
    case 'password_changed':
      return 'Your password was changed.';
  }
}

/**
 * "A security setting of your account changed": sent to every verified channel after a sensitive change.
 *
 * @example
 * securityChangeEmail({ to: 'ada@example.com', change: { kind: 'payout_changed', last4: '3000' }, when: '2026-11-28 10:00', resetUrl })
 */
export function securityChangeEmail(input: {
  to: string;
  change: SecurityChange;
  when: string;
  resetUrl: string;
}): MailMessage {
  const { to, change, when, resetUrl } = input;
  const subject = 'A security setting of your account changed';
  const what = describeSecurityChange(change);
  const text = [`${what}`, `When: ${when} (UTC).`, '', `If this wasn't you, reset your password now: ${resetUrl}`].join(
    '\n',
  );
  const html = layout(
    subject,
    `<p>${escapeHtml(what)}</p><p>When: ${escapeHtml(when)} (UTC).</p>
<p>If this wasn't you, <a href="${escapeHtml(resetUrl)}">reset your password now</a>.</p>`,
  );
  return { to, subject, text, html, preview: `${change.kind} · ${when}` };
}

/** The code that confirms a new email address. */
export function emailChangeCodeEmail(input: { to: string; code: string; minutesValid: number }): MailMessage {
  const { to, code, minutesValid } = input;
  const subject = `${code} confirms your new email address`;
  const text = [
    `Your code is ${code}`,
    '',
    `It works once and expires in ${minutesValid} minutes. If you didn't ask for this, ignore this email.`,
  ].join('\n');
  const html = layout(
    subject,
    `<p>Your code to confirm this new email address is</p>
<p style="font-size:2rem;font-weight:700;letter-spacing:.3rem;font-family:ui-monospace,monospace">${escapeHtml(code)}</p>
<p style="color:#555">It works once and expires in ${minutesValid} minutes. If you didn't ask for this, ignore this email.</p>`,
  );
  return { to, subject, text, html, preview: `email change code ${code}` };
}
