/** @module The auth emails: verification (code + link) and "someone tried to sign up with your email". */
import type { MailMessage } from '../adapters/mail/mailer.js';
import { escapeHtml } from '../html/escape-html.js';

/** Wraps body HTML in a minimal, mail-client-safe document. */
function layout(title: string, bodyHtml: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1a1a1a;max-width:32rem;margin:0 auto;padding:1.5rem">
${bodyHtml}
</body></html>`;
}

/**
 * The verification email: the 6-digit code to type, and a link that opens a confirmation page.
 *
 * @example
 * verificationEmail({ to: 'ada@example.com', code: '042917', link: 'https://app.test/auth/verify-email/link?token=…', minutesValid: 15 })
 */
export function verificationEmail(input: {
  to: string;
  code: string;
  link: string;
  minutesValid: number;
}): MailMessage {
  const { to, code, link, minutesValid } = input;
  const subject = `${code} is your verification code`;
  const text = [
    `Your verification code is ${code}`,
    '',
    `Or confirm your email with this link: ${link}`,
    '',
    `The code and link work once and expire in ${minutesValid} minutes.`,
    "If you didn't create an account, ignore this email.",
  ].join('\n');
  const html = layout(
    subject,
    `<p>Your verification code is</p>
<p style="font-size:2rem;font-weight:700;letter-spacing:.3rem;font-family:ui-monospace,monospace">${escapeHtml(code)}</p>
<p>Or <a href="${escapeHtml(link)}">confirm your email with this link</a>.</p>
<p style="color:#555">The code and link work once and expire in ${minutesValid} minutes. If you didn't create an account, ignore this email.</p>`,
  );
  return { to, subject, text, html, preview: `code ${code} · ${link}` };
}

/**
 * Sent to the owner of an existing account when someone signs up with their email: the sign-up
 * answer itself never tells whether the email was taken.
 */
export function signUpAttemptEmail(input: { to: string; signInUrl: string }): MailMessage {
  const { to, signInUrl } = input;
  const subject = 'Someone tried to sign up with your email';
  const text = [
    'Someone (maybe you) tried to create a new account with this email address, which already has an account.',
    '',
    `If it was you, sign in instead: ${signInUrl}`,
    "If it wasn't you, you can ignore this email: nothing has changed.",
  ].join('\n');
  const html = layout(
    subject,
    `<p>Someone (maybe you) tried to create a new account with this email address, which already has an account.</p>
<p>If it was you, <a href="${escapeHtml(signInUrl)}">sign in instead</a>.</p>
<p style="color:#555">If it wasn't you, you can ignore this email: nothing has changed.</p>`,
  );
  return { to, subject, text, html, preview: 'sign-up attempt on an existing account' };
}
