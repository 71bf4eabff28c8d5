/** @module The `user_phones` table: phone numbers (E.164) added to accounts, verified by SMS code. */
import type { Insertable, Selectable, Updateable } from 'kysely';

/**
 * Columns of `user_phones`. A user has at most one verified number and at most one pending one; a
 * number is verified by at most one account (partial unique index on `phone` where verified).
 */
export interface UserPhoneTable {
  id: string;
  user_id: string;
  /** E.164, e.g. `+14155552671`. */
  phone: string;
  /** When the owner proved the number with a code; `null` while pending. */
  verified_at: string | null;
  created_at: string;
  updated_at: string;
}

/** A phone row as read. */
export type UserPhoneRow = Selectable<UserPhoneTable>;
/** A phone row to insert. */
export type NewUserPhoneRow = Insertable<UserPhoneTable>;
/** A partial update of a phone row. */
export type UserPhoneUpdate = Updateable<UserPhoneTable>;
