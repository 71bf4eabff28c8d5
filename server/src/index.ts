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
export { requireSession, sessionLoader, type SessionVariables } from './middleware/session/session.js';
export { SESSION_COOKIE_NAME } from './middleware/session/session-cookie.js';
export { requireStepUp, stepUpMethodsOf, type StepUpOptions, type StepUpMethod } from './middleware/step-up/index.js';
export { writeSlotData, type SlotWrite } from './onboarding/step-writes.js';
export {
  createAppleClientSecret,
  type AppleProviderOptions,
  type CustomOidcProviderOptions,
  type GoogleProviderOptions,
  type OAuthProvidersOption,
} from './oauth/providers.js';
export { oauthProvidersFromEnv } from './oauth/providers-from-env.js';
export type { SmsMessage, SmsSender } from './adapters/sms/sms.js';
export { DevSmsSink, DEV_SMS_SUBJECT, type DevSmsSinkOptions } from './adapters/sms/dev-sink.js';
export { createTwilioSmsSender, SmsDeliveryError, type TwilioSmsSenderOptions } from './adapters/sms/twilio.js';
export { phoneAndSmsFromEnv } from './adapters/sms/from-env.js';
export {
  sendPhoneCode,
  checkPhoneCode,
  normalizePhone,
  DEFAULT_PHONE_LIMITS,
  PHONE_CODE_TTL_MS,
  type PhoneCodePurpose,
  type PhoneLimits,
  type PhoneOptions,
  type NormalizedPhone,
} from './phone/index.js';
export { buildAccountExport } from './account/account-export.js';
export type { MediaRemovalScheduler } from './server-context.js';
