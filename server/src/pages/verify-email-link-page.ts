/**
 * @module The page a verification link opens. A GET only shows a button: mail scanners prefetch
 * links, so the token is consumed by the button's `POST {token}`, never by the GET itself.
 */
import { escapeHtml, jsonForScript } from '../html/escape-html.js';

/** Response headers for the page: a nonce-based CSP, no referrer (the URL holds the token), no caching. */
export function verifyEmailLinkPageHeaders(nonce: string): Record<string, string> {
  return {
    'Content-Security-Policy': `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  };
}

/**
 * Renders the confirmation page. Its script reads the token from the address (it is never echoed
 * into the HTML), removes it from the address bar, and POSTs it as JSON to `../verify-email`
 * (relative, so a mount prefix keeps working), then goes to `appUrl`.
 */
export function renderVerifyEmailLinkPage(input: { nonce: string; appUrl: string }): string {
  const nonce = escapeHtml(input.nonce);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Confirm your email</title>
<style nonce="${nonce}">
  body { font-family: system-ui, sans-serif; max-width: 28rem; margin: 15vh auto; padding: 0 1.5rem; line-height: 1.5; color: #1a1a1a; }
  button { font: inherit; padding: .7rem 1.4rem; border: 0; border-radius: .5rem; background: #1f4fd1; color: #fff; cursor: pointer; }
  button:disabled { opacity: .6; cursor: default; }
  @media (prefers-color-scheme: dark) { body { background: #111; color: #eee; } }
</style>
</head>
<body>
<main>
  <h1>Confirm your email</h1>
  <p>Press the button to confirm this email address and sign in.</p>
  <button id="confirm" type="button">Confirm my email</button>
  <p id="status" role="status" aria-live="polite"></p>
</main>
<script nonce="${nonce}">
(() => {
  const appUrl = ${jsonForScript(input.appUrl)};
  const token = new URLSearchParams(location.search).get('token');
  const button = document.getElementById('confirm');
  const status = document.getElementById('status');
  if (token) history.replaceState(null, '', location.pathname);
  if (!token) { button.disabled = true; status.textContent = 'This link is incomplete. Open it again from the email.'; return; }
  button.addEventListener('click', async () => {
    button.disabled = true;
    status.textContent = 'Confirming…';
    try {
      const response = await fetch('../verify-email', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ token }),
      });
      if (response.ok) { status.textContent = 'Email confirmed. Taking you back…'; location.assign(appUrl); return; }
      const body = await response.json().catch(() => null);
      status.textContent = body && body.error && body.error.code === 'code_expired'
        ? 'This link has expired. Ask for a new verification email.'
        : 'This link is no longer valid. Ask for a new verification email.';
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
