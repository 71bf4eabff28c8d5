/**
 * @module Development-only routes: the dev outbox (`/dev/outbox`, `/dev/outbox.json`), where mail
 * sent by the embedded mailer can be read. Never mounted in production or with a real mailer.
 */
import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import type { DevOutboxMailer } from '../adapters/mail/dev-outbox.js';
import { escapeHtml } from '../html/escape-html.js';

/**
 * Creates the dev sub-app; mount it with `app.route('/dev', createDevRoutes(outbox))`.
 *
 * @example
 * app.route('/dev', createDevRoutes(new DevOutboxMailer({ db })));
 */
export function createDevRoutes(outbox: DevOutboxMailer): Hono {
  const dev = new Hono();

  dev.get('/outbox.json', async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await outbox.list());
  });

  dev.get('/outbox', async (c) => {
    const mails = await outbox.list();
    const nonce = randomBytes(16).toString('base64');
    const items = mails
      .map(
        (mail) => `<li><article>
  <h2>${escapeHtml(mail.subject)}</h2>
  <p class="meta">to ${escapeHtml(mail.to)} · <time datetime="${escapeHtml(mail.createdAt)}">${escapeHtml(mail.createdAt)}</time></p>
  <pre>${escapeHtml(mail.text)}</pre>
</article></li>`,
      )
      .join('\n');
    const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Foyer dev outbox</title>
<style nonce="${nonce}">
  body { font-family: system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
  ol { list-style: none; padding: 0; } li { border-bottom: 1px solid #ccc; padding: .5rem 0; }
  h2 { font-size: 1.1rem; margin: .2rem 0; } .meta { color: #666; margin: 0; }
  pre { white-space: pre-wrap; word-break: break-word; background: #f4f4f4; padding: .5rem; }
</style></head>
<body><h1>Dev outbox</h1><p>${mails.length} message(s), newest first. <a href="outbox.json">JSON</a></p>
<ol>${items}</ol></body></html>`;
    return c.html(html, 200, {
      'Content-Security-Policy': `default-src 'none'; style-src 'nonce-${nonce}'; base-uri 'none'; frame-ancestors 'none'`,
      'Cache-Control': 'no-store',
    });
  });

  return dev;
}
