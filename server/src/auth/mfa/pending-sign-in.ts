/**
 * @module A pending sign-in: a first factor was proven by a user with MFA, so instead of a session
 * the browser gets the `foyer_mfa` cookie (opaque token, stored hashed, bound to the user and the
 * first factor; `HttpOnly; SameSite=Lax`; 5 minutes). `POST /auth/mfa/verify` completes it once.
 */
import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { FoyerError } from '@foyer/core';
import {
  deleteExpiredPendingSignIns,
  findLivePendingSignIn,
  incrementPendingSignInFailures,
  insertPendingSignIn,
  markPendingSignInConsumed,
} from '../../db/repositories/mfa.js';
import type { MfaPendingSignInRow } from '../../db/tables/mfa.table.js';
import { generateToken, hashToken } from '../../security/tokens.js';
import type { FoyerServerContext } from '../../server-context.js';

/** Name of the pending-sign-in cookie. */
export const MFA_PENDING_COOKIE_NAME = 'foyer_mfa';
/** How long a pending sign-in waits for its second factor. */
export const MFA_PENDING_TTL_MS = 5 * 60_000;
/** Wrong second factors a pending sign-in survives. */
export const MFA_PENDING_MAX_FAILURES = 5;

/** Starts a pending sign-in for `userId` on this response. */
export async function startPendingSignIn(
  ctx: FoyerServerContext,
  c: Context,
  userId: string,
  completion: { method: string; passwordChangeRequired?: boolean },
): Promise<void> {
  const now = ctx.now();
  const token = generateToken();
  const expiresAt = new Date(now.getTime() + MFA_PENDING_TTL_MS);
  await deleteExpiredPendingSignIns(ctx.db, now.toISOString());
  await insertPendingSignIn(ctx.db, {
    id: randomUUID(),
    token_hash: hashToken(token),
    user_id: userId,
    method: completion.method,
    password_change_required: completion.passwordChangeRequired ? 1 : null,
    failed_attempts: 0,
    created_at: now.toISOString(),
    expires_at: expiresAt.toISOString(),
    consumed_at: null,
  });
  setCookie(c, MFA_PENDING_COOKIE_NAME, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: ctx.secureCookies,
    maxAge: MFA_PENDING_TTL_MS / 1000,
  });
}

/** The live pending sign-in of this request; `401 mfa_pending_expired` when none. */
export async function findPendingSignIn(ctx: FoyerServerContext, c: Context): Promise<MfaPendingSignInRow> {
  const token = getCookie(c, MFA_PENDING_COOKIE_NAME);
  if (!token || token.length > 256) throw new FoyerError('mfa_pending_expired');
  const row = await findLivePendingSignIn(ctx.db, hashToken(token), ctx.now().toISOString());
  if (!row || Number(row.failed_attempts) >= MFA_PENDING_MAX_FAILURES) throw new FoyerError('mfa_pending_expired');
  return row;
}

/** Counts a wrong second factor; the pending sign-in dies at {@link MFA_PENDING_MAX_FAILURES}. */
export async function recordPendingFailure(ctx: FoyerServerContext, pendingId: string): Promise<void> {
  await incrementPendingSignInFailures(ctx.db, pendingId);
}

/** Completes a pending sign-in once (also against a parallel request); false when already used. */
export async function consumePendingSignIn(ctx: FoyerServerContext, c: Context, pendingId: string): Promise<boolean> {
  const consumed = await markPendingSignInConsumed(ctx.db, pendingId, ctx.now().toISOString());
  deleteCookie(c, MFA_PENDING_COOKIE_NAME, { httpOnly: true, sameSite: 'Lax', path: '/', secure: ctx.secureCookies });
  return consumed;
}
