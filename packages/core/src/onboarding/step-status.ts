/** @module Which steps of a wizard are done, due, or locked behind an incomplete required step. */
import type { OnboardingDefinition } from './define-onboarding.js';
import { stepRecord, type OnboardingProfile } from './onboarding-profile.js';

/** `complete`: validated in full. `due`: can be worked on. `locked`: an earlier required step is incomplete. */
export type StepStatus = 'locked' | 'due' | 'complete';

/**
 * The status of each step of a track, in order. A person can always go back; they cannot go past
 * an incomplete required step.
 *
 * @example
 * stepStatuses(profile, creativeMarketplace, 'host') // [{ id: 'studio', status: 'due' }, { id: 'photos', status: 'locked' }, …]
 */
export function stepStatuses(
  profile: OnboardingProfile,
  definition: OnboardingDefinition,
  track: string,
): { id: string; status: StepStatus }[] {
  let blocked = false;
  return definition.stepsOf(track).map((step) => {
    if (blocked) return { id: step.id, status: 'locked' as const };
    if (stepRecord(profile, track, step.id).complete) return { id: step.id, status: 'complete' as const };
    if (step.required) blocked = true;
    return { id: step.id, status: 'due' as const };
  });
}
