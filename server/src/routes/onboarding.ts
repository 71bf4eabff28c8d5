/**
 * @module The onboarding routes (`/onboarding/*`): the overview, choosing tracks, autosaving step
 * drafts (JSON Merge Patch + `If-Match` version, `409 version_conflict` with the current data and
 * nothing written on a stale version) and completing steps. Every route needs a session; a person
 * only ever reads and writes their own onboarding (no ids in the paths).
 */
import { FoyerError, ONBOARDING_ROUTES } from '@foyer/core';
import type { ResolvedSession } from '../auth/sessions.js';
import { loadOnboardingState, overviewOf, type OnboardingUser } from '../onboarding/onboarding-state.js';
import { completeStep, saveStepDraft, setTracks, validateTracksChoice } from '../onboarding/step-writes.js';
import type { FoyerServerContext } from '../server-context.js';
import type { MountRoute } from './mount-route.js';

/** The onboarding view of a signed-in session. */
export function onboardingUserOf(session: ResolvedSession): OnboardingUser {
  return { id: session.user.id, emailVerified: session.user.emailVerified };
}

/**
 * The version an `If-Match` header names: `"3"` (as an ETag) or a bare `3`.
 * @throws FoyerError `precondition_required` when absent; `invalid_input` when it is not a version.
 */
export function parseIfMatch(header: string | undefined): number {
  if (header === undefined || header.trim() === '') throw new FoyerError('precondition_required');
  const match = /^\s*(?:"(\d{1,15})"|(\d{1,15}))\s*$/.exec(header);
  const version = Number(match?.[1] ?? match?.[2]);
  if (!match || !Number.isSafeInteger(version)) {
    throw new FoyerError('invalid_input', {
      message: 'If-Match must name a version, e.g. "3".',
      fields: { ifMatch: 'Send the version you edited, e.g. If-Match: "3".' },
    });
  }
  return version;
}

/**
 * Mounts the onboarding routes of `ONBOARDING_ROUTES` (overview, tracks, step drafts, completion).
 *
 * @example
 * mountOnboardingRoutes(createRouteMounter(app, ctx), ctx);
 */
export function mountOnboardingRoutes(mount: MountRoute, ctx: FoyerServerContext): void {
  /** The overview of the signed-in person, read after any write has committed. */
  const overviewOfUser = async (user: OnboardingUser) =>
    overviewOf(await loadOnboardingState(ctx.db, user, ctx.onboarding), ctx.onboarding, ctx.now());

  mount(ONBOARDING_ROUTES.overview, async (c, { session }) =>
    c.json(await overviewOfUser(onboardingUserOf(session)), 200),
  );

  mount(ONBOARDING_ROUTES.setTracks, async (c, { session, body }) => {
    const user = onboardingUserOf(session);
    await setTracks(ctx, user, validateTracksChoice(ctx.onboarding, body));
    return c.json(await overviewOfUser(user), 200);
  });

  mount(ONBOARDING_ROUTES.saveStep, async (c, { session, body: patch }) => {
    const user = onboardingUserOf(session);
    const version = parseIfMatch(c.req.header('if-match'));
    const saved = await saveStepDraft(ctx, user, {
      step: c.req.param('step') ?? '',
      track: c.req.query('track'),
      version,
      patch,
    });
    return c.json({ version: saved }, 200);
  });

  mount(ONBOARDING_ROUTES.completeStep, async (c, { session }) => {
    const user = onboardingUserOf(session);
    await completeStep(ctx, user, { step: c.req.param('step') ?? '', track: c.req.query('track') });
    return c.json(await overviewOfUser(user), 200);
  });
}
