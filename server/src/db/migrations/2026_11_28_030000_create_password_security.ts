/**
 * @module Migration: password security. Sessions gain `password_change_required` (set when the
 * password used to sign in is known breached). Reset codes reuse `one_time_codes` (purpose
 * `reset_password`); device names are parsed from `sessions.user_agent` when read. Frozen once landed.
 */
import type { Kysely } from 'kysely';

/** Adds `sessions.password_change_required` (1 or NULL) and an index for the new-device lookup. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations outlive the current schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sessions').addColumn('password_change_required', 'integer').execute();
  await db.schema.createIndex('sessions_user_created_idx').on('sessions').columns(['user_id', 'created_at']).execute();
}

/** Drops them again. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations outlive the current schema types
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('sessions_user_created_idx').execute();
  await db.schema.alterTable('sessions').dropColumn('password_change_required').execute();
}
