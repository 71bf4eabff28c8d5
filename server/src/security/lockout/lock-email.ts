/** @module The "your account was locked" email: a one-click unlock link and a "this wasn't me" reset link. */
import type { MailMessage } from '../../adapters/mail/mailer.js';
import { escapeHtml } from '../../html/escape-html.js';

/**
 * The lock email, sent once per lock to the account's owner.
 *
 * @example
 * accountLockedEmail({ to, unlockUrl, resetUrl, minutesLocked: 15 })
 */
export function accountLockedEmail(input: {
  to: string;
  unlockUrl: string;
  resetUrl: string;
  minutesLocked: number;
  minutesValid: number;
}): MailMessage {
  const { to, unlockUrl, resetUrl, minutesLocked, minutesValid } = input;
  const subject = 'Sign-in to your account was paused';
  const text = [
    `Someone entered a wrong password for your account several times, so new devices cannot sign in for the next ${minutesLocked} minutes.`,
    'Devices you have signed in with before can still sign in.',
    '',
    `If it was you, unlock now: ${unlockUrl}`,
    `(The link works once, for ${minutesValid} minutes.)`,
    '',
    `If it wasn't you, reset your password: ${resetUrl}`,
  ].join('\n');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1a1a1a;max-width:32rem;margin:0 auto;padding:1.5rem">
<p>Someone entered a wrong password for your account several times, so new devices cannot sign in for the next ${minutesLocked} minutes. Devices you have signed in with before can still sign in.</p>
<p>If it was you, <a href="${escapeHtml(unlockUrl)}">unlock sign-in now</a> (the link works once, for ${minutesValid} minutes).</p>
<p>If it wasn't you, <a href="${escapeHtml(resetUrl)}">reset your password</a>.</p>
</body></html>`;
  return { to, subject, text, html, preview: `account locked · ${unlockUrl}` };
}
