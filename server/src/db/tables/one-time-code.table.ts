/** @module The `one_time_codes` table: hashed 6-digit codes and link tokens sent by email. */
import type { Insertable, Selectable, Updateable } from 'kysely';

/** What a one-time code proves. */
export type OneTimeCodePurpose =
  'verify_email' | 'reset_password' | 'unlock' | 'phone_sign_in' | 'phone_verify' | 'phone_mfa' | 'change_email';

/** Columns of `one_time_codes`. One live row per user and purpose; a new one replaces the old. */
export interface OneTimeCodeTable {
  id: string;
  user_id: string;
  purpose: OneTimeCodePurpose;
  /** HMAC-SHA-256 (base64url) of the 6-digit code, keyed with the server secret. */
  code_hash: string;
  /** SHA-256 (base64url) of the link token; unique. */
  token_hash: string;
  /** Wrong and right tries so far; the code dies at the limit. */
  attempts: number;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

/** A one-time code as read from the database. */
export type OneTimeCodeRow = Selectable<OneTimeCodeTable>;
/** A one-time code to insert. */
export type NewOneTimeCodeRow = Insertable<OneTimeCodeTable>;
/** A partial update of a one-time code. */
export type OneTimeCodeUpdate = Updateable<OneTimeCodeTable>;
