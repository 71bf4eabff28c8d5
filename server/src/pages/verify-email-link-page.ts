/** @module The page a verification link opens: a button that confirms the email (see `link-page.ts`). */
import { linkPageHeaders, renderLinkPage } from './link-page.js';

/** Response headers of the page. */
export const verifyEmailLinkPageHeaders = linkPageHeaders;

/** Renders the page; its button POSTs `{token}` to `../verify-email` (relative: mount prefixes keep working), then goes to `appUrl`. */
export function renderVerifyEmailLinkPage(input: { nonce: string; appUrl: string }): string {
  return renderLinkPage({
    ...input,
    title: 'Confirm your email',
    body: `<p>Press the button to confirm this email address and sign in.</p>
  <button id="confirm" type="button">Confirm my email</button>`,
    controls: ['confirm'],
    script: `  const button = document.getElementById('confirm');
  button.addEventListener('click', async () => {
    button.disabled = true;
    say('Confirming…');
    try {
      const response = await post('../verify-email', { token });
      if (response.ok) { say('Email confirmed. Taking you back…'); location.assign(appUrl); return; }
      const body = await response.json().catch(() => null);
      say(body && body.error && body.error.code === 'code_expired'
        ? 'This link has expired. Ask for a new verification email.'
        : 'This link is no longer valid. Ask for a new verification email.');
    } catch {
      say('Could not reach the server. Try again.');
      button.disabled = false;
    }
  });`,
  });
}
