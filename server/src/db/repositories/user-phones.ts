/** @module Queries on `user_phones`. */
import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { UserPhoneRow } from '../tables/user-phone.table.js';

/** The account that verified `phone` (E.164), if any. */
export async function findVerifiedPhoneOwner(db: Kysely<Database>, phone: string): Promise<UserPhoneRow | undefined> {
  return db
    .selectFrom('user_phones')
    .selectAll()
    .where('phone', '=', phone)
    .where('verified_at', 'is not', null)
    .executeTakeFirst();
}

/** The user's phone rows, verified first. */
export async function listPhonesOfUser(db: Kysely<Database>, userId: string): Promise<UserPhoneRow[]> {
  const rows = await db.selectFrom('user_phones').selectAll().where('user_id', '=', userId).execute();
  return rows.sort(
    (a, b) =>
      Number(b.verified_at !== null) - Number(a.verified_at !== null) || b.created_at.localeCompare(a.created_at),
  );
}

/** Replaces the user's pending (unverified) number with `row`. */
export async function replacePendingPhone(db: Kysely<Database>, row: UserPhoneRow): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('user_phones').where('user_id', '=', row.user_id).where('verified_at', 'is', null).execute();
    await trx.insertInto('user_phones').values(row).execute();
  });
}

/**
 * Makes the pending row the user's one verified number (dropping any other row of the user).
 * `db` should be a transaction. @returns `false` when the pending row is gone
 */
export async function promotePendingPhone(
  db: Kysely<Database>,
  userId: string,
  rowId: string,
  now: string,
): Promise<boolean> {
  await db.deleteFrom('user_phones').where('user_id', '=', userId).where('id', '!=', rowId).execute();
  const updated = await db
    .updateTable('user_phones')
    .set({ verified_at: now, updated_at: now })
    .where('id', '=', rowId)
    .where('user_id', '=', userId)
    .where('verified_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return updated !== undefined;
}

/** Removes every number of the user. @returns how many rows went */
export async function deletePhonesOfUser(db: Kysely<Database>, userId: string): Promise<number> {
  const result = await db.deleteFrom('user_phones').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}
