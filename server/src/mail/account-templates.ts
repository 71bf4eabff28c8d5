/** @module The account email: "your account was deleted". Every interpolated value is HTML-escaped. */
import type { MailMessage } from '../adapters/mail/mailer.js';
import { escapeHtml } from '../html/escape-html.js';

/**
 * Confirms a deletion to the address the account had.
 *
 * @example
 * accountDeletedEmail({ to: 'ada@example.com', when: '2026-11-28 10:00' })
 */
export function accountDeletedEmail(input: { to: string; when: string }): MailMessage {
  const subject = 'Your account was deleted';
  const text = [
    `Your account was deleted on ${input.when} (UTC), as you asked.`,
    'Your profile, onboarding answers, phone numbers, devices and sessions are gone; public pages are offline.',
    'Security records were kept without anything that identifies you.',
    '',
    "If this wasn't you, reply to this email at once.",
  ].join('\n');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1a1a1a;max-width:32rem;margin:0 auto;padding:1.5rem">
<p>Your account was deleted on ${escapeHtml(input.when)} (UTC), as you asked.</p>
<p>Your profile, onboarding answers, phone numbers, devices and sessions are gone; public pages are offline. Security records were kept without anything that identifies you.</p>
<p style="color:#555">If this wasn't you, reply to this email at once.</p>
</body></html>`;
  return { to: input.to, subject, text, html, preview: `account deleted · ${input.when}` };
}
