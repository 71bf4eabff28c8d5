/** @module The `public_profiles` table: the public page of each track of a person, its slug and whether it is published. */
import type { Insertable, Selectable, Updateable } from 'kysely';

/**
 * Columns of `public_profiles`; primary key `(user_id, track)`. `slug` is stored lower-cased
 * under a unique index, so slugs are unique case-insensitively across every person and track
 * (two parallel claims cannot both win).
 */
export interface PublicProfileTable {
  user_id: string;
  track: string;
  /** Lower-case slug claimed by completing a step with a `slug` field (the host `studio` step); `null` otherwise. */
  slug: string | null;
  /** The public page's URL, set on publishing. */
  url: string | null;
  /** Set while published; `null` when never published or taken down. */
  published_at: string | null;
  /** When the page was last taken down. */
  unpublished_at: string | null;
  created_at: string;
  updated_at: string;
}

/** A public profile as read from the database. */
export type PublicProfileRow = Selectable<PublicProfileTable>;
/** A public profile to insert. */
export type NewPublicProfileRow = Insertable<PublicProfileTable>;
/** A partial update of a public profile. */
export type PublicProfileUpdate = Updateable<PublicProfileTable>;
