/**
 * @module Every write to a person's onboarding: choosing tracks, autosaving a draft (merge patch
 * with a version check that is one atomic statement), completing a step (full validation, slug
 * claim), and filling a slot from a plug-in. Each write is one transaction; a write that loses a
 * race with a parallel one is retried on fresh state, never applied on stale state.
 */
import type { Kysely } from 'kysely';
import {
  applyMergePatch,
  ERROR_MESSAGES,
  fieldErrorsOf,
  FoyerError,
  type OnboardingDefinition,
  type SetTracksRequest,
  type StepDefinition,
} from '@foyer/core';
import type { Database } from '../db/database.js';
import {
  activateOnboardingTrack,
  deactivateOnboardingTrack,
  findOnboardingStep,
  insertOnboardingStepIfAbsent,
  setOnboardingTrackRoles,
  updateOnboardingStepIfVersion,
  upsertOnboardingStep,
  type StepKey,
} from '../db/repositories/onboarding.js';
import {
  claimSlug,
  findPublicProfileBySlug,
  isSlugTakenError,
  unpublishProfile,
} from '../db/repositories/public-profiles.js';
import type { OnboardingStepRow } from '../db/tables/onboarding-step.table.js';
import type { FoyerServerContext } from '../server-context.js';
import {
  assertWizardWritable,
  loadOnboardingState,
  parseStoredObject,
  resolveStep,
  stepKeyOf,
  type OnboardingState,
  type OnboardingUser,
} from './onboarding-state.js';

/** Largest step data stored, as JSON (a draft grows patch by patch, so the body limit alone does not cap it). */
export const MAX_STEP_DATA_BYTES = 64 * 1024;

/** The step a person edits with a roles step mirrors the track's roles (`PUT /onboarding/tracks`). */
export const ROLES_STEP_ID = 'roles';

/** What the server has for a step now. */
interface CurrentStep {
  data: Record<string, unknown>;
  version: number;
}

/** A conditional write found another version than it read: the transaction is re-run on fresh state. */
class LostRace extends Error {
  constructor(readonly current: CurrentStep) {
    super('lost a write race');
  }
}

function currentOf(row: OnboardingStepRow | undefined): CurrentStep {
  return row ? { data: parseStoredObject(row.data), version: row.version } : { data: {}, version: 0 };
}

function versionConflict(current: CurrentStep): FoyerError {
  return new FoyerError('version_conflict', { details: { current } });
}

function slugTaken(): FoyerError {
  return new FoyerError('slug_taken', { fields: { slug: ERROR_MESSAGES.slug_taken } });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The slug a step's (parsed) data claims, if it has one. */
function slugOf(data: Record<string, unknown>): string | undefined {
  return typeof data.slug === 'string' ? data.slug.toLowerCase() : undefined;
}

function claimedSlugOf(state: OnboardingState, track: string): string | null {
  return state.profileRows.find((row) => row.track === track)?.slug ?? null;
}

/**
 * The data to store after an edit, and whether the step stays complete: a completed step stays
 * complete only while its data passes the full schema (it is then stored parsed, i.e. normalised)
 * and, for a step with a slug, while the slug is the one it claimed; otherwise it is due again.
 */
function afterEdit(
  step: StepDefinition,
  data: Record<string, unknown>,
  wasComplete: boolean,
  claimedSlug: string | null,
): { data: Record<string, unknown>; complete: boolean } {
  if (!wasComplete) return { data, complete: false };
  const full = step.schema.safeParse(data);
  if (!full.success || !isPlainObject(full.data)) return { data, complete: false };
  const slug = slugOf(full.data);
  if (slug !== undefined && slug !== claimedSlug) return { data, complete: false };
  return { data: full.data, complete: true };
}

function serialise(data: Record<string, unknown>): string {
  const json = JSON.stringify(data);
  if (Buffer.byteLength(json) > MAX_STEP_DATA_BYTES) {
    throw new FoyerError('invalid_input', {
      message: `This step would hold more than ${MAX_STEP_DATA_BYTES / 1024} KiB of data.`,
      fields: { body: `A step holds at most ${MAX_STEP_DATA_BYTES / 1024} KiB of data.` },
    });
  }
  return json;
}

/**
 * Writes a step's new data conditionally on the version read (insert for version 0).
 * @throws LostRace with what the server has now when another write got there first.
 */
async function writeStepIfVersion(
  db: Kysely<Database>,
  key: StepKey,
  row: OnboardingStepRow | undefined,
  next: { data: string; completedAt: string | null; now: string },
): Promise<number> {
  const written = row
    ? await updateOnboardingStepIfVersion(db, key, row.version, {
        data: next.data,
        completed_at: next.completedAt,
        updated_at: next.now,
      })
    : await insertOnboardingStepIfAbsent(db, {
        user_id: key.userId,
        track: key.track,
        step: key.step,
        data: next.data,
        version: 1,
        completed_at: next.completedAt,
        updated_at: next.now,
      });
  if (!written) throw new LostRace(currentOf(await findOnboardingStep(db, key)));
  return (row?.version ?? 0) + 1;
}

/** Runs a transactional write again (on fresh state) when it lost a race; after three losses, `409 version_conflict`. */
async function retryingLostRaces<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof LostRace)) throw error;
      if (attempt >= 3) throw versionConflict(error.current);
    }
  }
}

