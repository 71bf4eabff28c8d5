/**
 * @module The page an unlock link opens. A GET only shows a button: mail scanners prefetch links,
 * so the token is spent by the button's `POST /auth/unlock {token}`, never by the GET itself.
 */
import { escapeHtml, jsonForScript } from '../html/escape-html.js';

export { verifyEmailLinkPageHeaders as unlockLinkPageHeaders } from './verify-email-link-page.js';

/**
 * Renders the unlock page. Its script reads the token from the address (never echoed into the
 * HTML), removes it from the address bar, POSTs it to `../unlock` and then goes to `appUrl`.
 */
export function renderUnlockLinkPage(input: { nonce: string; appUrl: string }): string {
  const nonce = escapeHtml(input.nonce);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Unlock sign-in</title>
<style nonce="${nonce}">
  body { font-family: system-ui, sans-serif; max-width: 28rem; margin: 15vh auto; padding: 0 1.5rem; line-height: 1.5; color: #1a1a1a; }
  button { font: inherit; padding: .7rem 1.4rem; border: 0; border-radius: .5rem; background: #1f4fd1; color: #fff; cursor: pointer; }
  button:disabled { opacity: .6; cursor: default; }
  @media (prefers-color-scheme: dark) { body { background: #111; color: #eee; } }
</style>
</head>
<body>
<main>
  <h1>Unlock sign-in</h1>
  <p>Press the button to let sign-in to your account work again from any device.</p>
  <button id="unlock" type="button">Unlock sign-in</button>
  <p id="status" role="status" aria-live="polite"></p>
</main>
<script nonce="${nonce}">
(() => {
  const appUrl = ${jsonForScript(input.appUrl)};
  const token = new URLSearchParams(location.search).get('token');
  const button = document.getElementById('unlock');
  const status = document.getElementById('status');
  if (token) history.replaceState(null, '', location.pathname);
  if (!token) { button.disabled = true; status.textContent = 'This link is incomplete. Open it again from the email.'; return; }
  button.addEventListener('click', async () => {
    button.disabled = true;
    status.textContent = 'Unlocking…';
    try {
      const response = await fetch('../unlock', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ token }),
      });
      if (response.ok) { status.textContent = 'Sign-in is unlocked. Taking you back…'; location.assign(appUrl); return; }
      const body = await response.json().catch(() => null);
      status.textContent = body && body.error && body.error.code === 'code_expired'
        ? 'This link has expired. The lock ends by itself; you can also reset your password.'
        : 'This link is no longer valid. The lock ends by itself; you can also reset your password.';
    } catch {
      status.textContent = 'Could not reach the server. Try again.';
      button.disabled = false;
    }
  });
})();
</script>
</body>
</html>`;
}
