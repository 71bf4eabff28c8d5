/** @module Queries on `dev_mail`, the development outbox. */
import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { DevMailRow, NewDevMailRow } from '../tables/dev-mail.table.js';

/** Stores one mail in the dev outbox. */
export async function insertDevMail(db: Kysely<Database>, mail: NewDevMailRow): Promise<void> {
  await db.insertInto('dev_mail').values(mail).execute();
}

/** The newest mail first (ids sort by time of sending), at most `limit`. */
export async function listDevMail(db: Kysely<Database>, limit = 200): Promise<DevMailRow[]> {
  return db.selectFrom('dev_mail').selectAll().orderBy('id', 'desc').limit(limit).execute();
}
