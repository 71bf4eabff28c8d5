/**
 * @module Email verification by 6-digit code or link token (NIST SP 800-63B §5.1.1: one-time
 * secrets, limited attempts). Codes are HMAC'd with the server secret, tokens SHA-256'd; both live
 * 15 minutes, are single use, and a new code replaces the old.
 */
import type { Kysely } from 'kysely';
import { AUTH_ROUTES, FoyerError } from '@foyer/core';
import type { Database } from '../db/database.js';
import { markCodeUsed } from '../db/repositories/one-time-codes.js';
import { findUserByEmail, findUserById, markEmailVerified } from '../db/repositories/users.js';
import type { UserRow } from '../db/tables/user.table.js';
import { verificationEmail } from '../mail/templates.js';
import type { FoyerServerContext } from '../server-context.js';
import {
  checkLinkToken,
  checkOneTimeCode,
  issueOneTimeCode,
  MAX_CODE_ATTEMPTS,
  ONE_TIME_CODE_TTL_MS,
} from './one-time-codes.js';

/** How long a verification code and link work. */
export const VERIFICATION_TTL_MS = ONE_TIME_CODE_TTL_MS;
export { MAX_CODE_ATTEMPTS };

/** Path of the confirmation page the email links to, under the auth routes. */
export const VERIFY_LINK_PATH = AUTH_ROUTES.verifyEmailLinkPage.path;

/**
 * Creates a fresh code and link token for the user (replacing any live one) and prepares the
 * verification email. `db` may be a transaction.
 * @returns a function that queues the email (never awaited): call it once the write is committed.
 */
export async function issueEmailVerification(
  ctx: FoyerServerContext,
  user: { id: string; email: string },
  db: Kysely<Database> = ctx.db,
): Promise<() => void> {
  const { code, token } = await issueOneTimeCode(ctx, user.id, 'verify_email', db);
  // The configured public URL, never the request's Host: the link carries the token.
  const link = `${ctx.publicUrl}${VERIFY_LINK_PATH}?token=${token}`;
  const message = verificationEmail({ to: user.email, code, link, minutesValid: VERIFICATION_TTL_MS / 60_000 });
  return () => ctx.sendInBackground(message);
}

/** Verifies the email with a typed code. Throws `invalid_code` or `code_expired`. */
export async function verifyEmailByCode(ctx: FoyerServerContext, email: string, code: string): Promise<UserRow> {
  const user = await findUserByEmail(ctx.db, email);
  const row = await checkOneTimeCode(ctx, user?.id, 'verify_email', code);
  if (!user) throw new FoyerError('invalid_code');
  const nowIso = ctx.now().toISOString();
  if (!(await markCodeUsed(ctx.db, row.id, nowIso))) throw new FoyerError('invalid_code');
  await markEmailVerified(ctx.db, user.id, nowIso);
  return { ...user, email_verified_at: user.email_verified_at ?? nowIso };
}

/** Verifies the email with the link token. Throws `invalid_code` (unknown/used) or `code_expired`. */
export async function verifyEmailByToken(ctx: FoyerServerContext, token: string): Promise<UserRow> {
  const row = await checkLinkToken(ctx, token, 'verify_email');
  const nowIso = ctx.now().toISOString();
  if (!(await markCodeUsed(ctx.db, row.id, nowIso))) throw new FoyerError('invalid_code');
  await markEmailVerified(ctx.db, row.user_id, nowIso);
  const user = await findUserById(ctx.db, row.user_id);
  if (!user) throw new FoyerError('invalid_code');
  return user;
}
