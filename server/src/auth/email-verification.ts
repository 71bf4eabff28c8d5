/**
 * @module Email verification by 6-digit code or link token (NIST SP 800-63B §5.1.1: one-time
 * secrets, limited attempts). Codes are HMAC'd with the server secret, tokens SHA-256'd; both live
 * 15 minutes, are single use, and a new code replaces the old.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { FoyerError } from '@foyer/core';
import type { Database } from '../db/database.js';
import {
  claimCodeAttempt,
  findCodeByTokenHash,
  findCurrentCode,
  markCodeUsed,
  replaceOneTimeCode,
} from '../db/repositories/one-time-codes.js';
import { findUserByEmail, findUserById, markEmailVerified } from '../db/repositories/users.js';
import type { UserRow } from '../db/tables/user.table.js';
import { verificationEmail } from '../mail/templates.js';
import { digestsEqual, generateNumericCode, generateToken, hashCode, hashToken } from '../security/tokens.js';
import type { FoyerServerContext } from '../server-context.js';

/** How long a verification code and link work. */
export const VERIFICATION_TTL_MS = 15 * 60 * 1000;
/**
 * Tries per code, right or wrong. The try that reaches the limit with a wrong code answers
 * `410 code_expired` (the code is dead; the user must ask for a new one), as does every later try.
 */
export const MAX_CODE_ATTEMPTS = 5;

/** Path of the confirmation page the email links to, under the auth routes. */
export const VERIFY_LINK_PATH = '/auth/verify-email/link';

/**
 * Creates a fresh code and link token for the user (replacing any live one) and prepares the
 * verification email. `db` may be a transaction.
 * @returns a function that queues the email (never awaited): call it once the write is committed.
 */
export async function issueEmailVerification(
  ctx: FoyerServerContext,
  user: { id: string; email: string },
  linkBase: string,
  db: Kysely<Database> = ctx.db,
): Promise<() => void> {
  const code = generateNumericCode();
  const token = generateToken();
  const now = ctx.now();
  await replaceOneTimeCode(db, {
    id: randomUUID(),
    user_id: user.id,
    purpose: 'verify_email',
    code_hash: hashCode(ctx.secret, user.id, code),
    token_hash: hashToken(token),
    attempts: 0,
    expires_at: new Date(now.getTime() + VERIFICATION_TTL_MS).toISOString(),
    used_at: null,
    created_at: now.toISOString(),
  });
  const link = `${linkBase.replace(/\/+$/, '')}${VERIFY_LINK_PATH}?token=${token}`;
  const message = verificationEmail({ to: user.email, code, link, minutesValid: VERIFICATION_TTL_MS / 60_000 });
  return () => ctx.sendInBackground(message);
}

/** Verifies the email with a typed code. Throws `invalid_code` or `code_expired`. */
export async function verifyEmailByCode(ctx: FoyerServerContext, email: string, code: string): Promise<UserRow> {
  const user = await findUserByEmail(ctx.db, email);
  if (!user) throw new FoyerError('invalid_code');
  const row = await findCurrentCode(ctx.db, user.id, 'verify_email');
  if (!row) throw new FoyerError('invalid_code');
  const nowIso = ctx.now().toISOString();
  if (row.expires_at <= nowIso || row.attempts >= MAX_CODE_ATTEMPTS) throw new FoyerError('code_expired');
  const attempt = await claimCodeAttempt(ctx.db, row.id, MAX_CODE_ATTEMPTS);
  if (attempt === undefined) throw new FoyerError('code_expired');
  if (!digestsEqual(row.code_hash, hashCode(ctx.secret, user.id, code))) {
    throw new FoyerError(attempt >= MAX_CODE_ATTEMPTS ? 'code_expired' : 'invalid_code');
  }
  if (!(await markCodeUsed(ctx.db, row.id, nowIso))) throw new FoyerError('invalid_code');
  await markEmailVerified(ctx.db, user.id, nowIso);
  return { ...user, email_verified_at: user.email_verified_at ?? nowIso };
}

/** Verifies the email with the link token. Throws `invalid_code` (unknown/used) or `code_expired`. */
export async function verifyEmailByToken(ctx: FoyerServerContext, token: string): Promise<UserRow> {
  const row = await findCodeByTokenHash(ctx.db, hashToken(token));
  if (!row || row.purpose !== 'verify_email' || row.used_at !== null) throw new FoyerError('invalid_code');
  const nowIso = ctx.now().toISOString();
  if (row.expires_at <= nowIso) throw new FoyerError('code_expired');
  if (!(await markCodeUsed(ctx.db, row.id, nowIso))) throw new FoyerError('invalid_code');
  await markEmailVerified(ctx.db, row.user_id, nowIso);
  const user = await findUserById(ctx.db, row.user_id);
  if (!user) throw new FoyerError('invalid_code');
  return user;
}
