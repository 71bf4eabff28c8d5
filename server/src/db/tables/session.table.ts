/** @module The `sessions` table: server-side sessions behind the `foyer_session` cookie. */
import type { Insertable, Selectable, Updateable } from 'kysely';

/** Columns of `sessions`. Only the SHA-256 of the cookie token is stored. */
export interface SessionTable {
  id: string;
  user_id: string;
  /** SHA-256 (base64url) of the cookie token; unique. */
  token_hash: string;
  created_at: string;
  /** Written at most once a minute, so reading the session stays cheap. */
  last_seen_at: string;
  /** Slides forward with use, never past `expires_at`. */
  idle_expires_at: string;
  /** Absolute end of the session. */
  expires_at: string;
  revoked_at: string | null;
  user_agent: string | null;
  /** `/24` of an IPv4 or `/64` of an IPv6 address, never the full address. */
  ip_prefix: string | null;
  /** 1 when the password used to sign in is known breached: the person should change it; else NULL. */
  password_change_required: number | null;
  /** When this session last proved a second factor (or, without MFA, the password again): step-up. */
  step_up_at?: string | null;
}

/** A session as read from the database. */
export type SessionRow = Selectable<SessionTable>;
/** A session to insert. */
export type NewSessionRow = Insertable<SessionTable>;
/** A partial update of a session. */
export type SessionUpdate = Updateable<SessionTable>;
