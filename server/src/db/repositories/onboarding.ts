/**
 * @module Queries on `onboarding_tracks` and `onboarding_steps`. Step writes are conditional on
 * the version the caller read, so a version check and its write are one atomic statement.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { NewOnboardingStepRow, OnboardingStepRow } from '../tables/onboarding-step.table.js';
import type { NewOnboardingTrackRow, OnboardingTrackRow } from '../tables/onboarding-track.table.js';

/** Identifies one step row. */
export interface StepKey {
  userId: string;
  track: string;
  step: string;
}

/** Every track row of a person, active or not. */
export async function listOnboardingTracks(db: Kysely<Database>, userId: string): Promise<OnboardingTrackRow[]> {
  return db.selectFrom('onboarding_tracks').selectAll().where('user_id', '=', userId).execute();
}

/** Every step row of a person, on every track. */
export async function listOnboardingSteps(db: Kysely<Database>, userId: string): Promise<OnboardingStepRow[]> {
  return db.selectFrom('onboarding_steps').selectAll().where('user_id', '=', userId).execute();
}

/** One step row, if it was ever saved. */
export async function findOnboardingStep(db: Kysely<Database>, key: StepKey): Promise<OnboardingStepRow | undefined> {
  return db
    .selectFrom('onboarding_steps')
    .selectAll()
    .where('user_id', '=', key.userId)
    .where('track', '=', key.track)
    .where('step', '=', key.step)
    .executeTakeFirst();
}

/** Adds a track, or re-activates it (keeping its data); `roles` replaces the stored roles when given. */
export async function activateOnboardingTrack(
  db: Kysely<Database>,
  row: NewOnboardingTrackRow,
  options: { replaceRoles: boolean },
): Promise<void> {
  await db
    .insertInto('onboarding_tracks')
    .values(row)
    .onConflict((conflict) =>
      conflict
        .columns(['user_id', 'track'])
        .doUpdateSet(
          options.replaceRoles
            ? { roles: row.roles, updated_at: row.updated_at, deactivated_at: null }
            : { updated_at: row.updated_at, deactivated_at: null },
        ),
    )
    .execute();
}

/** Marks a track inactive; its steps and data stay. */
export async function deactivateOnboardingTrack(
  db: Kysely<Database>,
  userId: string,
  track: string,
  now: string,
): Promise<void> {
  await db
    .updateTable('onboarding_tracks')
    .set({ deactivated_at: now, updated_at: now })
    .where('user_id', '=', userId)
    .where('track', '=', track)
    .where('deactivated_at', 'is', null)
    .execute();
}

/** Replaces the roles of a track (a JSON array). */
export async function setOnboardingTrackRoles(
  db: Kysely<Database>,
  userId: string,
  track: string,
  roles: readonly string[],
  now: string,
): Promise<void> {
  await db
    .updateTable('onboarding_tracks')
    .set({ roles: JSON.stringify(roles), updated_at: now })
    .where('user_id', '=', userId)
    .where('track', '=', track)
    .execute();
}

/**
 * Inserts the first version of a step unless a row exists (also one inserted in parallel).
 * @returns `true` when this call inserted it.
 */
export async function insertOnboardingStepIfAbsent(db: Kysely<Database>, row: NewOnboardingStepRow): Promise<boolean> {
  const inserted = await db
    .insertInto('onboarding_steps')
    .values(row)
    .onConflict((conflict) => conflict.columns(['user_id', 'track', 'step']).doNothing())
    .returning('version')
    .executeTakeFirst();
  return inserted !== undefined;
}

/**
 * `UPDATE … SET data, version = version + 1 … WHERE … AND version = expected`: the version check
 * and the write in one statement.
 * @returns `true` when the row was at `expectedVersion` and is now at `expectedVersion + 1`.
 */
export async function updateOnboardingStepIfVersion(
  db: Kysely<Database>,
  key: StepKey,
  expectedVersion: number,
  update: { data: string; completed_at: string | null; updated_at: string },
): Promise<boolean> {
  const result = await db
    .updateTable('onboarding_steps')
    .set({ ...update, version: sql<number>`version + 1` })
    .where('user_id', '=', key.userId)
    .where('track', '=', key.track)
    .where('step', '=', key.step)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/**
 * Writes a step whatever its version (for plug-ins filling slots): inserts version 1 or bumps the
 * version by one.
 * @returns the new version.
 */
export async function upsertOnboardingStep(
  db: Kysely<Database>,
  row: Omit<NewOnboardingStepRow, 'version'>,
): Promise<number> {
  const written = await db
    .insertInto('onboarding_steps')
    .values({ ...row, version: 1 })
    .onConflict((conflict) =>
      conflict.columns(['user_id', 'track', 'step']).doUpdateSet({
        data: row.data,
        completed_at: row.completed_at ?? null,
        updated_at: row.updated_at,
        version: sql<number>`onboarding_steps.version + 1`,
      }),
    )
    .returning('version')
    .executeTakeFirstOrThrow();
  return written.version;
}
