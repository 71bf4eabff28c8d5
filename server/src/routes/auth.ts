/**
 * @module The auth routes (`/auth/*`): sign-up, email verification, resend, sign-in, session,
 * sign-out. Answers never reveal whether an email is registered (OWASP ASVS 2.2 / 3.x), and
 * password hashing never happens while a database transaction is open.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { getCookie } from 'hono/cookie';
import { Hono, type Context } from 'hono';
import {
  AUTH_ROUTES,
  FoyerError,
  resendVerificationRequestSchema,
  signInRequestSchema,
  signUpRequestSchema,
  verifyEmailRequestSchema,
} from '@foyer/core';
import {
  issueEmailVerification,
  VERIFY_LINK_PATH,
  verifyEmailByCode,
  verifyEmailByToken,
} from '../auth/email-verification.js';
import { findPendingSignIn, MFA_PENDING_COOKIE_NAME } from '../auth/mfa/pending-sign-in.js';
import { mfaChallengeOf } from '../auth/mfa/second-factor.js';
import { completeSignIn } from '../auth/complete-sign-in.js';
import { revokeSession } from '../auth/sessions.js';
import { findUserByEmail, insertUserIfEmailFree } from '../db/repositories/users.js';
import { signUpAttemptEmail } from '../mail/templates.js';
import { jsonBodyOnly } from '../middleware/json-body/json-body.js';
import { clearSessionCookie, readSessionToken } from '../middleware/session/session-cookie.js';
import { sessionLoader, type SessionVariables } from '../middleware/session/session.js';
import { renderVerifyEmailLinkPage, verifyEmailLinkPageHeaders } from '../pages/verify-email-link-page.js';
import { assertAcceptablePassword, isBreachedAtSignIn } from '../security/password-acceptance.js';
import { assertHashCapacity, hashPassword } from '../security/password-hashing.js';
import { beginSignInAttempt, guardSignUp } from '../security/sign-in-security.js';
import type { FoyerEnv, FoyerServerContext } from '../server-context.js';
import { parseJsonBody } from '../validation/parse-json-body.js';

/** Largest JSON body the auth routes accept. */
export const AUTH_BODY_LIMIT_BYTES = 64 * 1024;

/** A path of the route table, relative to the `/auth` mount point. */
function routePath(route: { path: string }): string {
  return route.path.slice('/auth'.length);
}

/**
 * Creates the auth sub-app; mount it with `app.route('/auth', createAuthRoutes(ctx))`.
 *
 * @example
 * app.route('/auth', createAuthRoutes(ctx));
 */
export function createAuthRoutes(ctx: FoyerServerContext): Hono<FoyerEnv & { Variables: SessionVariables }> {
  const auth = new Hono<FoyerEnv & { Variables: SessionVariables }>();
  auth.use('*', jsonBodyOnly({ maxBytes: AUTH_BODY_LIMIT_BYTES }));

  /** Base URL for links in emails: the configured public URL, else the origin the request came to. */
  const linkBase = (c: Context): string => ctx.publicUrl ?? new URL(c.req.url).origin;

  const { rateLimit } = ctx.signInSecurity;

  auth.post(routePath(AUTH_ROUTES.signUp), rateLimit('sign-up'), async (c) => {
    const { email, password, captcha } = await parseJsonBody(c, signUpRequestSchema);
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
      if (inserted) sendVerification = await issueEmailVerification(ctx, { id: userId, email }, linkBase(c), trx);
      return inserted;
    });
    if (created) {
      sendVerification?.();
    } else {
      const existing = await findUserByEmail(ctx.db, email);
      if (existing && existing.email_verified_at === null) {
        (await issueEmailVerification(ctx, existing, linkBase(c)))();
      } else if (existing) {
        ctx.sendInBackground(
          signUpAttemptEmail({ to: existing.email, signInUrl: new URL(ctx.appUrl, `${linkBase(c)}/`).href }),
        );
      }
    }
    return c.json({ status: 'verification_required' as const }, 201);
  });

  auth.post(routePath(AUTH_ROUTES.verifyEmail), rateLimit('verify-email'), async (c) => {
    const body = await parseJsonBody(c, verifyEmailRequestSchema);
    const user =
      'token' in body ? await verifyEmailByToken(ctx, body.token) : await verifyEmailByCode(ctx, body.email, body.code);
    return c.json(await completeSignIn(ctx, c, user, { method: 'email_code', quiet: true }), 200);
  });

  auth.get(VERIFY_LINK_PATH.slice('/auth'.length), (c) => {
    const nonce = randomBytes(16).toString('base64');
    return c.html(renderVerifyEmailLinkPage({ nonce, appUrl: ctx.appUrl }), 200, verifyEmailLinkPageHeaders(nonce));
  });

  auth.post(routePath(AUTH_ROUTES.resendVerification), rateLimit('resend-verification'), async (c) => {
    const { email } = await parseJsonBody(c, resendVerificationRequestSchema);
    const user = await findUserByEmail(ctx.db, email);
    if (user && user.email_verified_at === null) (await issueEmailVerification(ctx, user, linkBase(c)))();
    return c.body(null, 202);
  });

  auth.post(routePath(AUTH_ROUTES.signIn), rateLimit('sign-in'), async (c) => {
    const { email, password, captcha } = await parseJsonBody(c, signInRequestSchema);
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
      (await issueEmailVerification(ctx, user, linkBase(c)))();
      throw new FoyerError('email_not_verified');
    }
    const passwordChangeRequired = await isBreachedAtSignIn(ctx, password);
    return c.json(await completeSignIn(ctx, c, user, { method: 'password', passwordChangeRequired }), 200);
  });

  auth.get(routePath(AUTH_ROUTES.session), sessionLoader(ctx), async (c) => {
    const current = c.get('session');
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

  auth.post(routePath(AUTH_ROUTES.signOut), async (c) => {
    const token = readSessionToken(c);
    if (token) await revokeSession(ctx, token);
    clearSessionCookie(c, { secure: ctx.secureCookies });
    return c.body(null, 204);
  });

  return auth;
}
