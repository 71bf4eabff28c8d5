/**
 * @module Sign-in security routes under `/auth`: the unlock link page, `POST /auth/unlock`, and
 * `GET /auth/captcha/challenge` (ALTCHA).
 */
import { randomBytes } from 'node:crypto';
import { FoyerError, SECURITY_ROUTES } from '@foyer/core';
import { renderUnlockLinkPage, unlockLinkPageHeaders } from '../pages/unlock-link-page.js';
import { redeemUnlockToken } from '../security/sign-in-security.js';
import type { FoyerServerContext } from '../server-context.js';
import type { MountRoute } from './mount-route.js';

/**
 * Mounts the unlock and CAPTCHA routes of `SECURITY_ROUTES`.
 *
 * @example
 * mountSecurityRoutes(createRouteMounter(app, ctx), ctx);
 */
export function mountSecurityRoutes(mount: MountRoute, ctx: FoyerServerContext): void {
  const { captcha } = ctx.signInSecurity;

  mount(SECURITY_ROUTES.unlockLinkPage, (c) => {
    const nonce = randomBytes(16).toString('base64');
    return c.html(renderUnlockLinkPage({ nonce, appUrl: ctx.appUrl }), 200, unlockLinkPageHeaders(nonce));
  });

  mount(SECURITY_ROUTES.unlock, async (c, { body: { token } }) => {
    await redeemUnlockToken(ctx, c, token);
    return c.body(null, 204);
  });

  mount(SECURITY_ROUTES.captchaChallenge, async (c) => {
    if (!captcha.challenge) throw new FoyerError('not_found');
    return c.json(await captcha.challenge(), 200);
  });
}
