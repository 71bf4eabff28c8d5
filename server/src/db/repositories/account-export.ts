/**
 * @module Reads for the data export: the rows of one user across tables. What is exported (and
 * which columns are secret) is decided in `account/account-export.ts`; these only read.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { AuditEventRow } from '../tables/audit-event.table.js';
import type { SessionRow } from '../tables/session.table.js';

/** A table with a `user_id` column. */
export type UserOwnedTable = {
  [T in keyof Database]: 'user_id' extends keyof Database[T] ? T : never;
}[keyof Database];

/** The session columns the export shows (never the token hash), oldest session first. */
export async function listSessionsForExport(
  db: Kysely<Database>,
  userId: string,
): Promise<
  Pick<
    SessionRow,
    'id' | 'created_at' | 'last_seen_at' | 'idle_expires_at' | 'expires_at' | 'revoked_at' | 'user_agent' | 'ip_prefix'
  >[]
> {
  return db
    .selectFrom('sessions')
    .select([
      'id',
      'created_at',
      'last_seen_at',
      'idle_expires_at',
      'expires_at',
      'revoked_at',
      'user_agent',
      'ip_prefix',
    ])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
}

/** Every row (all columns) of `table` that belongs to the user; the caller drops secret columns. */
export async function listRowsOfUser(
  db: Kysely<Database>,
  table: UserOwnedTable,
  userId: string,
): Promise<Record<string, unknown>[]> {
  // One query shape for several tables: the table name is a union Kysely cannot narrow per row.
  const anyDb = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  return (await anyDb.selectFrom(table).selectAll().where('user_id', '=', userId).execute()) as Record<
    string,
    unknown
  >[];
}

/** The user's audit events without the identity hash, oldest first. */
export async function listAuditEventsForExport(
  db: Kysely<Database>,
  userId: string,
): Promise<
  Pick<AuditEventRow, 'id' | 'type' | 'request_id' | 'ip_prefix' | 'user_agent' | 'details' | 'created_at'>[]
> {
  return db
    .selectFrom('audit_events')
    .select(['id', 'type', 'request_id', 'ip_prefix', 'user_agent', 'details', 'created_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
}
