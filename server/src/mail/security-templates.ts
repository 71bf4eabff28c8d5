/**
 * @module The password and device emails: reset code + link, "your password was changed", and
 * "new sign-in to your account". Every interpolated value is HTML-escaped.
 */
import type { MailMessage } from '../adapters/mail/mailer.js';
import { escapeHtml } from '../html/escape-html.js';

/** Wraps body HTML in a minimal, mail-client-safe document (same frame as `templates.ts`). */
function layout(title: string, bodyHtml: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1a1a1a;max-width:32rem;margin:0 auto;padding:1.5rem">
${bodyHtml}
</body></html>`;
}

/**
 * The reset email: the 6-digit code to type, and a link to a page with a new-password form.
 *
 * @example
 * passwordResetEmail({ to: 'ada@example.com', code: '042917', link: 'https://app.test/auth/password/reset/link?token=…', minutesValid: 15 })
 */
export function passwordResetEmail(input: {
  to: string;
  code: string;
  link: string;
  minutesValid: number;
}): MailMessage {
  const { to, code, link, minutesValid } = input;
  const subject = `${code} is your password reset code`;
  const text = [
    `Your password reset code is ${code}`,
    '',
    `Or choose a new password with this link: ${link}`,
    '',
    `The code and link work once and expire in ${minutesValid} minutes.`,
    "If you didn't ask to reset your password, ignore this email: your password stays as it is.",
  ].join('\n');
  const html = layout(
    subject,
    `<p>Your password reset code is</p>
<p style="font-size:2rem;font-weight:700;letter-spacing:.3rem;font-family:ui-monospace,monospace">${escapeHtml(code)}</p>
<p>Or <a href="${escapeHtml(link)}">choose a new password with this link</a>.</p>
<p style="color:#555">The code and link work once and expire in ${minutesValid} minutes. If you didn't ask to reset your password, ignore this email: your password stays as it is.</p>`,
  );
  return { to, subject, text, html, preview: `reset code ${code} · ${link}` };
}

/** "Your password was changed": after a reset or a change, with a way back if it wasn't them. */
export function passwordChangedEmail(input: {
  to: string;
  how: 'reset' | 'change';
  when: string;
  resetUrl: string;
}): MailMessage {
  const { to, how, when, resetUrl } = input;
  const subject = 'Your password was changed';
  const what = how === 'reset' ? 'Your password was reset' : 'Your password was changed';
  const text = [
    `${what} on ${when} (UTC). Every other device was signed out.`,
    '',
    `If this wasn't you, reset your password now: ${resetUrl}`,
  ].join('\n');
  const html = layout(
    subject,
    `<p>${escapeHtml(what)} on ${escapeHtml(when)} (UTC). Every other device was signed out.</p>
<p>If this wasn't you, <a href="${escapeHtml(resetUrl)}">reset your password now</a>.</p>`,
  );
  return { to, subject, text, html, preview: `password ${how} · ${when}` };
}

/** "New sign-in to your account": device, network and time, with a reset link if it wasn't them. */
export function newDeviceEmail(input: {
  to: string;
  device: string;
  ipPrefix: string | null;
  when: string;
  resetUrl: string;
}): MailMessage {
  const { to, device, ipPrefix, when, resetUrl } = input;
  const subject = 'New sign-in to your account';
  const network = ipPrefix ?? 'unknown network';
  const text = [
    'Your account was just signed in to from a device we have not seen before:',
    '',
    `Device: ${device}`,
    `Network: ${network}`,
    `Time: ${when} (UTC)`,
    '',
    "If this was you, there's nothing to do.",
    `If it wasn't, reset your password now (every device will be signed out): ${resetUrl}`,
  ].join('\n');
  const html = layout(
    subject,
    `<p>Your account was just signed in to from a device we have not seen before:</p>
<ul>
<li>Device: ${escapeHtml(device)}</li>
<li>Network: ${escapeHtml(network)}</li>
<li>Time: ${escapeHtml(when)} (UTC)</li>
</ul>
<p>If this was you, there's nothing to do.</p>
<p>If it wasn't, <a href="${escapeHtml(resetUrl)}">reset your password now</a> (every device will be signed out).</p>`,
  );
  return { to, subject, text, html, preview: `new sign-in · ${device} · ${network}` };
}
