/** @module The `onboarding_steps` table: one row per person, track and step, with the saved data and its version. */
import type { Insertable, Selectable, Updateable } from 'kysely';

/**
 * Columns of `onboarding_steps`; primary key `(user_id, track, step)`. A step never saved has no
 * row (version 0). Every write bumps `version`, which clients send back in `If-Match`.
 */
export interface OnboardingStepTable {
  user_id: string;
  track: string;
  /** A step id of the onboarding definition (`profile`, `studio`…). */
  step: string;
  /** The step's data as a JSON object: a draft, or the parsed (normalised) data once completed. */
  data: string;
  /** Starts at 1 with the first write; +1 on every write. */
  version: number;
  /** When the data last passed the step's full schema on completion; `null` while due. */
  completed_at: string | null;
  updated_at: string;
}

/** A step of a person as read from the database. */
export type OnboardingStepRow = Selectable<OnboardingStepTable>;
/** A step of a person to insert. */
export type NewOnboardingStepRow = Insertable<OnboardingStepTable>;
/** A partial update of a step of a person. */
export type OnboardingStepUpdate = Updateable<OnboardingStepTable>;
