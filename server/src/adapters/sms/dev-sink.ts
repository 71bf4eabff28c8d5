/**
 * @module The development SMS sink: nothing leaves the machine. Each message lands in the dev
 * outbox (the `dev_mail` table, so `/dev/outbox` shows it with the subject `SMS`, `to` being the
 * number) and a one-line preview is printed.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { escapeHtml } from '../../html/escape-html.js';
import { DevOutboxMailer } from '../mail/dev-outbox.js';
import type { SmsMessage, SmsSender } from './sms.js';

/** Subject under which text messages appear in the dev outbox. */
export const DEV_SMS_SUBJECT = 'SMS';

/** Options of {@link DevSmsSink}. */
export interface DevSmsSinkOptions {
  db: Kysely<Database>;
  /** Clock for `createdAt`. @default () => new Date() */
  now?: () => Date;
  /** Where the one-line preview goes; `false` keeps quiet. @default console.log */
  print?: ((line: string) => void) | false;
}

/**
 * SMS sender for development: stores messages in the dev outbox.
 *
 * @example
 * const sms = new DevSmsSink({ db });
 * await sms.send({ to: '+14155552671', body: 'Your code is 123456' });
 */
export class DevSmsSink implements SmsSender {
  readonly #outbox: DevOutboxMailer;
  readonly #print: ((line: string) => void) | false;

  constructor(options: DevSmsSinkOptions) {
    this.#outbox = new DevOutboxMailer({ db: options.db, ...(options.now ? { now: options.now } : {}), print: false });
    this.#print = options.print ?? ((line) => console.log(line));
  }

  async send(message: SmsMessage): Promise<void> {
    await this.#outbox.send({
      to: message.to,
      subject: DEV_SMS_SUBJECT,
      text: message.body,
      html: `<pre>${escapeHtml(message.body)}</pre>`,
    });
    if (this.#print) this.#print(`[dev sms] to ${message.to}: ${message.body}`);
  }
}
