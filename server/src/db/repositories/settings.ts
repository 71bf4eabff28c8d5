/** @module Queries on `settings`, the server-wide key/value store. */
import type { Kysely } from 'kysely';
import type { Database } from '../database.js';

/** The value of a setting, if set. */
export async function getSetting(db: Kysely<Database>, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

/**
 * Stores `value` unless the key already has one, and returns the stored value: the first of
 * several racing processes wins and all of them agree on its value.
 */
export async function getOrInsertSetting(db: Kysely<Database>, key: string, value: string): Promise<string> {
  await db
    .insertInto('settings')
    .values({ key, value })
    .onConflict((conflict) => conflict.column('key').doNothing())
    .execute();
  const stored = await getSetting(db, key);
  if (stored === undefined) throw new Error(`Setting ${key} vanished after insert`);
  return stored;
}
