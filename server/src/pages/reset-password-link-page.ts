/**
 * @module The page a password-reset link opens: a new-password form. The GET never consumes the
 * token (mail scanners prefetch links); the form's `POST {token, password}` does.
 */
import { escapeHtml, jsonForScript } from '../html/escape-html.js';
import { verifyEmailLinkPageHeaders } from './verify-email-link-page.js';

/** Response headers: nonce-based CSP, no referrer (the URL holds the token), no caching. */
export const resetPasswordLinkPageHeaders = verifyEmailLinkPageHeaders;

/**
 * Renders the reset page. Its script reads the token from the address (never echoed into the
 * HTML), removes it from the address bar, and POSTs `{token, password}` as JSON to `../reset`
 * (relative, so a mount prefix keeps working), then goes to `appUrl`.
 */
export function renderResetPasswordLinkPage(input: { nonce: string; appUrl: string }): string {
  const nonce = escapeHtml(input.nonce);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Choose a new password</title>
<style nonce="${nonce}">
  body { font-family: system-ui, sans-serif; max-width: 28rem; margin: 15vh auto; padding: 0 1.5rem; line-height: 1.5; color: #1a1a1a; }
  label { display: block; font-weight: 600; margin-bottom: .3rem; }
  input { font: inherit; width: 100%; box-sizing: border-box; padding: .6rem; border: 1px solid #888; border-radius: .4rem; }
  button { font: inherit; margin-top: 1rem; padding: .7rem 1.4rem; border: 0; border-radius: .5rem; background: #1f4fd1; color: #fff; cursor: pointer; }
  button:disabled { opacity: .6; cursor: default; }
  #status ul { margin: .3rem 0 0; padding-left: 1.2rem; }
  @media (prefers-color-scheme: dark) { body { background: #111; color: #eee; } input { background: #222; color: #eee; } }
</style>
</head>
<body>
<main>
  <h1>Choose a new password</h1>
  <form id="reset" novalidate>
    <label for="password">New password</label>
    <input id="password" name="password" type="password" autocomplete="new-password" minlength="8" maxlength="128" required aria-describedby="status">
    <button id="submit" type="submit">Set new password</button>
  </form>
  <div id="status" role="status" aria-live="polite"></div>
</main>
<script nonce="${nonce}">
(() => {
  const appUrl = ${jsonForScript(input.appUrl)};
  const token = new URLSearchParams(location.search).get('token');
  const form = document.getElementById('reset');
  const input = document.getElementById('password');
  const button = document.getElementById('submit');
  const status = document.getElementById('status');
  const say = (message, hints) => {
    status.textContent = message;
    if (hints && hints.length) {
      const list = document.createElement('ul');
      for (const hint of hints) { const item = document.createElement('li'); item.textContent = hint; list.append(item); }
      status.append(list);
    }
  };
  if (token) history.replaceState(null, '', location.pathname);
  if (!token) { button.disabled = true; input.disabled = true; say('This link is incomplete. Open it again from the email.'); return; }
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    say('Saving…');
    try {
      const response = await fetch('../reset', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ token, password: input.value }),
      });
      if (response.ok) { say('Your password was changed. Taking you back…'); location.assign(appUrl); return; }
      const body = await response.json().catch(() => null);
      const error = (body && body.error) || {};
      if (error.code === 'weak_password' || error.code === 'password_breached' || error.code === 'invalid_input') {
        const details = error.details || {};
        say(error.message || 'Choose a stronger password.', [details.warning, ...(details.suggestions || [])].filter(Boolean));
        button.disabled = false;
        input.focus();
        return;
      }
      say(error.code === 'code_expired'
        ? 'This link has expired. Ask for a new password reset email.'
        : 'This link is no longer valid. Ask for a new password reset email.');
    } catch {
      say('Could not reach the server. Try again.');
      button.disabled = false;
    }
  });
})();
</script>
</body>
</html>`;
}
