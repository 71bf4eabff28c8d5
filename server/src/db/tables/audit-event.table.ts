/** @module The `audit_events` table: an append-only record of every security event. */
import type { Insertable, Selectable } from 'kysely';

/**
 * Columns of `audit_events`. Append-only: rows are inserted, never updated or deleted (account
 * deletion anonymises `user_id`). Never holds passwords, codes, tokens or full IP addresses.
 */
export interface AuditEventTable {
  id: string;
  /** Dot-namespaced event type, e.g. `sign_in.failed`, `account.locked`, `device.new`. */
  type: string;
  /** The user concerned, when known. */
  user_id: string | null;
  /** SHA-256 of the normalised identity (email) tried, so attacks on unknown emails are traceable without storing them. */
  identity_hash: string | null;
  request_id: string | null;
  /** `/24` (IPv4) or `/64` (IPv6). */
  ip_prefix: string | null;
  user_agent: string | null;
  /** JSON object with event-specific facts (risk score and reasons, lock length…). */
  details: string;
  created_at: string;
}

/** An audit event as read from the database. */
export type AuditEventRow = Selectable<AuditEventTable>;
/** An audit event to insert. */
export type NewAuditEventRow = Insertable<AuditEventTable>;
