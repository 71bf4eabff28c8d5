/** @module The `dev_mail` table: the development outbox, shared by every process on the database. */
import type { Insertable, Selectable } from 'kysely';

/** Columns of `dev_mail`: mail the dev outbox "sent". Never written when a real mailer is configured. */
export interface DevMailTable {
  id: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  created_at: string;
}

/** A dev mail as read from the database. */
export type DevMailRow = Selectable<DevMailTable>;
/** A dev mail to insert. */
export type NewDevMailRow = Insertable<DevMailTable>;
