/** @module The `account_deletion_requests` table: single-use confirm tokens for `DELETE /account`. */
import type { Insertable, Selectable } from 'kysely';

/** Columns of `account_deletion_requests`. The token is stored as SHA-256 only. */
export interface AccountDeletionRequestTable {
  id: string;
  user_id: string;
  /** SHA-256 (base64url) of the confirm token; unique. */
  token_hash: string;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

/** A deletion request as read. */
export type AccountDeletionRequestRow = Selectable<AccountDeletionRequestTable>;
/** A deletion request to insert. */
export type NewAccountDeletionRequestRow = Insertable<AccountDeletionRequestTable>;
