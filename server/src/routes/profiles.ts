/**
 * @module The profile routes (`/profiles/me/*`): publish and unpublish a track's public profile,
 * and Instant Book eligibility. Gates are computed by the server from stored data; the client
 * sends only which track. Every route needs a session.
 */
import { Hono, type Context } from 'hono';
import { ONBOARDING_ROUTES, publishRequestSchema } from '@foyer/core';
import { jsonBodyOnly } from '../middleware/json-body/json-body.js';
import { sessionLoader, type SessionVariables } from '../middleware/session/session.js';
import { instantBookEligibility, publishTrack, unpublishTrack } from '../onboarding/publishing.js';
import type { FoyerEnv, FoyerServerContext } from '../server-context.js';
import { parseJsonBody } from '../validation/parse-json-body.js';
import { ONBOARDING_BODY_LIMIT_BYTES, routePathUnder, signedInUser } from './onboarding.js';

type SessionEnv = FoyerEnv & { Variables: SessionVariables };

/**
 * Creates the profiles sub-app; mount it with `app.route('/profiles', createProfileRoutes(ctx))`.
 *
 * @example
 * app.route('/profiles', createProfileRoutes(ctx));
 */
export function createProfileRoutes(ctx: FoyerServerContext): Hono<SessionEnv> {
  const profiles = new Hono<SessionEnv>();
  const path = (route: { path: string }) => routePathUnder('/profiles', route);
  profiles.use('*', sessionLoader(ctx));
  profiles.use('*', async (c, next) => {
    signedInUser(c);
    return next();
  });
  profiles.use('*', jsonBodyOnly({ maxBytes: ONBOARDING_BODY_LIMIT_BYTES }));

  /** Base of public page URLs: the configured public URL, else the origin the request came to. */
  const linkBase = (c: Context): string => ctx.publicUrl ?? new URL(c.req.url).origin;

  profiles.post(path(ONBOARDING_ROUTES.publish), async (c) => {
    const user = signedInUser(c);
    const { track } = await parseJsonBody(c, publishRequestSchema);
    return c.json(await publishTrack(ctx, user, track, linkBase(c)), 200);
  });

  profiles.post(path(ONBOARDING_ROUTES.unpublish), async (c) => {
    const user = signedInUser(c);
    const { track } = await parseJsonBody(c, publishRequestSchema);
    await unpublishTrack(ctx, user, track);
    return c.body(null, 204);
  });

  profiles.get(path(ONBOARDING_ROUTES.instantBook), async (c) =>
    c.json(await instantBookEligibility(ctx, signedInUser(c)), 200),
  );

  return profiles;
}
