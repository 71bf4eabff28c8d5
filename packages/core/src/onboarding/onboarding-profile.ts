/** @module What the scoring, step-status and gate functions read about one person. */

/** One step's saved data and whether it was completed (validated in full). */
export interface StepRecord {
  data: Record<string, unknown>;
  complete: boolean;
}

/** Everything the pure onboarding functions need to know about a person. */
export interface OnboardingProfile {
  /** The tracks the person onboards on. */
  tracks: readonly string[];
  /** The person's roles per track (`{ provider: ['photographer', 'model'] }`). */
  roles: Readonly<Record<string, readonly string[] | undefined>>;
  /** Step records per track, then step id. */
  steps: Readonly<Record<string, Readonly<Record<string, StepRecord | undefined>> | undefined>>;
  emailVerified: boolean;
  identityVerified: boolean;
}

/** The record of a step, or an empty, incomplete one. */
export function stepRecord(profile: OnboardingProfile, track: string, step: string): StepRecord {
  return profile.steps[track]?.[step] ?? { data: {}, complete: false };
}
