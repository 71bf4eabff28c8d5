/**
 * @module The lockout ladder (NIST SP 800-63B §5.2.2, OWASP ASVS 4.0.3 V2.2.1): consecutive
 * failures per identity, counted atomically in the database. An attempt is RESERVED (counted as a
 * failure) before the password is checked, by one conditional upsert, and a success resets it:
 * so 50 parallel guesses can never get more than `lockAfter` password checks, on any number of
 * instances sharing the database. An attempt in flight counts as a failure until proven right.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import {
  findSignInCounter,
  liftSignInCounterLock,
  reserveSignInAttempt,
  resetSignInCounter,
} from '../../db/repositories/sign-in-counters.js';
import type { SignInCounterKind, SignInCounterRow } from '../../db/tables/sign-in-counter.table.js';

/** The ladder's numbers. */
export interface LockoutPolicy {
  /** Failures after which unknown devices must solve a CAPTCHA. @default 3 */
  captchaAfter: number;
  /** Failures after which the identity is locked for unknown devices. @default 5 */
  lockAfter: number;
  /** First lock length; each further lock doubles it. @default 900_000 (15 minutes) */
  lockMs: number;
  /** Longest lock. @default 86_400_000 (24 hours) */
  maxLockMs: number;
}

/** The default ladder: CAPTCHA after 3 failures, lock after 5, for 15 min doubling up to 24 h. */
export const DEFAULT_LOCKOUT_POLICY: LockoutPolicy = {
  captchaAfter: 3,
  lockAfter: 5,
  lockMs: 15 * 60_000,
  maxLockMs: 24 * 60 * 60_000,
};

/** Validates and completes a partial policy. */
export function resolveLockoutPolicy(partial: Partial<LockoutPolicy> = {}): LockoutPolicy {
  const policy = { ...DEFAULT_LOCKOUT_POLICY, ...partial };
  const { captchaAfter, lockAfter } = policy;
  if (
    !Number.isInteger(captchaAfter) ||
    !Number.isInteger(lockAfter) ||
    captchaAfter < 1 ||
    lockAfter < 2 ||
    captchaAfter > lockAfter
  ) {
    throw new Error('lockout: need integers with 1 <= captchaAfter <= lockAfter and lockAfter >= 2');
  }
  return policy;
}

/** Length of the lock number `lockCount` (0-based): `lockMs × 2^lockCount`, capped. */
export function lockDurationMs(policy: LockoutPolicy, lockCount: number): number {
  return Math.min(policy.lockMs * 2 ** Math.min(lockCount, 40), policy.maxLockMs);
}

/** A counter as the ladder sees it at `now`. */
export interface CounterState {
  /** Failures that count now (a finished lock leaves the identity in the CAPTCHA stage). */
  failures: number;
  /** The end of a lock in force, if any. */
  lockedUntil: Date | undefined;
}

/** Reads a counter's state at `now`. */
export async function readCounter(
  db: Kysely<Database>,
  key: string,
  now: Date,
  policy: LockoutPolicy,
): Promise<CounterState> {
  const row = await findSignInCounter(db, key);
  return counterState(row, now, policy);
}

function counterState(row: SignInCounterRow | undefined, now: Date, policy: LockoutPolicy): CounterState {
  if (!row) return { failures: 0, lockedUntil: undefined };
  if (row.locked_until !== null && row.locked_until > now.toISOString()) {
    return { failures: Number(row.consecutive_failures), lockedUntil: new Date(row.locked_until) };
  }
  if (row.locked_until !== null) return { failures: policy.captchaAfter, lockedUntil: undefined };
  return { failures: Number(row.consecutive_failures), lockedUntil: undefined };
}

/** A reserved attempt. */
export interface Reservation {
  /** Consecutive failures including this attempt. */
  failures: number;
  /** Set when this attempt reached `lockAfter`: the lock is in force until then (lifted if it succeeds). */
  lockedUntil: Date | undefined;
}

/**
 * Reserves one attempt: counts it as a failure, atomically, unless the counter is locked or
 * already at `limit` (`captchaAfter` without a verified CAPTCHA, `lockAfter` with one). The
 * attempt reaching `lockAfter` sets the lock in the same statement.
 * @returns the reservation, or `undefined` when refused (no password check may happen).
 */
export async function reserveAttempt(
  db: Kysely<Database>,
  input: { key: string; kind: SignInCounterKind; limit: number; now: Date; policy: LockoutPolicy },
): Promise<Reservation | undefined> {
  const { key, kind, limit, policy } = input;
  const nowIso = input.now.toISOString();
  // Lock ends for lock_count = 0, 1, …, until the cap; computed here so SQL stays portable.
  const ends: string[] = [];
  for (let count = 0; ; count++) {
    const ms = lockDurationMs(policy, count);
    ends.push(new Date(input.now.getTime() + ms).toISOString());
    if (ms >= policy.maxLockMs || count > 40) break;
  }
  const row = await reserveSignInAttempt(db, {
    key,
    kind,
    nowIso,
    limit,
    captchaAfter: policy.captchaAfter,
    lockAfter: policy.lockAfter,
    lockEnds: ends,
  });
  if (!row) return undefined;
  return {
    failures: Number(row.consecutive_failures),
    lockedUntil: row.locked_until ? new Date(row.locked_until) : undefined,
  };
}

/**
 * After a success: clears the counter. `keepLock` leaves a lock in force untouched (a known
 * device signed in while an attacker is locked out: the attacker stays locked out).
 */
export async function resetCounter(
  db: Kysely<Database>,
  key: string,
  now: Date,
  options: { keepLock?: boolean } = {},
): Promise<void> {
  await resetSignInCounter(db, key, now.toISOString(), options.keepLock ?? false);
}

/** Lifts a lock (unlock link): failures back to 0; `lock_count` stays, so a renewed attack locks for longer. */
export async function liftLock(db: Kysely<Database>, key: string, now: Date): Promise<void> {
  await liftSignInCounterLock(db, key, now.toISOString());
}

/** Counter key of an identity (hash of the normalised email). */
export function identityCounterKey(identityHash: string): string {
  return `identity:${identityHash}`;
}

/** Counter key of an identity on one known device. */
export function deviceCounterKey(identityHash: string, deviceId: string): string {
  return `device:${deviceId}:${identityHash}`;
}
