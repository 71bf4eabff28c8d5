/** @module Migration: phone numbers of accounts and account-deletion confirmations. Frozen once landed. */
import { sql, type Kysely } from 'kysely';

/**
 * Creates `user_phones` (a number is verified by at most one account: partial unique index) and
 * `account_deletion_requests` (hashed, single-use confirm tokens). Valid on SQLite and PostgreSQL.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations outlive the current schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('user_phones')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('phone', 'text', (col) => col.notNull())
    .addColumn('verified_at', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('user_phones_user_id_idx').on('user_phones').column('user_id').execute();
  await db.schema
    .createIndex('user_phones_verified_phone_idx')
    .on('user_phones')
    .column('phone')
    .unique()
    .where(sql.ref('verified_at'), 'is not', null)
    .execute();

  await db.schema
    .createTable('account_deletion_requests')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .addColumn('used_at', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('account_deletion_requests_user_id_idx')
    .on('account_deletion_requests')
    .column('user_id')
    .execute();
}

/** Drops the tables. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations outlive the current schema types
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['account_deletion_requests', 'user_phones']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
