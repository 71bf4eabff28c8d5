/**
 * @module The password routes (`/auth/password/*`): forgot (always 202, no enumeration), reset
 * by code or link token (single use, 15 minutes, 5 tries; revokes every session, signs in here),
 * the reset link page (GET never consumes the token), and change (signed in; revokes the other
 * sessions, rotates this one). OWASP ASVS 4.0.3 V2.5 (credential recovery), V2.1 (password
 * security), V3.3 (session termination).
 */
import { randomBytes } from 'node:crypto';
import { FoyerError, SECURITY_ROUTES } from '@foyer/core';
import { resetPasswordUrl } from '../auth/account-links.js';
import { completeSignIn } from '../auth/complete-sign-in.js';
import { checkLinkToken, checkOneTimeCode, issueOneTimeCode } from '../auth/one-time-codes.js';
import { markCodeUsed } from '../db/repositories/one-time-codes.js';
import { revokeSessionsOfUser, rotateSessionToken } from '../db/repositories/sessions.js';
import { findUserByEmail, findUserById, markEmailVerified, updatePasswordHash } from '../db/repositories/users.js';
import { passwordChangedEmail, passwordResetEmail } from '../mail/security-templates.js';
import { writeSessionCookie } from '../middleware/session/session-cookie.js';
import { renderResetPasswordLinkPage, resetPasswordLinkPageHeaders } from '../pages/reset-password-link-page.js';
import { recordAuditEvent } from '../security/audit-log.js';
import { assertAcceptablePassword } from '../security/password-acceptance.js';
import { assertHashCapacity, hashPassword, verifyPassword } from '../security/password-hashing.js';
import { generateToken, hashToken } from '../security/tokens.js';
import type { FoyerServerContext } from '../server-context.js';
import { notifySecurityChange, securityNoticeSms } from '../notifications/notify-security-change.js';
import type { MountRoute } from './mount-route.js';

/** Path of the page the reset email links to. */
export const RESET_LINK_PATH = SECURITY_ROUTES.resetPasswordLinkPage.path;

/** `2026-11-28 10:00` (UTC), for emails. */
function mailTime(date: Date): string {
  return date.toISOString().replace('T', ' ').slice(0, 16);
}

/**
 * Mounts the password routes of `SECURITY_ROUTES` (forgot, reset and its link page, change).
 *
 * @example
 * mountPasswordRoutes(createRouteMounter(app, ctx), ctx);
 */
export function mountPasswordRoutes(mount: MountRoute, ctx: FoyerServerContext): void {
  mount(SECURITY_ROUTES.forgotPassword, async (c, { body: { email } }) => {
    const user = await findUserByEmail(ctx.db, email);
    // Same answer, and about the same work (one lookup, one or two small writes), either way.
    if (user) {
      const { code, token, minutesValid } = await issueOneTimeCode(ctx, user.id, 'reset_password');
      const link = `${ctx.publicUrl}${RESET_LINK_PATH}?token=${token}`;
      ctx.sendInBackground(passwordResetEmail({ to: user.email, code, link, minutesValid }));
    }
    await recordAuditEvent(ctx, c, { type: 'password.reset_requested', userId: user?.id ?? null, identity: email });
    return c.body(null, 202);
  });

  mount(SECURITY_ROUTES.resetPasswordLinkPage, (c) => {
    const nonce = randomBytes(16).toString('base64');
    return c.html(renderResetPasswordLinkPage({ nonce, appUrl: ctx.appUrl }), 200, resetPasswordLinkPageHeaders(nonce));
  });

  mount(SECURITY_ROUTES.resetPassword, async (c, { body }) => {
    assertHashCapacity(ctx.passwordPolicy.hashMaxWaitMs);
    let codeRow;
    let user;
    if ('token' in body) {
      codeRow = await checkLinkToken(ctx, body.token, 'reset_password');
      user = await findUserById(ctx.db, codeRow.user_id);
      if (!user) throw new FoyerError('invalid_code');
      await assertAcceptablePassword(ctx, body.password, { email: user.email });
    } else {
      // The new password is judged before the code: a refused password spends no try and
      // leaves the code usable, and the answer says nothing about the code.
      await assertAcceptablePassword(ctx, body.password, { email: body.email });
      user = await findUserByEmail(ctx.db, body.email);
      codeRow = await checkOneTimeCode(ctx, user?.id, 'reset_password', body.code);
      if (!user) throw new FoyerError('invalid_code');
    }
    const passwordHash = await hashPassword(body.password);
    const now = ctx.now();
    const nowIso = now.toISOString();
    const userId = user.id;
    const usedId = codeRow.id;
    const revoked = await ctx.db.transaction().execute(async (trx) => {
      // Single use, also against a parallel request with the same code or token.
      if (!(await markCodeUsed(trx, usedId, nowIso))) throw new FoyerError('invalid_code');
      await updatePasswordHash(trx, userId, passwordHash, nowIso);
      await markEmailVerified(trx, userId, nowIso);
      return revokeSessionsOfUser(trx, userId, nowIso);
    });
    const answer = await completeSignIn(
      ctx,
      c,
      { ...user, email_verified_at: user.email_verified_at ?? nowIso },
      { method: 'password_reset' },
    );
    await recordAuditEvent(ctx, c, {
      type: 'password.reset',
      userId,
      details: { via: 'token' in body ? 'link' : 'code', revokedSessions: revoked },
    });
    notifySecurityChange(ctx, c, userId, {
      mail: passwordChangedEmail({
        to: user.email,
        how: 'reset',
        when: mailTime(now),
        resetUrl: resetPasswordUrl(ctx),
      }),
      sms: securityNoticeSms('Your password was reset.', mailTime(now)),
    });
    return c.json(answer, 200);
  });

  mount(SECURITY_ROUTES.changePassword, async (c, { session: current, body: { currentPassword, newPassword } }) => {
    assertHashCapacity(ctx.passwordPolicy.hashMaxWaitMs);
    const user = await findUserById(ctx.db, current.user.id);
    if (!user || !(await verifyPassword(user.password_hash, currentPassword)))
      throw new FoyerError('invalid_credentials');
    await assertAcceptablePassword(ctx, newPassword, { email: user.email });
    const passwordHash = await hashPassword(newPassword);
    const now = ctx.now();
    const nowIso = now.toISOString();
    const token = generateToken();
    const sessionId = current.session.id;
    const revoked = await ctx.db.transaction().execute(async (trx) => {
      await updatePasswordHash(trx, user.id, passwordHash, nowIso);
      const count = await revokeSessionsOfUser(trx, user.id, nowIso, sessionId);
      // This session stays, under a new token (privilege change), and loses its change-required flag.
      if (!(await rotateSessionToken(trx, sessionId, hashToken(token)))) throw new FoyerError('unauthenticated');
      return count;
    });
    writeSessionCookie(c, token, { expires: new Date(current.session.expiresAt), secure: ctx.secureCookies });
    await recordAuditEvent(ctx, c, {
      type: 'password.changed',
      userId: user.id,
      details: { revokedSessions: revoked },
    });
    notifySecurityChange(ctx, c, user.id, {
      mail: passwordChangedEmail({
        to: user.email,
        how: 'change',
        when: mailTime(now),
        resetUrl: resetPasswordUrl(ctx),
      }),
      sms: securityNoticeSms('Your password was changed.', mailTime(now)),
    });
    return c.body(null, 204);
  });
}
