/** @module Queries on `audit_events`, the append-only security log (account deletion anonymises, never deletes). */
import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { NewAuditEventRow } from '../tables/audit-event.table.js';

/** Appends one event. `db` may be a transaction (the event then lands with the change it records). */
export async function insertAuditEvent(db: Kysely<Database>, event: NewAuditEventRow): Promise<void> {
  await db.insertInto('audit_events').values(event).execute();
}

/**
 * Strips from the user's events everything that identifies the user (user id, identity hash, IP
 * prefix, user agent) and replaces their details with `details` (JSON text). `db` should be the
 * deletion's transaction.
 */
export async function anonymiseAuditEventsOfUser(db: Kysely<Database>, userId: string, details: string): Promise<void> {
  await db
    .updateTable('audit_events')
    .set({ user_id: null, identity_hash: null, ip_prefix: null, user_agent: null, details })
    .where('user_id', '=', userId)
    .execute();
}
