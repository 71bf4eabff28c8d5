/**
 * @module Publishing and Instant Book gates: whether a track may go public or take instant
 * bookings, and every reason why not.
 */
import type { GateRule, OnboardingDefinition } from './define-onboarding.js';
import {
  availabilityPreview,
  type AvailabilityExceptions,
  type AvailabilityRules,
} from './availability/availability-preview.js';
import { stepRecord, type OnboardingProfile } from './onboarding-profile.js';
import { scoreTrack } from './score-profile.js';

/** Why a gate is closed. */
export interface GateReason {
  code:
    | 'email_not_verified'
    | 'identity_not_verified'
    | 'score_too_low'
    | 'step_incomplete'
    | 'not_enough_availability'
    | 'field_missing';
  message: string;
  /** The step to go to, when one would fix it. */
  step?: string;
  field?: string;
}

/** One gate's verdict. */
export interface GateResult {
  eligible: boolean;
  reasons: GateReason[];
}

/** Both gates of one track. */
export interface TrackGates {
  publish: GateResult;
  instantBook: GateResult;
}

/** Options of {@link evaluateGates}. */
export interface EvaluateGatesOptions {
  /** The instant availability is measured from. @default new Date() */
  now?: Date;
}

function check(
  rule: GateRule,
  profile: OnboardingProfile,
  definition: OnboardingDefinition,
  track: string,
  now: Date,
): GateReason[] {
  switch (rule.kind) {
    case 'emailVerified':
      return profile.emailVerified ? [] : [{ code: 'email_not_verified', message: 'Verify your email address.' }];
    case 'identityVerified':
      return profile.identityVerified
        ? []
        : [{ code: 'identity_not_verified', message: 'Verify your identity.', step: 'verification' }];
    case 'minScore': {
      const { score, missing } = scoreTrack(profile, definition, track);
      if (score >= rule.score) return [];
      return [
        {
          code: 'score_too_low',
          message: `Your profile is ${score}% complete; ${rule.score}% is needed.`,
          step: missing[0]?.step,
        },
      ];
    }
    case 'requiredStepsComplete':
      return definition
        .stepsOf(track)
        .filter((step) => step.required && !stepRecord(profile, track, step.id).complete)
        .map((step) => ({ code: 'step_incomplete' as const, message: `Complete “${step.title}”.`, step: step.id }));
    case 'bookableHours': {
      const step = definition.stepOf(track, rule.step);
      if (!step) return [];
      const record = stepRecord(profile, track, rule.step);
      const parsed = step.schema.safeParse(record.data);
      const minutes = parsed.success
        ? availabilityPreview(
            parsed.data as AvailabilityRules,
            (parsed.data as { exceptions?: AvailabilityExceptions }).exceptions ?? [],
            now,
            rule.days,
          ).totalMinutes
        : 0;
      if (minutes >= rule.hours * 60) return [];
      const hours = Math.floor(minutes / 6) / 10;
      return [
        {
          code: 'not_enough_availability',
          message: `Offer at least ${rule.hours} bookable hours in the next ${rule.days} days (now ${hours}).`,
          step: rule.step,
        },
      ];
    }
    case 'fieldSet': {
      const value = stepRecord(profile, track, rule.step).data[rule.field];
      return value === undefined || value === null || value === ''
        ? [{ code: 'field_missing', message: rule.message, step: rule.step, field: rule.field }]
        : [];
    }
  }
}

function evaluate(
  rules: readonly GateRule[],
  profile: OnboardingProfile,
  definition: OnboardingDefinition,
  track: string,
  now: Date,
): GateResult {
  const reasons = rules.flatMap((rule) => check(rule, profile, definition, track, now));
  return { eligible: reasons.length === 0, reasons };
}

/**
 * Evaluates the publish and Instant Book gates of every track the person onboards on.
 *
 * @example
 * evaluateGates(profile, creativeMarketplace).provider.publish // { eligible: false, reasons: [{ code: 'score_too_low', … }] }
 */
export function evaluateGates(
  profile: OnboardingProfile,
  definition: OnboardingDefinition,
  { now = new Date() }: EvaluateGatesOptions = {},
): Record<string, TrackGates> {
  return Object.fromEntries(
    profile.tracks.map((track) => [
      track,
      {
        publish: evaluate(definition.gates.publish, profile, definition, track, now),
        instantBook: evaluate(definition.gates.instantBook, profile, definition, track, now),
      },
    ]),
  );
}
