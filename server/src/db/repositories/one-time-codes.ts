/**
 * @module Queries on `one_time_codes`. Attempts are counted with one conditional UPDATE so that
 * parallel guesses (and several server instances) can never exceed the limit.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { NewOneTimeCodeRow, OneTimeCodePurpose, OneTimeCodeRow } from '../tables/one-time-code.table.js';

/**
 * Replaces the user's live code for this purpose: one live code per user and purpose. Runs in a
 * transaction (joins the caller's when `db` already is one).
 */
export async function replaceOneTimeCode(db: Kysely<Database>, code: NewOneTimeCodeRow): Promise<void> {
  const replace = async (trx: Kysely<Database>): Promise<void> => {
    await trx
      .deleteFrom('one_time_codes')
      .where('user_id', '=', code.user_id)
      .where('purpose', '=', code.purpose)
      .execute();
    await trx.insertInto('one_time_codes').values(code).execute();
  };
  if (db.isTransaction) await replace(db);
  else await db.transaction().execute(replace);
}

/** The user's current (unused) code for this purpose, if any. */
export async function findCurrentCode(
  db: Kysely<Database>,
  userId: string,
  purpose: OneTimeCodePurpose,
): Promise<OneTimeCodeRow | undefined> {
  return db
    .selectFrom('one_time_codes')
    .selectAll()
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

/** The code row whose link token has this hash, used or not. */
export async function findCodeByTokenHash(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<OneTimeCodeRow | undefined> {
  return db.selectFrom('one_time_codes').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/**
 * Spends one attempt on an unused code, atomically.
 * @returns the attempt number (1-based), or `undefined` when the limit was already reached or the
 * code was used meanwhile.
 */
export async function claimCodeAttempt(
  db: Kysely<Database>,
  codeId: string,
  maxAttempts: number,
): Promise<number | undefined> {
  const row = await db
    .updateTable('one_time_codes')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', codeId)
    .where('used_at', 'is', null)
    .where('attempts', '<', maxAttempts)
    .returning('attempts')
    .executeTakeFirst();
  return row === undefined ? undefined : Number(row.attempts);
}

/**
 * Marks a code used, atomically.
 * @returns `true` when this call used it (`false`: someone else did first).
 */
export async function markCodeUsed(db: Kysely<Database>, codeId: string, now: string): Promise<boolean> {
  const row = await db
    .updateTable('one_time_codes')
    .set({ used_at: now })
    .where('id', '=', codeId)
    .where('used_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}
