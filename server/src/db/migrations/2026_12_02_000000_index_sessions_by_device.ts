/**
 * @module Migration: one covering index for the sessions of a user, in place of two. Frozen once landed.
 *
 * Every sign-in asks which devices the user's 50 latest sessions came from (the new-device notice,
 * ../../auth/devices.ts). With `(user_id, created_at)` alone, each of those 50 rows was a lookup
 * into the table for its `ip_prefix` and `user_agent`; with both columns in the index the answer
 * is one range of one index. `sessions_user_id_idx (user_id)` is a prefix of the new index, which
 * serves every query and cascade on `user_id` as well, so it goes: one index fewer to update on
 * each session insert.
 */
import type { Kysely } from 'kysely';

/** Creates `sessions_user_devices_idx (user_id, created_at, ip_prefix, user_agent)`; drops the two it replaces. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations outlive the current schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('sessions_user_devices_idx')
    .on('sessions')
    .columns(['user_id', 'created_at', 'ip_prefix', 'user_agent'])
    .execute();
  await db.schema.dropIndex('sessions_user_created_idx').execute();
  await db.schema.dropIndex('sessions_user_id_idx').execute();
}

/** Restores the two indexes. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations outlive the current schema types
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('sessions_user_id_idx').on('sessions').column('user_id').execute();
  await db.schema.createIndex('sessions_user_created_idx').on('sessions').columns(['user_id', 'created_at']).execute();
  await db.schema.dropIndex('sessions_user_devices_idx').execute();
}