/** `PUT /onboarding/tracks`, validated: which tracks, and the provider roles. */
export interface TracksChoice {
  tracks: readonly string[];
  roles?: readonly string[] | undefined;
}

/**
 * Checks a tracks choice against the definition.
 * @throws FoyerError `invalid_input` with `fields` (`tracks.0`, `roles.2`…).
 */
export function validateTracksChoice(definition: OnboardingDefinition, body: SetTracksRequest): TracksChoice {
  const fields: Record<string, string> = {};
  body.tracks.forEach((track, index) => {
    if (!definition.track(track)) fields[`tracks.${index}`] = 'Unknown track.';
  });
  const tracks = [...new Set(body.tracks)];
  if (body.roles !== undefined) {
    const known = new Set(tracks.flatMap((track) => definition.track(track)?.roles?.map((role) => role.id) ?? []));
    body.roles.forEach((role, index) => {
      if (!known.has(role)) fields[`roles.${index}`] = 'Not a role of the chosen tracks.';
    });
  }
  if (Object.keys(fields).length > 0) throw new FoyerError('invalid_input', { fields });
  return { tracks, roles: body.roles === undefined ? undefined : [...new Set(body.roles)] };
}

/**
 * Sets the tracks a person onboards on. New tracks are added; tracks no longer chosen are marked
 * inactive (their data is kept and comes back when chosen again) and their public page is taken
 * down. `roles`, when given, become the roles of each chosen track that defines them, and are
 * written into that track's `roles` step draft so the wizard shows them.
 */
export async function setTracks(ctx: FoyerServerContext, user: OnboardingUser, choice: TracksChoice): Promise<void> {
  const definition = ctx.onboarding;
  const now = ctx.now().toISOString();
  await retryingLostRaces(() =>
    ctx.db.transaction().execute(async (trx) => {
      const state = await loadOnboardingState(trx, user, definition);
      for (const track of definition.tracks) {
        if (!choice.tracks.includes(track.id)) {
          if (state.profile.tracks.includes(track.id)) {
            await deactivateOnboardingTrack(trx, user.id, track.id, now);
            await unpublishProfile(trx, user.id, track.id, now);
          }
          continue;
        }
        const ownRoles = track.roles?.map((role) => role.id) ?? [];
        const roles =
          choice.roles !== undefined && ownRoles.length > 0
            ? choice.roles.filter((role) => ownRoles.includes(role))
            : undefined;
        await activateOnboardingTrack(
          trx,
          {
            user_id: user.id,
            track: track.id,
            roles: JSON.stringify(roles ?? []),
            created_at: now,
            updated_at: now,
            deactivated_at: null,
          },
          { replaceRoles: roles !== undefined },
        );
        const rolesStep = definition.stepOf(track.id, ROLES_STEP_ID);
        if (roles !== undefined && rolesStep) await writeRolesDraft(trx, state, user, track.id, rolesStep, roles, now);
      }
    }),
  );
}

async function writeRolesDraft(
  db: Kysely<Database>,
  state: OnboardingState,
  user: OnboardingUser,
  track: string,
  step: StepDefinition,
  roles: readonly string[],
  now: string,
): Promise<void> {
  const row = state.stepRows.get(stepKeyOf(track, step.id));
  const current = currentOf(row);
  const data = applyMergePatch(current.data, { roles: roles.length > 0 ? [...roles] : null });
  if (row && JSON.stringify(data) === JSON.stringify(current.data)) return;
  if (!step.draftSchema.safeParse(data).success) return;
  const next = afterEdit(step, data, row?.completed_at != null, claimedSlugOf(state, track));
  await writeStepIfVersion(db, { userId: user.id, track, step: step.id }, row, {
    data: serialise(next.data),
    completedAt: next.complete ? (row?.completed_at ?? now) : null,
    now,
  });
}

/** An autosave: a merge patch based on `version`. */
export interface StepDraftSave {
  step: string;
  track: string | undefined;
  version: number;
  patch: Record<string, unknown>;
}

/**
 * Autosaves a draft: the merge patch is applied to the stored draft and validated with the step's
 * `draftSchema`; the write happens only if the stored version is still `version`.
 * @returns the new version.
 * @throws FoyerError `not_found`, `invalid_input`, `step_locked`, or `version_conflict` with
 *   `details.current` (nothing written).
 */
