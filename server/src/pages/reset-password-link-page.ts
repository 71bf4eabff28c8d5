/** @module The page a password-reset link opens: a new-password form (see `link-page.ts`). */
import { linkPageHeaders, renderLinkPage } from './link-page.js';

/** Response headers of the page. */
export const resetPasswordLinkPageHeaders = linkPageHeaders;

/** Renders the page; its form POSTs `{token, password}` to `../reset`, then goes to `appUrl`. */
export function renderResetPasswordLinkPage(input: { nonce: string; appUrl: string }): string {
  return renderLinkPage({
    ...input,
    title: 'Choose a new password',
    body: `<form id="reset" novalidate>
    <label for="password">New password</label>
    <input id="password" name="password" type="password" autocomplete="new-password" minlength="8" maxlength="128" required aria-describedby="status">
    <button id="submit" type="submit">Set new password</button>
  </form>`,
    controls: ['password', 'submit'],
    script: `  const form = document.getElementById('reset');
  const input = document.getElementById('password');
  const button = document.getElementById('submit');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    say('Saving…');
    try {
      const response = await post('../reset', { token, password: input.value });
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
  });`,
  });
}
