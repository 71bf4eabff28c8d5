/** @module The `oauth_accounts` table: which provider identity (issuer's `sub`) belongs to which user. */
import type { Insertable, Selectable } from 'kysely';

/** Columns of `oauth_accounts`. One row per (provider, subject); a user may have several. */
export interface OAuthAccountTable {
  /** Configured provider id (`google`, `apple`, a custom id). */
  provider: string;
  /** The id_token's `sub`: stable per provider and (for Apple) per team. */
  subject: string;
  user_id: string;
  /** The email the provider asserted when the link was made (Apple: maybe a private-relay address). */
  email: string;
  /** Display name the provider gave (Apple sends it only on the first sign-in). */
  name: string | null;
  created_at: string;
}

/** A provider link as read from the database. */
export type OAuthAccountRow = Selectable<OAuthAccountTable>;
/** A provider link to insert. */
export type NewOAuthAccountRow = Insertable<OAuthAccountTable>;
