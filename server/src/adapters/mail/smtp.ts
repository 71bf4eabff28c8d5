/** @module The production mailer: nodemailer over SMTP, configured by a `smtp://` / `smtps://` URL. */
import { createTransport } from 'nodemailer';
import type { Mailer } from './mailer.js';

/** Options of {@link createSmtpMailer}. */
export interface SmtpMailerOptions {
  /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://host:465`. */
  url: string;
  /** Sender address. @default 'Foyer <no-reply@localhost>' */
  from?: string;
  /**
   * Skip STARTTLS even when the server offers it: only for a local test server.
   * @default false
   */
  ignoreTLS?: boolean;
}

/**
 * A {@link Mailer} that delivers through an SMTP server with a pooled nodemailer transport.
 *
 * @example
 * const mailer = createSmtpMailer({ url: process.env.SMTP_URL!, from: 'Studio <hello@studio.test>' });
 */
export function createSmtpMailer(options: SmtpMailerOptions): Mailer {
  const url = new URL(options.url);
  const secure = url.protocol === 'smtps:';
  const transport = createTransport({
    host: url.hostname,
    port: Number(url.port || (secure ? 465 : 587)),
    secure,
    ignoreTLS: options.ignoreTLS ?? false,
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
  });
  const from = options.from ?? 'Foyer <no-reply@localhost>';
  return {
    async send(message) {
      await transport.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
      });
    },
    async close() {
      transport.close();
    },
  };
}
