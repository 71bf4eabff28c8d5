/**
 * @module A person's onboarding as the core functions see it, read from the tables: the
 * `OnboardingProfile`, draft versions and published pages, plus step resolution and the gating
 * checks every write goes through.
 */
import type { Kysely } from 'kysely';
import {
  buildOnboardingOverview,
  FoyerError,
  stepIdSchema,
  stepStatuses,
  trackIdSchema,
  type OnboardingDefinition,
  type OnboardingOverview,
  type OnboardingProfile,
  type StepDefinition,
  type StepRecord,
} from '@foyer/core';
import type { Database } from '../db/database.js';
import { listOnboardingSteps, listOnboardingTracks } from '../db/repositories/onboarding.js';
import { listPublicProfiles } from '../db/repositories/public-profiles.js';
import type { OnboardingStepRow } from '../db/tables/onboarding-step.table.js';
import type { OnboardingTrackRow } from '../db/tables/onboarding-track.table.js';
import type { PublicProfileRow } from '../db/tables/public-profile.table.js';

/** The slot whose `status: 'verified'` means the person's identity is verified. */
export const IDENTITY_SLOT = 'verification.identity';

/** Who is onboarding: the signed-in user. */
export interface OnboardingUser {
  id: string;
  emailVerified: boolean;
}

/** A published page of a track. */
export interface PublishedPage {
  url: string;
  publishedAt: string;
}

/** Everything stored about one person's onboarding. */
export interface OnboardingState {
  userId: string;
  profile: OnboardingProfile;
  versions: Record<string, Record<string, number>>;
  published: Record<string, PublishedPage | null>;
  /** Step rows by {@link stepKeyOf}. */
  stepRows: ReadonlyMap<string, OnboardingStepRow>;
  trackRows: readonly OnboardingTrackRow[];
  profileRows: readonly PublicProfileRow[];
}

/** The map key of a step row. */
export function stepKeyOf(track: string, step: string): string {
  return `${track}\u0000${step}`;
}

/** Reads stored JSON that should be an object; anything else reads as `{}`. */
export function parseStoredObject(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/** Reads a stored JSON array of strings; anything else reads as `[]`. */
function parseStoredStrings(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * Reads a person's onboarding. Active tracks come in the definition's order; tracks and steps the
 * definition no longer has are ignored. `identityVerified` is true when a `verification.identity`
 * slot on any of the person's tracks (active or not) has `status: 'verified'`.
 */
export async function loadOnboardingState(
  db: Kysely<Database>,
  user: OnboardingUser,
  definition: OnboardingDefinition,
): Promise<OnboardingState> {
  const [trackRows, stepRowList, profileRows] = await Promise.all([
    listOnboardingTracks(db, user.id),
    listOnboardingSteps(db, user.id),
    listPublicProfiles(db, user.id),
  ]);
  const active = new Set(trackRows.filter((row) => row.deactivated_at === null).map((row) => row.track));
  const roles: Record<string, string[]> = {};
  for (const row of trackRows) roles[row.track] = parseStoredStrings(row.roles);

  const steps: Record<string, Record<string, StepRecord>> = {};
  const versions: Record<string, Record<string, number>> = {};
  const stepRows = new Map<string, OnboardingStepRow>();
  let identityVerified = false;
  for (const row of stepRowList) {
    const step = definition.stepOf(row.track, row.step);
    if (!step) continue;
    const data = parseStoredObject(row.data);
    stepRows.set(stepKeyOf(row.track, row.step), row);
    (steps[row.track] ??= {})[row.step] = { data, complete: row.completed_at !== null };
    (versions[row.track] ??= {})[row.step] = row.version;
    if (step.kind === 'slot' && step.slot === IDENTITY_SLOT && data.status === 'verified') identityVerified = true;
  }

  const published: Record<string, PublishedPage | null> = {};
  for (const row of profileRows) {
    published[row.track] =
      row.published_at !== null && row.url !== null ? { url: row.url, publishedAt: row.published_at } : null;
  }

  return {
    userId: user.id,
    profile: {
      tracks: definition.tracks.map((track) => track.id).filter((id) => active.has(id)),
      roles,
      steps,
      emailVerified: user.emailVerified,
      identityVerified,
    },
    versions,
    published,
    stepRows,
    trackRows,
    profileRows,
  };
}

/** The `GET /onboarding` answer for a stored state, from the same core function the browser uses. */
export function overviewOf(state: OnboardingState, definition: OnboardingDefinition, now: Date): OnboardingOverview {
  return buildOnboardingOverview(state.profile, definition, {
    versions: state.versions,
    published: state.published,
    now,
  });
}

/** A step of one of the person's active tracks. */
export interface ResolvedStep {
  track: string;
  step: StepDefinition;
}

/**
 * Finds the step a request names. `track` may be left out when the step belongs to exactly one
 * of the person's active tracks.
 * @throws FoyerError `not_found` for an unknown step or track, or a track the person is not on;
 *   `invalid_input` (`fields.track`) when the step is on several of their tracks and none was named.
 */
export function resolveStep(
  state: OnboardingState,
  definition: OnboardingDefinition,
  stepId: string,
  track: string | undefined,
): ResolvedStep {
  if (!stepIdSchema.safeParse(stepId).success) throw new FoyerError('not_found');
  if (track !== undefined) {
    if (!trackIdSchema.safeParse(track).success || !state.profile.tracks.includes(track))
      throw new FoyerError('not_found');
    const step = definition.stepOf(track, stepId);
    if (!step) throw new FoyerError('not_found');
    return { track, step };
  }
  const candidates = state.profile.tracks.flatMap((id) => {
    const step = definition.stepOf(id, stepId);
    return step ? [{ track: id, step }] : [];
  });
  const [only] = candidates;
  if (!only) throw new FoyerError('not_found');
  if (candidates.length > 1) {
    throw new FoyerError('invalid_input', {
      fields: {
        track: `This step is on several of your tracks: add ?track=${candidates.map((candidate) => candidate.track).join(' or ?track=')}.`,
      },
    });
  }
  return only;
}

/**
 * Refuses writes the wizard may not make: a `slot` step, which only its plug-in fills
 * (`400 invalid_input`, whatever the step's status), and a step behind an incomplete required
 * step (`409 step_locked`).
 */
export function assertWizardWritable(
  state: OnboardingState,
  definition: OnboardingDefinition,
  { track, step }: ResolvedStep,
): void {
  if (step.kind === 'slot') {
    throw new FoyerError('invalid_input', {
      message: `“${step.title}” is filled by ${step.slot ?? 'a plug-in'}, not by the wizard.`,
      fields: { step: `“${step.title}” is filled by ${step.slot ?? 'a plug-in'}.` },
    });
  }
  if (stepStatuses(state.profile, definition, track).find((status) => status.id === step.id)?.status === 'locked') {
    throw new FoyerError('step_locked');
  }
}
