/**
 * @module The profile routes (`/profiles/me/*`): publish and unpublish a track's public profile,
 * and Instant Book eligibility. Gates are computed by the server from stored data; the client
 * sends only which track. Every route needs a session.
 */
import { ONBOARDING_ROUTES } from '@foyer/core';
import { instantBookEligibility, publishTrack, unpublishTrack } from '../onboarding/publishing.js';
import type { FoyerServerContext } from '../server-context.js';
import type { MountRoute } from './mount-route.js';
import { onboardingUserOf } from './onboarding.js';

/**
 * Mounts the profile routes of `ONBOARDING_ROUTES` (publish, unpublish, Instant Book eligibility).
 *
 * @example
 * mountProfileRoutes(createRouteMounter(app, ctx), ctx);
 */
export function mountProfileRoutes(mount: MountRoute, ctx: FoyerServerContext): void {
  mount(ONBOARDING_ROUTES.publish, async (c, { session, body: { track } }) =>
    c.json(await publishTrack(ctx, onboardingUserOf(session), track, ctx.publicUrl), 200),
  );

  mount(ONBOARDING_ROUTES.unpublish, async (c, { session, body: { track } }) => {
    await unpublishTrack(ctx, onboardingUserOf(session), track);
    return c.body(null, 204);
  });

  mount(ONBOARDING_ROUTES.instantBook, async (c, { session }) =>
    c.json(await instantBookEligibility(ctx, onboardingUserOf(session)), 200),
  );
}
