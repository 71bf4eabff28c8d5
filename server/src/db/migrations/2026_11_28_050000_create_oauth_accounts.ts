/**
 * @module Migration: social sign-in. `oauth_accounts` links a provider identity (provider,
 * subject) to a user. Social-only users keep a `password_hash`: the argon2id hash of a random
 * password nobody knows, so password sign-in fails in the usual time and a reset can set one.
 * Frozen once landed.
 */
import type { Kysely } from 'kysely';

/** Creates `oauth_accounts` with its (provider, subject) key and a `user_id` index. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations outlive the current schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('oauth_accounts')
    .addColumn('provider', 'text', (col) => col.notNull())
    .addColumn('subject', 'text', (col) => col.notNull())
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('email', 'text', (col) => col.notNull())
    .addColumn('name', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('oauth_accounts_pk', ['provider', 'subject'])
    .execute();
  await db.schema.createIndex('oauth_accounts_user_idx').on('oauth_accounts').column('user_id').execute();
}

/** Drops it again. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations outlive the current schema types
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('oauth_accounts').execute();
}
