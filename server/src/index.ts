/** @module Public API of @foyer/server. */
export { createFoyerServer, type FoyerServer, type FoyerServerOptions } from './create-foyer-server.js';
export { createApp, type AppExtras } from './app.js';
export type { FoyerEnv, FoyerServerContext, SessionPolicy } from './server-context.js';
export type { Mailer, MailMessage } from './adapters/mail/mailer.js';
export { DevOutboxMailer, type DevOutboxEntry, type DevOutboxMailerOptions } from './adapters/mail/dev-outbox.js';
export { createSmtpMailer, type SmtpMailerOptions } from './adapters/mail/smtp.js';
export {
  BreachCheckUnavailableError,
  combineBreachCheckers,
  createHibpBreachChecker,
  createOfflineCorpusBreachChecker,
  type BreachChecker,
  type BreachVerdict,
  type HibpOptions,
  type OfflineCorpusOptions,
} from './adapters/breach/index.js';
export type { Database } from './db/database.js';
export { openDatabase, createDialect, dialectNameOf, type DatabaseConfig, type DialectName } from './db/dialect.js';
export { migrateToLatest, MIGRATIONS } from './db/migrate.js';
export { csrfProtection, type CsrfProtectionOptions } from './middleware/csrf/csrf.js';
export { jsonBodyOnly, type JsonBodyOnlyOptions } from './middleware/json-body/json-body.js';
export { requestLogger, createFoyerLogger, REDACTED_LOG_PATHS } from './middleware/logger/request-logger.js';
export { sessionLoader, type SessionVariables } from './middleware/session/session.js';
export { SESSION_COOKIE_NAME } from './middleware/session/session-cookie.js';
export { writeSlotData, type SlotWrite } from './onboarding/step-writes.js';
