/**
 * @module Completeness scoring: how far a person's profile is, per track, and what is missing,
 * most valuable first. The server computes it with this same function and never trusts a client's.
 */
import type * as z from 'zod/mini';
import { isFilled, type OnboardingDefinition } from './define-onboarding.js';
import { stepRecord, type OnboardingProfile } from './onboarding-profile.js';

/** A field that is not (fully) there yet. */
export interface MissingField {
  step: string;
  field: string;
  /** Score points (of 100) this field would add. */
  weight: number;
  hint: string;
}

/** The completeness of one track. */
export interface TrackScore {
  /** 0–100, rounded down so that 100 means everything is there. */
  score: number;
  missing: MissingField[];
}

type FieldSchemas = Record<string, z.ZodMiniType | undefined>;

function fieldSchemasOf(schema: z.ZodMiniType): FieldSchemas {
  const def = (schema as { _zod?: { def?: { type?: string; shape?: FieldSchemas } } })._zod?.def;
  return def?.type === 'object' && def.shape ? def.shape : {};
}

/**
 * Scores one track. A field counts only when its value is valid by the step's full schema (a
 * half-typed draft does not count), then by the field's `measure` (default: filled → 1).
 *
 * @example
 * scoreTrack(profile, creativeMarketplace, 'provider') // { score: 64, missing: [{ step: 'portfolio', … }] }
 */
export function scoreTrack(profile: OnboardingProfile, definition: OnboardingDefinition, track: string): TrackScore {
  const roles = profile.roles[track] ?? [];
  let total = 0;
  let earned = 0;
  const gaps: { step: string; field: string; points: number; hint: string }[] = [];
  for (const step of definition.stepsOf(track)) {
    const { data } = stepRecord(profile, track, step.id);
    const schemas = fieldSchemasOf(step.schema);
    for (const [field, { weight, hint, measure }] of Object.entries(step.fields)) {
      total += weight;
      const value = data[field];
      const valid = isFilled(value) && (schemas[field]?.safeParse(value).success ?? true);
      const fraction = valid ? Math.min(1, Math.max(0, measure ? measure(value, { roles, data }) : 1)) : 0;
      earned += weight * fraction;
      if (fraction < 1) gaps.push({ step: step.id, field, points: weight * (1 - fraction), hint });
    }
  }
  const scale = total === 0 ? 0 : 100 / total;
  return {
    score: total === 0 ? 0 : Math.floor(earned * scale + 1e-9),
    missing: gaps
      .map(({ points, ...gap }) => ({ ...gap, weight: Math.round(points * scale * 10) / 10 }))
      .sort((a, b) => b.weight - a.weight),
  };
}

/**
 * Scores every track the person onboards on.
 *
 * @example
 * scoreProfile(profile, creativeMarketplace) // { provider: { score, missing }, host: { score, missing } }
 */
export function scoreProfile(profile: OnboardingProfile, definition: OnboardingDefinition): Record<string, TrackScore> {
  return Object.fromEntries(profile.tracks.map((track) => [track, scoreTrack(profile, definition, track)]));
}
