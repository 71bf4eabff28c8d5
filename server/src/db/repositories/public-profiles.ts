/**
 * @module Queries on `public_profiles`. Slugs are lower-cased before they reach the unique index,
 * so uniqueness is case-insensitive; a parallel claim of the same slug fails on that index.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { PublicProfileRow } from '../tables/public-profile.table.js';

/** Every public profile row of a person. */
export async function listPublicProfiles(db: Kysely<Database>, userId: string): Promise<PublicProfileRow[]> {
  return db.selectFrom('public_profiles').selectAll().where('user_id', '=', userId).execute();
}

/** The profile holding this slug (compared lower-cased), if any. */
export async function findPublicProfileBySlug(
  db: Kysely<Database>,
  slug: string,
): Promise<PublicProfileRow | undefined> {
  return db.selectFrom('public_profiles').selectAll().where('slug', '=', slug.toLowerCase()).executeTakeFirst();
}

/**
 * Gives the profile of `(userId, track)` this slug, releasing its previous one.
 * @throws the driver's unique violation when another profile holds the slug (see {@link isSlugTakenError}).
 */
export async function claimSlug(
  db: Kysely<Database>,
  claim: { userId: string; track: string; slug: string; now: string },
): Promise<void> {
  const slug = claim.slug.toLowerCase();
  await db
    .insertInto('public_profiles')
    .values({
      user_id: claim.userId,
      track: claim.track,
      slug,
      url: null,
      published_at: null,
      unpublished_at: null,
      created_at: claim.now,
      updated_at: claim.now,
    })
    .onConflict((conflict) => conflict.columns(['user_id', 'track']).doUpdateSet({ slug, updated_at: claim.now }))
    .execute();
}

/** True for the unique-index violation a slug claim raises when another profile holds the slug (SQLite or PostgreSQL). */
export function isSlugTakenError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, constraint, message } = error as { code?: unknown; constraint?: unknown; message?: unknown };
  if (code === '23505') return constraint === 'public_profiles_slug_idx';
  return code === 'SQLITE_CONSTRAINT_UNIQUE' && typeof message === 'string' && message.includes('public_profiles.slug');
}

/**
 * Publishes the profile of a track at `url`. A profile already published keeps its first
 * `published_at`.
 * @returns the stored `published_at`.
 */
export async function publishProfile(
  db: Kysely<Database>,
  profile: { userId: string; track: string; url: string; now: string },
): Promise<string> {
  const row = await db
    .insertInto('public_profiles')
    .values({
      user_id: profile.userId,
      track: profile.track,
      slug: null,
      url: profile.url,
      published_at: profile.now,
      unpublished_at: null,
      created_at: profile.now,
      updated_at: profile.now,
    })
    .onConflict((conflict) =>
      conflict.columns(['user_id', 'track']).doUpdateSet((eb) => ({
        url: profile.url,
        published_at: eb.fn.coalesce('public_profiles.published_at', eb.val(profile.now)),
        updated_at: profile.now,
      })),
    )
    .returning('published_at')
    .executeTakeFirstOrThrow();
  return row.published_at ?? profile.now;
}

/** Takes the profile of a track down; nothing happens when it is not published. */
export async function unpublishProfile(
  db: Kysely<Database>,
  userId: string,
  track: string,
  now: string,
): Promise<void> {
  await db
    .updateTable('public_profiles')
    .set({ published_at: null, unpublished_at: now, updated_at: now })
    .where('user_id', '=', userId)
    .where('track', '=', track)
    .where('published_at', 'is not', null)
    .execute();
}
