/**
 * @module One-time codes by email, for every purpose (email verification, password reset): a
 * 6-digit code HMAC'd with the server secret and bound to its owner, and a link token stored as
 * SHA-256; 15 minutes; single use; a new code replaces the old; at most 5 tries per code, counted
 * by one conditional UPDATE (NIST SP 800-63B §5.1.1 and §5.2.2, OWASP ASVS 4.0.3 V2.5.x / V2.7.x).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { FoyerError } from '@foyer/core';
import type { Database } from '../db/database.js';
import {
  claimCodeAttempt,
  findCodeByTokenHash,
  findCurrentCode,
  replaceOneTimeCode,
} from '../db/repositories/one-time-codes.js';
import type { OneTimeCodePurpose, OneTimeCodeRow } from '../db/tables/one-time-code.table.js';
import { digestsEqual, generateNumericCode, generateToken, hashCode, hashToken } from '../security/tokens.js';
import type { FoyerServerContext } from '../server-context.js';

/** How long a code and its link work. */
export const ONE_TIME_CODE_TTL_MS = 15 * 60 * 1000;
/**
 * Tries per code, right or wrong. The try that reaches the limit with a wrong code answers
 * `410 code_expired` (the code is dead; the user must ask for a new one), as does every later try.
 */
export const MAX_CODE_ATTEMPTS = 5;

/** A freshly issued code, in clear: goes into the email and nowhere else. */
export interface IssuedCode {
  code: string;
  token: string;
  minutesValid: number;
}

/** Options of {@link issueOneTimeCode} and {@link checkOneTimeCode}. */
export interface OneTimeCodeOptions {
  /** Lifetime of the code. @default ONE_TIME_CODE_TTL_MS (15 min) */
  ttlMs?: number;
  /**
   * Extra material the code is bound to besides the user (e.g. the phone number it was sent to),
   * so a code only works for what it was sent for. Issue and check must pass the same value.
   */
  bindTo?: string;
}

/** What a code's HMAC is keyed to: the user, plus any binding. */
function codeOwner(userId: string, options: OneTimeCodeOptions): string {
  return options.bindTo === undefined ? userId : `${userId}\n${options.bindTo}`;
}

/**
 * Creates a fresh code and link token for the user and purpose, replacing any live one. `db` may
 * be a transaction.
 */
export async function issueOneTimeCode(
  ctx: Pick<FoyerServerContext, 'db' | 'now' | 'secret'>,
  userId: string,
  purpose: OneTimeCodePurpose,
  db: Kysely<Database> = ctx.db,
  options: OneTimeCodeOptions = {},
): Promise<IssuedCode> {
  const ttlMs = options.ttlMs ?? ONE_TIME_CODE_TTL_MS;
  const code = generateNumericCode();
  const token = generateToken();
  const now = ctx.now();
  await replaceOneTimeCode(db, {
    id: randomUUID(),
    user_id: userId,
    purpose,
    code_hash: hashCode(ctx.secret, codeOwner(userId, options), code),
    token_hash: hashToken(token),
    attempts: 0,
    expires_at: new Date(now.getTime() + ttlMs).toISOString(),
    used_at: null,
    created_at: now.toISOString(),
  });
  return { code, token, minutesValid: ttlMs / 60_000 };
}

/**
 * Checks a typed code against the user's live code for the purpose, spending one try (atomic).
 * Does not mark it used: the caller does that (with `markCodeUsed`) once the action succeeds.
 * @throws `invalid_code` (no user, no live code — including a used one — or a wrong code) or
 * `code_expired` (past its time, or out of tries)
 */
export async function checkOneTimeCode(
  ctx: Pick<FoyerServerContext, 'db' | 'now' | 'secret'>,
  userId: string | undefined,
  purpose: OneTimeCodePurpose,
  code: string,
  options: Pick<OneTimeCodeOptions, 'bindTo'> = {},
): Promise<OneTimeCodeRow> {
  if (!userId) throw new FoyerError('invalid_code');
  const row = await findCurrentCode(ctx.db, userId, purpose);
  if (!row) throw new FoyerError('invalid_code');
  if (row.expires_at <= ctx.now().toISOString() || row.attempts >= MAX_CODE_ATTEMPTS)
    throw new FoyerError('code_expired');
  const attempt = await claimCodeAttempt(ctx.db, row.id, MAX_CODE_ATTEMPTS);
  if (attempt === undefined) {
    // Out of tries, or used (or replaced) by a parallel request since we read it: a replay of a
    // used code answers `invalid_code` whether or not it raced the request that used it.
    const stillCurrent = (await findCurrentCode(ctx.db, userId, purpose))?.id === row.id;
    throw new FoyerError(stillCurrent ? 'code_expired' : 'invalid_code');
  }
  if (!digestsEqual(row.code_hash, hashCode(ctx.secret, codeOwner(userId, options), code))) {
    throw new FoyerError(attempt >= MAX_CODE_ATTEMPTS ? 'code_expired' : 'invalid_code');
  }
  return row;
}

/**
 * Finds the live code row of a link token for the purpose. The token has 256 bits: tries are not
 * counted for it. Does not mark it used.
 * @throws `invalid_code` (unknown, other purpose, used) or `code_expired`
 */
export async function checkLinkToken(
  ctx: Pick<FoyerServerContext, 'db' | 'now'>,
  token: string,
  purpose: OneTimeCodePurpose,
): Promise<OneTimeCodeRow> {
  const row = await findCodeByTokenHash(ctx.db, hashToken(token));
  if (!row || row.purpose !== purpose || row.used_at !== null) throw new FoyerError('invalid_code');
  if (row.expires_at <= ctx.now().toISOString()) throw new FoyerError('code_expired');
  return row;
}
