/** @module The page an unlock link opens: a button that lifts the sign-in lock (see `link-page.ts`). */
import { linkPageHeaders, renderLinkPage } from './link-page.js';

/** Response headers of the page. */
export const unlockLinkPageHeaders = linkPageHeaders;

/** Renders the page; its button POSTs `{token}` to `../unlock`, then goes to `appUrl`. */
export function renderUnlockLinkPage(input: { nonce: string; appUrl: string }): string {
  return renderLinkPage({
    ...input,
    title: 'Unlock sign-in',
    body: `<p>Press the button to let sign-in to your account work again from any device.</p>
  <button id="unlock" type="button">Unlock sign-in</button>`,
    controls: ['unlock'],
    script: `  const button = document.getElementById('unlock');
  button.addEventListener('click', async () => {
    button.disabled = true;
    say('Unlocking…');
    try {
      const response = await post('../unlock', { token });
      if (response.ok) { say('Sign-in is unlocked. Taking you back…'); location.assign(appUrl); return; }
      const body = await response.json().catch(() => null);
      say(body && body.error && body.error.code === 'code_expired'
        ? 'This link has expired. The lock ends by itself; you can also reset your password.'
        : 'This link is no longer valid. The lock ends by itself; you can also reset your password.');
    } catch {
      say('Could not reach the server. Try again.');
      button.disabled = false;
    }
  });`,
  });
}
