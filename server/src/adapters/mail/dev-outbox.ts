/**
 * @module The development mailer: keeps every message in the `dev_mail` table (so several
 * processes share one outbox, shown at `/dev/outbox`) and prints a one-line preview.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { insertDevMail, listDevMail } from '../../db/repositories/dev-mail.js';
import type { Mailer, MailMessage } from './mailer.js';

/** A message as the dev outbox shows it. */
export interface DevOutboxEntry {
  to: string;
  subject: string;
  text: string;
  html: string;
  createdAt: string;
}

/** Options of {@link DevOutboxMailer}. */
export interface DevOutboxMailerOptions {
  db: Kysely<Database>;
  /** Clock for `createdAt`. @default () => new Date() */
  now?: () => Date;
  /** Where the one-line preview goes; `false` keeps quiet. @default console.log */
  print?: ((line: string) => void) | false;
}

let sequence = 0;

/** Ids that sort by time of sending, also across processes (wall clock first, then a counter). */
function sortableMailId(): string {
  sequence = (sequence + 1) % 1_000_000;
  return `${String(Date.now()).padStart(15, '0')}-${String(sequence).padStart(6, '0')}-${randomUUID().slice(0, 8)}`;
}

/**
 * Mailer for development: nothing leaves the machine.
 *
 * @example
 * const mailer = new DevOutboxMailer({ db });
 * await mailer.send({ to: 'ada@example.com', subject: 'Hi', text: 'Hi', html: '<p>Hi</p>' });
 * (await mailer.list())[0]?.subject // 'Hi'
 */
export class DevOutboxMailer implements Mailer {
  readonly #db: Kysely<Database>;
  readonly #now: () => Date;
  readonly #print: ((line: string) => void) | false;

  constructor(options: DevOutboxMailerOptions) {
    this.#db = options.db;
    this.#now = options.now ?? (() => new Date());
    this.#print = options.print ?? ((line) => console.log(line));
  }

  async send(message: MailMessage): Promise<void> {
    await insertDevMail(this.#db, {
      id: sortableMailId(),
      to_address: message.to,
      subject: message.subject,
      text_body: message.text,
      html_body: message.html,
      created_at: this.#now().toISOString(),
    });
    if (this.#print) this.#print(`[foyer dev mail] to ${message.to}: ${message.preview ?? message.subject}`);
  }

  /** Every stored message, newest first. */
  async list(limit?: number): Promise<DevOutboxEntry[]> {
    const rows = await listDevMail(this.#db, limit);
    return rows.map((row) => ({
      to: row.to_address,
      subject: row.subject,
      text: row.text_body,
      html: row.html_body,
      createdAt: row.created_at,
    }));
  }
}
