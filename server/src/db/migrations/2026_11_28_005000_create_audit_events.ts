/** @module Migration: the append-only `audit_events` table. Frozen once landed. */
import type { Kysely } from 'kysely';

/** Creates `audit_events` with indexes for a user's history and for recent events by type. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations outlive the current schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('user_id', 'text')
    .addColumn('identity_hash', 'text')
    .addColumn('request_id', 'text')
    .addColumn('ip_prefix', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('details', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('audit_events_user_idx').on('audit_events').columns(['user_id', 'created_at']).execute();
  await db.schema.createIndex('audit_events_type_idx').on('audit_events').columns(['type', 'created_at']).execute();
}

/** Drops `audit_events`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations outlive the current schema types
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_events').execute();
}
