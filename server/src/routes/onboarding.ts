/**
 * @module The onboarding routes (`/onboarding/*`): the overview, choosing tracks, autosaving step
 * drafts (JSON Merge Patch + `If-Match` version, `409 version_conflict` with the current data and
 * nothing written on a stale version) and completing steps. Every route needs a session; a person
 * only ever reads and writes their own onboarding (no ids in the paths).
 */
import { Hono, type Context } from 'hono';
import { FoyerError, ONBOARDING_ROUTES, setTracksRequestSchema, stepPatchSchema } from '@foyer/core';
import { jsonBodyOnly } from '../middleware/json-body/json-body.js';
import { sessionLoader, type SessionVariables } from '../middleware/session/session.js';
import { loadOnboardingState, overviewOf, type OnboardingUser } from '../onboarding/onboarding-state.js';
import { completeStep, saveStepDraft, setTracks, validateTracksChoice } from '../onboarding/step-writes.js';
import type { FoyerEnv, FoyerServerContext } from '../server-context.js';
import { parseJsonBody } from '../validation/parse-json-body.js';

/** Largest JSON body the onboarding and profile routes accept (a merge patch of one step). */
export const ONBOARDING_BODY_LIMIT_BYTES = 64 * 1024;

type SessionEnv = FoyerEnv & { Variables: SessionVariables };

/** A path of the route table, relative to the sub-app's mount point. */
export function routePathUnder(mount: string, route: { path: string }): string {
  return route.path.slice(mount.length) || '/';
}

/**
 * The signed-in user of a request that went through {@link sessionLoader}.
 * @throws FoyerError `unauthenticated` without a live session.
 */
export function signedInUser(c: Context<SessionEnv>): OnboardingUser {
  const current = c.get('session');
  if (!current) throw new FoyerError('unauthenticated');
  return { id: current.user.id, emailVerified: current.user.emailVerified };
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
 * Creates the onboarding sub-app; mount it with `app.route('/onboarding', createOnboardingRoutes(ctx))`.
 *
 * @example
 * app.route('/onboarding', createOnboardingRoutes(ctx));
 */
export function createOnboardingRoutes(ctx: FoyerServerContext): Hono<SessionEnv> {
  const onboarding = new Hono<SessionEnv>();
  const path = (route: { path: string }) => routePathUnder('/onboarding', route);
  onboarding.use('*', sessionLoader(ctx));
  onboarding.use('*', async (c, next) => {
    signedInUser(c);
    return next();
  });
  onboarding.use('*', jsonBodyOnly({ maxBytes: ONBOARDING_BODY_LIMIT_BYTES }));

  /** The overview of the signed-in person, read after any write has committed. */
  const overviewOfUser = async (user: OnboardingUser) =>
    overviewOf(await loadOnboardingState(ctx.db, user, ctx.onboarding), ctx.onboarding, ctx.now());

  onboarding.get(path(ONBOARDING_ROUTES.overview), async (c) => c.json(await overviewOfUser(signedInUser(c)), 200));

  onboarding.put(path(ONBOARDING_ROUTES.setTracks), async (c) => {
    const user = signedInUser(c);
    const choice = validateTracksChoice(ctx.onboarding, await parseJsonBody(c, setTracksRequestSchema));
    await setTracks(ctx, user, choice);
    return c.json(await overviewOfUser(user), 200);
  });

  onboarding.patch(path(ONBOARDING_ROUTES.saveStep), async (c) => {
    const user = signedInUser(c);
    const version = parseIfMatch(c.req.header('if-match'));
    const patch = await parseJsonBody(c, stepPatchSchema);
    const saved = await saveStepDraft(ctx, user, {
      step: c.req.param('step') ?? '',
      track: c.req.query('track'),
      version,
      patch,
    });
    return c.json({ version: saved }, 200);
  });

  onboarding.post(path(ONBOARDING_ROUTES.completeStep), async (c) => {
    const user = signedInUser(c);
    await completeStep(ctx, user, { step: c.req.param('step') ?? '', track: c.req.query('track') });
    return c.json(await overviewOfUser(user), 200);
  });

  return onboarding;
}
