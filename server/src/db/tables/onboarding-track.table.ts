/** @module The `onboarding_tracks` table: which tracks (provider, host…) a person onboards on, with their roles. */
import type { Insertable, Selectable, Updateable } from 'kysely';

/**
 * Columns of `onboarding_tracks`; primary key `(user_id, track)`. A track the person drops is
 * kept with `deactivated_at` set, so choosing it again brings every draft back.
 */
export interface OnboardingTrackTable {
  user_id: string;
  /** A track id of the onboarding definition (`provider`, `host`). */
  track: string;
  /** JSON array of role ids (`["photographer","model"]`); `[]` for tracks without roles. */
  roles: string;
  created_at: string;
  updated_at: string;
  /** Set while the person does not onboard on this track; `null` when active. */
  deactivated_at: string | null;
}

/** A track of a person as read from the database. */
export type OnboardingTrackRow = Selectable<OnboardingTrackTable>;
/** A track of a person to insert. */
export type NewOnboardingTrackRow = Insertable<OnboardingTrackTable>;
/** A partial update of a track of a person. */
export type OnboardingTrackUpdate = Updateable<OnboardingTrackTable>;
