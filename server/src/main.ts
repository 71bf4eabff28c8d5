/**
 * @module `npm start`: runs Foyer alone, configured by environment variables, serving the example
 * host page and the built bundles next to the API.
 *
 * PORT (8787) · DATABASE_URL (unset → SQLite at ./data/foyer.db; `sqlite:PATH`; `postgres://…`) ·
 * SMTP_URL (unset → dev outbox; required with NODE_ENV=production) · MAIL_FROM ·
 * NODE_ENV=production (no dev outbox, no dev routes, no dev SMS sink: refuses to start without SMTP_URL) ·
 * PUBLIC_URL (http://localhost:PORT) · FOYER_ORIGINS (comma-separated partner origins) ·
 * FOYER_SECRET · LOG_LEVEL (info) · GOOGLE_CLIENT_ID, GOOGLE_CLIENT_SECRET · APPLE_CLIENT_ID,
 * APPLE_TEAM_ID, APPLE_KEY_ID, APPLE_PRIVATE_KEY or APPLE_PRIVATE_KEY_FILE (docs/social-sign-in.md) ·
 * PHONE_COUNTRIES (e.g. US,DE; unset → SMS sign-in off), PHONE_DEFAULT_COUNTRY · TWILIO_ACCOUNT_SID,
 * TWILIO_AUTH_TOKEN, TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID, SMS_URL (unset → dev sink: SMS in /dev/outbox;
 * required with PHONE_COUNTRIES and NODE_ENV=production)
 */
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createSmtpMailer } from './adapters/mail/smtp.js';
import { createFoyerServer } from './create-foyer-server.js';
import { phoneAndSmsFromEnv } from './adapters/sms/from-env.js';
import { redactUrl } from './db/dialect.js';
import { oauthProvidersFromEnv } from './oauth/providers-from-env.js';

/** The repository root: two levels up from both `server/src/main.ts` and `server/dist/main.js`. */
const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

const port = Number(process.env.PORT ?? 8787);
const publicUrl = process.env.PUBLIC_URL ?? `http://localhost:${port}`;
const databaseUrl = process.env.DATABASE_URL || 'sqlite:./data/foyer.db';
const smtpUrl = process.env.SMTP_URL;
const origins = (process.env.FOYER_ORIGINS ?? '')
  .split(',')
  .map((origin) => origin.trim())
  .filter(Boolean);

// A configuration that would leak secrets (production without a mailer) or mail links on a
// guessed host is refused at startup: say why in one line, not a stack trace.
const foyer = await createFoyerServer({
  db: databaseUrl,
  publicUrl,
  origins,
  ...(smtpUrl
    ? { mailer: createSmtpMailer({ url: smtpUrl, ...(process.env.MAIL_FROM ? { from: process.env.MAIL_FROM } : {}) }) }
    : {}),
  ...(process.env.FOYER_SECRET ? { secret: process.env.FOYER_SECRET } : {}),
  devRoutes: process.env.NODE_ENV !== 'production',
  staticRoot: repositoryRoot,
  providers: oauthProvidersFromEnv(process.env),
  ...phoneAndSmsFromEnv(process.env),
}).catch((error: unknown) => {
  console.error(`Foyer did not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

const server = serve({ fetch: foyer.app.fetch, port }, () => {
  console.log(`Foyer listening on http://localhost:${port}`);
  console.log(
    `  database: ${redactUrl(databaseUrl)} · mail: ${smtpUrl ? 'SMTP' : `dev outbox (${publicUrl}/dev/outbox)`}`,
  );
});

let shuttingDown = false;
async function shutdown(signal: string): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  console.log(`Foyer: ${signal} received, closing`);
  const forceExit = setTimeout(() => process.exit(1), 10_000);
  forceExit.unref();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await foyer.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
