/** @module Queries for account changes behind step-up: the payout destination and a pending email change. */
import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { EmailChangeRequestTable } from '../tables/mfa.table.js';

/** Sets the user's payout destination (one per user). */
export async function upsertPayoutDestination(
  db: Kysely<Database>,
  values: { user_id: string; account_holder: string; iban: string; updated_at: string },
): Promise<void> {
  await db
    .insertInto('payout_destinations')
    .values(values)
    .onConflict((oc) =>
      oc
        .column('user_id')
        .doUpdateSet({ account_holder: values.account_holder, iban: values.iban, updated_at: values.updated_at }),
    )
    .execute();
}

/** Replaces the user's pending email change with one to `newEmail`. Two statements: `db` should be a transaction. */
export async function replaceEmailChangeRequest(
  db: Kysely<Database>,
  request: { user_id: string; new_email: string; created_at: string },
): Promise<void> {
  await db.deleteFrom('email_change_requests').where('user_id', '=', request.user_id).execute();
  await db.insertInto('email_change_requests').values(request).execute();
}

/** The user's pending email change, if any. */
export async function findEmailChangeRequest(
  db: Kysely<Database>,
  userId: string,
): Promise<EmailChangeRequestTable | undefined> {
  return db.selectFrom('email_change_requests').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/** True for a unique-index violation (PostgreSQL `23505`, SQLite `SQLITE_CONSTRAINT_UNIQUE`). */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * Moves the user to `email` (verified now) and ends the pending change. `false` when the address
 * belongs to another account by now — also when a parallel confirmation took it between the check
 * and the write (the unique index decides; PostgreSQL would otherwise answer with an error).
 */
export async function switchUserEmail(
  db: Kysely<Database>,
  userId: string,
  email: string,
  nowIso: string,
): Promise<boolean> {
  const taken = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  if (taken) return false;
  try {
    // A savepoint-free single statement: on PostgreSQL a failed statement aborts the transaction,
    // so the caller must not run more statements after `false`.
    await db
      .updateTable('users')
      .set({ email, email_verified_at: nowIso, updated_at: nowIso })
      .where('id', '=', userId)
      .execute();
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
  await db.deleteFrom('email_change_requests').where('user_id', '=', userId).execute();
  return true;
}
