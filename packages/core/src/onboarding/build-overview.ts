/**
 * @module The onboarding overview the server answers with, computed from a profile by the same
 * pure functions the browser has: step statuses, scores, what is missing, gates.
 */
import type { OnboardingOverview } from '../contracts/index.js';
import type { OnboardingDefinition } from './define-onboarding.js';
import { evaluateGates } from './evaluate-gates.js';
import { stepRecord, type OnboardingProfile } from './onboarding-profile.js';
import { scoreTrack } from './score-profile.js';
import { stepStatuses } from './step-status.js';

/** What {@link buildOnboardingOverview} needs besides the profile. */
export interface OverviewExtras {
  /** Draft versions per track, then step (missing = 0). */
  versions?: Readonly<Record<string, Readonly<Record<string, number>> | undefined>>;
  /** The public page of each published track. */
  published?: Readonly<Record<string, { url: string; publishedAt: string } | null | undefined>>;
  /** The instant availability gates are measured from. @default new Date() */
  now?: Date;
}

/**
 * The `GET /onboarding` answer for a profile.
 *
 * @example
 * const overview = buildOnboardingOverview(profile, creativeMarketplace, { versions, published });
 */
export function buildOnboardingOverview(
  profile: OnboardingProfile,
  definition: OnboardingDefinition,
  extras: OverviewExtras = {},
): OnboardingOverview {
  const gates = evaluateGates(profile, definition, { now: extras.now });
  return {
    emailVerified: profile.emailVerified,
    identityVerified: profile.identityVerified,
    tracks: profile.tracks.map((track) => {
      const { score, missing } = scoreTrack(profile, definition, track);
      return {
        id: track,
        roles: [...(profile.roles[track] ?? [])],
        steps: stepStatuses(profile, definition, track).map(({ id, status }) => ({
          id,
          status,
          data: stepRecord(profile, track, id).data,
          version: extras.versions?.[track]?.[id] ?? 0,
        })),
        score,
        missing,
        gates: gates[track]!,
        published: extras.published?.[track] ?? null,
      };
    }),
  };
}
