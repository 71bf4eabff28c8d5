/**
 * @module Migration: sign-in security — lockout counters, trusted devices, rate-limit buckets,
 * used CAPTCHA solutions and the identities tried per IP (risk score). Frozen once landed.
 */
import type { Kysely } from 'kysely';

/** Creates the sign-in security tables. Valid on SQLite and PostgreSQL: text keys, ISO timestamps. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations outlive the current schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sign_in_counters')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('consecutive_failures', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('lock_count', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('devices')
    .addColumn('id', 'text', (col) => col.notNull())
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('last_seen_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('devices_pk', ['id', 'user_id'])
    .execute();
  await db.schema.createIndex('devices_user_id_idx').on('devices').column('user_id').execute();

  await db.schema
    .createTable('rate_limit_buckets')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('hits', 'integer', (col) => col.notNull())
    .addColumn('reset_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('rate_limit_buckets_reset_at_idx').on('rate_limit_buckets').column('reset_at').execute();

  await db.schema
    .createTable('captcha_solutions_used')
    .addColumn('solution_hash', 'text', (col) => col.primaryKey())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('captcha_solutions_used_expires_idx')
    .on('captcha_solutions_used')
    .column('expires_at')
    .execute();

  await db.schema
    .createTable('risk_identity_attempts')
    .addColumn('ip', 'text', (col) => col.notNull())
    .addColumn('identity_hash', 'text', (col) => col.notNull())
    .addColumn('last_seen_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('risk_identity_attempts_pk', ['ip', 'identity_hash'])
    .execute();
  await db.schema
    .createIndex('risk_identity_attempts_seen_idx')
    .on('risk_identity_attempts')
    .columns(['ip', 'last_seen_at'])
    .execute();
}

/** Drops the sign-in security tables. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations outlive the current schema types
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'risk_identity_attempts',
    'captcha_solutions_used',
    'rate_limit_buckets',
    'devices',
    'sign_in_counters',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
