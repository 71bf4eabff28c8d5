/** @module The `risk_identity_attempts` table: which identities an IP tried to sign in as, for the risk score. */
import type { Selectable } from 'kysely';

/** Columns of `risk_identity_attempts`: one row per (IP, identity), refreshed on each attempt. */
export interface RiskIdentityAttemptTable {
  ip: string;
  /** SHA-256 of the normalised email; the email itself is not kept. */
  identity_hash: string;
  last_seen_at: string;
}

export type RiskIdentityAttemptRow = Selectable<RiskIdentityAttemptTable>;
