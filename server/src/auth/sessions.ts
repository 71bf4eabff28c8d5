/**
 * @module Session lifecycle: start (rotating any session the request carried), resolve with idle
 * and absolute expiry, and revoke. Tokens are random; only their SHA-256 is stored.
 */
import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import type { Session, User } from '@foyer/core';
import {
  findSessionByTokenHash,
  insertSession,
  revokeSessionByTokenHash,
  touchSession,
} from '../db/repositories/sessions.js';
import { clientIpPrefix } from '../security/client-address.js';
import { generateToken, hashToken } from '../security/tokens.js';
import type { FoyerServerContext } from '../server-context.js';
import { readSessionToken, writeSessionCookie } from '../middleware/session/session-cookie.js';

/** A live session and its user, as the API shows them. */
export interface ResolvedSession {
  session: Session;
  user: User;
  /** Present (`true`) when the password used to sign in has since appeared in a breach. */
  passwordChangeRequired?: true;
}

/**
 * Signs the user in on this response: a new session and cookie. A session the request already
 * carried is revoked first (rotation: a planted or stale token never becomes a signed-in one).
 */
export async function startSession(
  ctx: FoyerServerContext,
  c: Context,
  userId: string,
  options: { passwordChangeRequired?: boolean; stepUpAt?: string } = {},
): Promise<void> {
  const now = ctx.now();
  const previous = readSessionToken(c);
  if (previous) await revokeSessionByTokenHash(ctx.db, hashToken(previous), now.toISOString());
  const token = generateToken();
  const expiresAt = new Date(now.getTime() + ctx.session.absoluteMs);
  const idleExpiresAt = new Date(Math.min(now.getTime() + ctx.session.idleMs, expiresAt.getTime()));
  await insertSession(ctx.db, {
    id: randomUUID(),
    user_id: userId,
    token_hash: hashToken(token),
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    idle_expires_at: idleExpiresAt.toISOString(),
    expires_at: expiresAt.toISOString(),
    revoked_at: null,
    user_agent: c.req.header('user-agent')?.slice(0, 512) ?? null,
    ip_prefix: clientIpPrefix(c),
    password_change_required: options.passwordChangeRequired ? 1 : null,
    // A session started by a second factor (or a passkey) counts as freshly stepped up.
    ...(options.stepUpAt ? { step_up_at: options.stepUpAt } : {}),
  });
  writeSessionCookie(c, token, { expires: expiresAt, secure: ctx.secureCookies });
}

/**
 * The live session for a cookie token, or `undefined` when unknown, revoked, idle too long or past
 * its absolute expiry. Moves the idle expiry forward, writing at most once per touch interval.
 */
export async function resolveSession(ctx: FoyerServerContext, token: string): Promise<ResolvedSession | undefined> {
  const row = await findSessionByTokenHash(ctx.db, hashToken(token));
  if (!row) return undefined;
  const now = ctx.now();
  const nowIso = now.toISOString();
  if (row.expires_at <= nowIso || row.idle_expires_at <= nowIso) return undefined;
  if (now.getTime() - Date.parse(row.last_seen_at) >= ctx.session.touchIntervalMs) {
    const idleExpiresAt = Math.min(now.getTime() + ctx.session.idleMs, Date.parse(row.expires_at));
    await touchSession(ctx.db, row.id, nowIso, new Date(idleExpiresAt).toISOString());
  }
  return {
    session: { id: row.id, createdAt: row.created_at, expiresAt: row.expires_at },
    user: {
      id: row.user_id,
      email: row.email,
      emailVerified: row.email_verified_at !== null,
      createdAt: row.user_created_at,
    },
    ...(row.password_change_required ? { passwordChangeRequired: true as const } : {}),
  };
}

/** Revokes the session behind a cookie token (no-op when there is none). */
export async function revokeSession(ctx: FoyerServerContext, token: string): Promise<void> {
  await revokeSessionByTokenHash(ctx.db, hashToken(token), ctx.now().toISOString());
}
