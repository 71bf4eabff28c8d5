/**
 * @module The auth routes (`/auth/*`): sign-up, email verification, resend, sign-in, session,
 * sign-out. Answers never reveal whether an email is registered (OWASP ASVS 2.2 / 3.x), and
 * password hashing never happens while a database transaction is open.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { getCookie } from 'hono/cookie';
import { AUTH_ROUTES, FoyerError } from '@foyer/core';
import { issueEmailVerification, verifyEmailByCode, verifyEmailByToken } from '../auth/email-verification.js';
import { findPendingSignIn, MFA_PENDING_COOKIE_NAME } from '../auth/mfa/pending-sign-in.js';
import { mfaChallengeOf } from '../auth/mfa/second-factor.js';
import { completeSignIn } from '../auth/complete-sign-in.js';
import { revokeSession } from '../auth/sessions.js';
import { findUserByEmail, insertUserIfEmailFree } from '../db/repositories/users.js';
import { signUpAttemptEmail } from '../mail/templates.js';
import { clearSessionCookie, readSessionToken } from '../middleware/session/session-cookie.js';
import { renderVerifyEmailLinkPage, verifyEmailLinkPageHeaders } from '../pages/verify-email-link-page.js';
import { assertAcceptablePassword, isBreachedAtSignIn } from '../security/password-acceptance.js';
import { assertHashCapacity, hashPassword } from '../security/password-hashing.js';
import { beginSignInAttempt, guardSignUp } from '../security/sign-in-security.js';
import type { FoyerServerContext } from '../server-context.js';
import type { MountRoute } from './mount-route.js';

/**
 * Mounts the auth routes (`AUTH_ROUTES`) with the guards their entries declare.
 *
 * @example
 * mountAuthRoutes(createRouteMounter(app, ctx), ctx);
 */
export function mountAuthRoutes(mount: MountRoute, ctx: FoyerServerContext): void {
  mount(AUTH_ROUTES.signUp, async (c, { body: { email, password, captcha } }) => {
    assertHashCapacity(ctx.passwordPolicy.hashMaxWaitMs);
    await guardSignUp(ctx, c, { email, captcha });
    await assertAcceptablePassword(ctx, password, { email });
    // Hash first, in every branch: same cost whether or not the email exists, and no open transaction.
    const passwordHash = await hashPassword(password);
    const now = ctx.now().toISOString();
    const userId = randomUUID();
    let sendVerification: (() => void) | undefined;
    const created = await ctx.db.transaction().execute(async (trx) => {
      const inserted = await insertUserIfEmailFree(trx, {
        id: userId,
        email,
        password_hash: passwordHash,
        email_verified_at: null,
        created_at: now,
        updated_at: now,
      });
      if (inserted) sendVerification = await issueEmailVerification(ctx, { id: userId, email }, trx);
      return inserted;
    });
    if (created) {
      sendVerification?.();
    } else {
      const existing = await findUserByEmail(ctx.db, email);
      if (existing && existing.email_verified_at === null) {
        (await issueEmailVerification(ctx, existing))();
      } else if (existing) {
        ctx.sendInBackground(
          signUpAttemptEmail({ to: existing.email, signInUrl: new URL(ctx.appUrl, `${ctx.publicUrl}/`).href }),
        );
      }
    }
    return c.json({ status: 'verification_required' as const }, 201);
  });

  mount(AUTH_ROUTES.verifyEmail, async (c, { body }) => {
    const user =
      'token' in body ? await verifyEmailByToken(ctx, body.token) : await verifyEmailByCode(ctx, body.email, body.code);
    return c.json(await completeSignIn(ctx, c, user, { method: 'email_code', quiet: true }), 200);
  });

  mount(AUTH_ROUTES.verifyEmailLinkPage, (c) => {
    const nonce = randomBytes(16).toString('base64');
    return c.html(renderVerifyEmailLinkPage({ nonce, appUrl: ctx.appUrl }), 200, verifyEmailLinkPageHeaders(nonce));
  });

  mount(AUTH_ROUTES.resendVerification, async (c, { body: { email } }) => {
    const user = await findUserByEmail(ctx.db, email);
    if (user && user.email_verified_at === null) (await issueEmailVerification(ctx, user))();
    return c.body(null, 202);
  });

  mount(AUTH_ROUTES.signIn, async (c, { body: { email, password, captcha } }) => {
    // Before the lockout ladder reserves an attempt: a refusal for load must not count as a failure.
    assertHashCapacity(ctx.passwordPolicy.hashMaxWaitMs);
    const user = await findUserByEmail(ctx.db, email);
    // Lockout ladder, risk and CAPTCHA: throws 428/423/400 before any hashing; reserves the attempt.
    const attempt = await beginSignInAttempt(ctx, c, { email, user, captcha });
    // Unknown email: verify against a dummy hash, so both failures take as long.
    const passwordOk = await ctx.verifyPassword(user?.password_hash ?? ctx.dummyPasswordHash, password);
    if (!user || !passwordOk) return attempt.failed();
    await attempt.succeeded(user);
    if (user.email_verified_at === null) {
      (await issueEmailVerification(ctx, user))();
      throw new FoyerError('email_not_verified');
    }
    const passwordChangeRequired = await isBreachedAtSignIn(ctx, password);
    return c.json(await completeSignIn(ctx, c, user, { method: 'password', passwordChangeRequired }), 200);
  });

  mount(AUTH_ROUTES.session, async (c, { session: current }) => {
    if (!current) {
      if (readSessionToken(c)) clearSessionCookie(c, { secure: ctx.secureCookies });
      // A first factor proven elsewhere (a social or phone sign-in, a redirect) waits for its second:
      // say so, so the widget can offer it on load. Only when the pending cookie is there.
      const pending = getCookie(c, MFA_PENDING_COOKIE_NAME) ? await findPendingSignIn(ctx, c).catch(() => null) : null;
      if (pending) {
        throw new FoyerError('unauthenticated', {
          details: {
            mfaPending: true,
            ...(await mfaChallengeOf(ctx, pending.user_id, { firstFactor: pending.method })),
          },
        });
      }
      throw new FoyerError('unauthenticated');
    }
    return c.json(current, 200);
  });

  mount(AUTH_ROUTES.signOut, async (c) => {
    const token = readSessionToken(c);
    if (token) await revokeSession(ctx, token);
    clearSessionCookie(c, { secure: ctx.secureCookies });
    return c.body(null, 204);
  });
}