export async function saveStepDraft(
  ctx: FoyerServerContext,
  user: OnboardingUser,
  save: StepDraftSave,
): Promise<number> {
  const definition = ctx.onboarding;
  const now = ctx.now().toISOString();
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const state = await loadOnboardingState(trx, user, definition);
      const resolved = resolveStep(state, definition, save.step, save.track);
      assertWizardWritable(state, definition, resolved);
      const { track, step } = resolved;
      const row = state.stepRows.get(stepKeyOf(track, step.id));
      const current = currentOf(row);
      if (save.version !== current.version) throw versionConflict(current);
      const data = applyMergePatch(current.data, save.patch);
      const draft = step.draftSchema.safeParse(data);
      if (!draft.success) throw new FoyerError('invalid_input', { fields: fieldErrorsOf(draft.error) });
      const next = afterEdit(step, data, row?.completed_at != null, claimedSlugOf(state, track));
      return writeStepIfVersion(trx, { userId: user.id, track, step: step.id }, row, {
        data: serialise(next.data),
        completedAt: next.complete ? (row?.completed_at ?? now) : null,
        now,
      });
    });
  } catch (error) {
    // Someone saved between our read and our write: the edit was based on a version that is gone.
    if (error instanceof LostRace) throw versionConflict(error.current);
    throw error;
  }
}

/**
 * Completes a step: the stored draft must pass the full schema; the parsed (normalised) data is
 * stored, the version bumped and `completed_at` set. A step with a `slug` claims it (unique
 * case-insensitively, enforced by an index so parallel claims cannot both win); completing the
 * `roles` step sets the track's roles.
 * @throws FoyerError `not_found`, `invalid_input` (slot steps), `step_locked`, `step_invalid`
 *   with `fields`, `slug_taken` with `fields.slug`.
 */
export async function completeStep(
  ctx: FoyerServerContext,
  user: OnboardingUser,
  request: { step: string; track: string | undefined },
): Promise<void> {
  const definition = ctx.onboarding;
  const now = ctx.now().toISOString();
  try {
    await retryingLostRaces(() =>
      ctx.db.transaction().execute(async (trx) => {
        const state = await loadOnboardingState(trx, user, definition);
        const resolved = resolveStep(state, definition, request.step, request.track);
        assertWizardWritable(state, definition, resolved);
        const { track, step } = resolved;
        const row = state.stepRows.get(stepKeyOf(track, step.id));
        const full = step.schema.safeParse(currentOf(row).data);
        if (!full.success) throw new FoyerError('step_invalid', { fields: fieldErrorsOf(full.error) });
        const data = isPlainObject(full.data) ? full.data : {};
        const slug = slugOf(data);
        if (slug !== undefined) {
          const holder = await findPublicProfileBySlug(trx, slug);
          if (holder && !(holder.user_id === user.id && holder.track === track)) throw slugTaken();
          await claimSlug(trx, { userId: user.id, track, slug, now });
        }
        await writeStepIfVersion(trx, { userId: user.id, track, step: step.id }, row, {
          data: serialise(data),
          completedAt: now,
          now,
        });
        if (step.id === ROLES_STEP_ID && Array.isArray(data.roles)) {
          await setOnboardingTrackRoles(
            trx,
            user.id,
            track,
            data.roles.filter((role): role is string => typeof role === 'string'),
            now,
          );
        }
      }),
    );
  } catch (error) {
    if (isSlugTakenError(error)) throw slugTaken();
    throw error;
  }
}

/** What a plug-in writes into a slot step. */
export interface SlotWrite {
  userId: string;
  track: string;
  /** The slot step's id (`portfolio`, `verification`…). */
  step: string;
  data: Record<string, unknown>;
  now: Date;
}

/**
 * Fills a `slot` step for a plug-in (media upload, ID verification): validated with the step's full
 * schema, stored parsed and complete, version bumped. The person need not be on the track yet.
 * The wizard's own routes refuse to write slots, so only server code can (e.g. mark identity verified).
 * @returns the new version.
 * @throws FoyerError `not_found` when the step is not a slot of the track; `step_invalid` with `fields`.
 *
 * @example
 * await writeSlotData(foyer.db, creativeMarketplace, { userId, track: 'provider', step: 'verification', data: { status: 'verified' }, now: new Date() });
 */
export async function writeSlotData(
  db: Kysely<Database>,
  definition: OnboardingDefinition,
  write: SlotWrite,
): Promise<number> {
  const step = definition.stepOf(write.track, write.step);
  if (!step || step.kind !== 'slot') throw new FoyerError('not_found');
  const parsed = step.schema.safeParse(write.data);
  if (!parsed.success) throw new FoyerError('step_invalid', { fields: fieldErrorsOf(parsed.error) });
  const now = write.now.toISOString();
  return upsertOnboardingStep(db, {
    user_id: write.userId,
    track: write.track,
    step: write.step,
    data: serialise(isPlainObject(parsed.data) ? parsed.data : {}),
    completed_at: now,
    updated_at: now,
  });
}
