/**
 * @module Publishing a track's public profile and Instant Book eligibility. Gates are computed
 * from the stored state with the same core functions the browser uses; a client's score is never
 * trusted (the client sends only the track).
 */
import { FoyerError, type InstantBookResponse, type PublishResponse } from '@foyer/core';
import { publishProfile, unpublishProfile } from '../db/repositories/public-profiles.js';
import type { FoyerServerContext } from '../server-context.js';
import { loadOnboardingState, overviewOf, type OnboardingUser } from './onboarding-state.js';

/**
 * Where a track's public page will live: `${base}/p/<slug>` for a track that claimed a slug (a
 * host's studio), else `${base}/p/<track>/<user id>`. Public pages come with a later release; the
 * URL is stored now.
 */
export function publicPageUrl(base: string, page: { userId: string; track: string; slug: string | null }): string {
  const path = page.slug
    ? encodeURIComponent(page.slug)
    : `${encodeURIComponent(page.track)}/${encodeURIComponent(page.userId)}`;
  return `${base.replace(/\/+$/, '')}/p/${path}`;
}

/**
 * Publishes a track's profile when its publish gate is open.
 * @throws FoyerError `not_found` for a track the person is not on; `publish_blocked` with
 *   `details.reasons` while the gate is closed.
 */
export async function publishTrack(
  ctx: FoyerServerContext,
  user: OnboardingUser,
  track: string,
  base: string,
): Promise<PublishResponse> {
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const state = await loadOnboardingState(trx, user, ctx.onboarding);
    const gate = overviewOf(state, ctx.onboarding, now).tracks.find((candidate) => candidate.id === track)?.gates
      .publish;
    if (!gate) throw new FoyerError('not_found');
    if (!gate.eligible) throw new FoyerError('publish_blocked', { details: { reasons: gate.reasons } });
    const slug = state.profileRows.find((row) => row.track === track)?.slug ?? null;
    const url = publicPageUrl(base, { userId: user.id, track, slug });
    const publishedAt = await publishProfile(trx, { userId: user.id, track, url, now: now.toISOString() });
    return { url, publishedAt };
  });
}

/**
 * Takes a track's profile down; nothing happens when it is not published.
 * @throws FoyerError `not_found` for a track the definition does not have.
 */
export async function unpublishTrack(ctx: FoyerServerContext, user: OnboardingUser, track: string): Promise<void> {
  if (!ctx.onboarding.track(track)) throw new FoyerError('not_found');
  await unpublishProfile(ctx.db, user.id, track, ctx.now().toISOString());
}

/** Instant Book eligibility of each of the person's active tracks. */
export async function instantBookEligibility(
  ctx: FoyerServerContext,
  user: OnboardingUser,
): Promise<InstantBookResponse> {
  const state = await loadOnboardingState(ctx.db, user, ctx.onboarding);
  const tracks: InstantBookResponse['tracks'] = {};
  for (const track of overviewOf(state, ctx.onboarding, ctx.now()).tracks) tracks[track.id] = track.gates.instantBook;
  return { tracks };
}
