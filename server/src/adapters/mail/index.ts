/** @module Mail adapters: the interface, the dev outbox and SMTP. */
export type { Mailer, MailMessage } from './mailer.js';
export { DevOutboxMailer, type DevOutboxEntry, type DevOutboxMailerOptions } from './dev-outbox.js';
export { createSmtpMailer, type SmtpMailerOptions } from './smtp.js';
