/**
 * @module Sign-in security routes under `/auth`: the unlock link page, `POST /auth/unlock`, and
 * `GET /auth/captcha/challenge` (ALTCHA). Mounted next to the auth routes.
 */
import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { FoyerError, SECURITY_ROUTES, unlockRequestSchema } from '@foyer/core';
import { jsonBodyOnly } from '../middleware/json-body/json-body.js';
import { renderUnlockLinkPage, unlockLinkPageHeaders } from '../pages/unlock-link-page.js';
import { redeemUnlockToken, UNLOCK_LINK_PATH } from '../security/sign-in-security.js';
import type { FoyerEnv, FoyerServerContext } from '../server-context.js';
import { parseJsonBody } from '../validation/parse-json-body.js';
import { AUTH_BODY_LIMIT_BYTES } from './auth.js';

const relative = (path: string): string => path.slice('/auth'.length);

/**
 * Creates the sign-in security sub-app; mount with `app.route('/auth', createSecurityRoutes(ctx))`.
 *
 * @example
 * app.route('/auth', createSecurityRoutes(ctx));
 */
export function createSecurityRoutes(ctx: FoyerServerContext): Hono<FoyerEnv> {
  const routes = new Hono<FoyerEnv>();
  const { rateLimit, captcha } = ctx.signInSecurity;

  routes.get(relative(UNLOCK_LINK_PATH), (c) => {
    const nonce = randomBytes(16).toString('base64');
    return c.html(renderUnlockLinkPage({ nonce, appUrl: ctx.appUrl }), 200, unlockLinkPageHeaders(nonce));
  });

  routes.post(
    relative(SECURITY_ROUTES.unlock.path),
    jsonBodyOnly({ maxBytes: AUTH_BODY_LIMIT_BYTES }),
    rateLimit('unlock'),
    async (c) => {
      const { token } = await parseJsonBody(c, unlockRequestSchema);
      await redeemUnlockToken(ctx, c, token);
      return c.body(null, 204);
    },
  );

  routes.get(relative(SECURITY_ROUTES.captchaChallenge.path), rateLimit('captcha-challenge'), async (c) => {
    if (!captcha.challenge) throw new FoyerError('not_found');
    return c.json(await captcha.challenge(), 200);
  });

  return routes;
}
