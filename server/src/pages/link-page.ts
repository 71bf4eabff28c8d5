/**
 * @module The shell of every page an email link opens (verify email, reset password, unlock).
 * A GET only shows the page: mail scanners prefetch links, so the token is spent by the page's
 * own `POST`, never by the GET. The token is read from the address by the page's script (never
 * echoed into the HTML) and removed from the address bar at once; a nonce-based CSP allows only
 * the page's own inline script and style.
 */
import { escapeHtml, jsonForScript } from '../html/escape-html.js';

/** Response headers: nonce-based CSP, no referrer (the URL holds the token), no caching. */
export function linkPageHeaders(nonce: string): Record<string, string> {
  return {
    'Content-Security-Policy': `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  };
}

/** What one link page shows and does. Every string but `appUrl` is the server's own static text. */
export interface LinkPage {
  nonce: string;
  /** Where the page goes after success. */
  appUrl: string;
  /** `<title>` and heading. */
  title: string;
  /** The page's controls (static HTML). */
  body: string;
  /** Ids of the controls to disable when the address has no token. */
  controls: readonly string[];
  /**
   * The page's behaviour (static JS), run only when a token is present, with `token`, `appUrl`,
   * `say(message, hints?)` (writes the live status) and `post(path, body)` (a same-origin JSON POST) in scope.
   */
  script: string;
}

/** Renders a link page. */
export function renderLinkPage(page: LinkPage): string {
  const nonce = escapeHtml(page.nonce);
  const title = escapeHtml(page.title);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title}</title>
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
  <h1>${title}</h1>
  ${page.body}
  <div id="status" role="status" aria-live="polite"></div>
</main>
<script nonce="${nonce}">
(() => {
  const appUrl = ${jsonForScript(page.appUrl)};
  const token = new URLSearchParams(location.search).get('token');
  const status = document.getElementById('status');
  const say = (message, hints) => {
    status.textContent = message;
    if (hints && hints.length) {
      const list = document.createElement('ul');
      for (const hint of hints) { const item = document.createElement('li'); item.textContent = hint; list.append(item); }
      status.append(list);
    }
  };
  const post = (path, body) => fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
  if (token) history.replaceState(null, '', location.pathname);
  if (!token) {
    for (const id of ${jsonForScript(page.controls)}) document.getElementById(id).disabled = true;
    say('This link is incomplete. Open it again from the email.');
    return;
  }
${page.script}
})();
</script>
</body>
</html>`;
}
