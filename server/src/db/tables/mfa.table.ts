/** @module The MFA tables: factors, recovery codes, WebAuthn challenges, pending sign-ins, payout and email-change records. */
import type { ColumnType, Insertable, Selectable } from 'kysely';

/** Columns of `mfa_factors`: one TOTP authenticator or one passkey. */
export interface MfaFactorTable {
  id: string;
  user_id: string;
  type: 'totp' | 'passkey';
  label: string;
  /** Base32 TOTP secret, sealed with the server secret (AES-256-GCM). */
  totp_secret: string | null;
  /** The last accepted TOTP time step: a code of this step or earlier is refused (no replay). */
  totp_last_step: ColumnType<number | null, number | null | undefined, number | null>;
  /** WebAuthn credential id (base64url); unique across users. */
  credential_id: string | null;
  /** COSE public key (base64url). */
  public_key: string | null;
  sign_count: ColumnType<number | null, number | null | undefined, number | null>;
  /** JSON array of transports. */
  transports: string | null;
  /** NULL while a TOTP setup waits for its first code. */
  confirmed_at: string | null;
  created_at: string;
  last_used_at: string | null;
}
export type MfaFactorRow = Selectable<MfaFactorTable>;
export type NewMfaFactorRow = Insertable<MfaFactorTable>;

/** Columns of `recovery_codes`: HMAC of each code, single use. */
export interface RecoveryCodeTable {
  id: string;
  user_id: string;
  code_hash: string;
  created_at: string;
  used_at: string | null;
}

/** Columns of `webauthn_challenges`: each challenge is single use and short-lived. */
export interface WebauthnChallengeTable {
  id: string;
  challenge: string;
  user_id: string | null;
  purpose: 'register' | 'authenticate';
  expires_at: string;
  used_at: string | null;
}

/** Columns of `mfa_pending_sign_ins`: a proven first factor waiting for a second one. */
export interface MfaPendingSignInTable {
  id: string;
  /** SHA-256 of the pending cookie's token. */
  token_hash: string;
  user_id: string;
  method: string;
  password_change_required: number | null;
  failed_attempts: ColumnType<number, number | undefined, number>;
  created_at: string;
  expires_at: string;
  consumed_at: string | null;
}
export type MfaPendingSignInRow = Selectable<MfaPendingSignInTable>;

/** Columns of `payout_destinations`: where payouts would go (the record only). */
export interface PayoutDestinationTable {
  user_id: string;
  account_holder: string;
  iban: string;
  updated_at: string;
}

/** Columns of `email_change_requests`: the address waiting for its code. */
export interface EmailChangeRequestTable {
  user_id: string;
  new_email: string;
  created_at: string;
}
