/**
 * @module Queries of account deletion: the single-use confirm tokens in `account_deletion_requests`
 * and the sweep that deletes every row of a user.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import type {
  AccountDeletionRequestRow,
  NewAccountDeletionRequestRow,
} from '../tables/account-deletion-request.table.js';
import type { UserOwnedTable } from './account-export.js';

/**
 * Tables whose rows of the user are deleted, children first. `users` goes last; every table here
 * also cascades from it, the explicit list documents the intent and survives a missing cascade.
 */
const USER_TABLES = [
  'sessions',
  'one_time_codes',
  'user_phones',
  'devices',
  'onboarding_steps',
  'onboarding_tracks',
  'public_profiles',
  'mfa_factors',
  'recovery_codes',
  'webauthn_challenges',
  'mfa_pending_sign_ins',
  'oauth_accounts',
  'payout_destinations',
  'email_change_requests',
  'account_deletion_requests',
] as const satisfies readonly UserOwnedTable[];

/**
 * Replaces the user's unused deletion requests with `request`: one live confirm token per user.
 * Runs in a transaction (joins the caller's when `db` already is one).
 */
export async function replaceDeletionRequest(
  db: Kysely<Database>,
  request: NewAccountDeletionRequestRow,
): Promise<void> {
  const replace = async (trx: Kysely<Database>): Promise<void> => {
    await trx
      .deleteFrom('account_deletion_requests')
      .where('user_id', '=', request.user_id)
      .where('used_at', 'is', null)
      .execute();
    await trx.insertInto('account_deletion_requests').values(request).execute();
  };
  if (db.isTransaction) await replace(db);
  else await db.transaction().execute(replace);
}

/** The deletion request whose token has this hash, used or not, whoever it belongs to. */
export async function findDeletionRequestByTokenHash(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<AccountDeletionRequestRow | undefined> {
  return db.selectFrom('account_deletion_requests').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/**
 * Spends a deletion request: one conditional UPDATE (single use, also against a parallel request).
 * @returns `true` when this call spent it
 */
export async function markDeletionRequestUsed(
  db: Kysely<Database>,
  requestId: string,
  nowIso: string,
): Promise<boolean> {
  const spent = await db
    .updateTable('account_deletion_requests')
    .set({ used_at: nowIso })
    .where('id', '=', requestId)
    .where('used_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return spent !== undefined;
}

/**
 * Deletes every row of the user, table by table (children first), then the user. Many
 * statements: `db` should be the deletion's transaction.
 */
export async function deleteUserAndRows(db: Kysely<Database>, userId: string): Promise<void> {
  // One statement shape for several tables: the table name is a union Kysely cannot narrow.
  const anyDb = db as unknown as Kysely<Record<string, { user_id: string }>>;
  for (const table of USER_TABLES) await anyDb.deleteFrom(table).where('user_id', '=', userId).execute();
  await db.deleteFrom('users').where('id', '=', userId).execute();
}
