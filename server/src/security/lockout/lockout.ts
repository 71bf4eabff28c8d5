/**
 * @module The lockout ladder (NIST SP 800-63B §5.2.2, OWASP ASVS 4.0.3 V2.2.1): consecutive
 * failures per identity, counted atomically in the database. An attempt is RESERVED (counted as a
 * failure) before the password is checked, by one conditional upsert, and a success resets it:
 * so 50 parallel guesses can never get more than `lockAfter` password checks, on any number of
 * instances sharing the database. An attempt in flight counts as a failure until proven right.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { precompiled } from '../../db/precompiled.js';
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
  const row = (await counterByKey(db, { key })).rows[0];
  return counterState(row, now, policy);
}

const counterByKey = precompiled<{ key: string }, SignInCounterRow>((db, param) =>
  db.selectFrom('sign_in_counters').selectAll().where('key', '=', param('key')),
);

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
  const lockEnd = sql.join(
    ends.slice(0, -1).map((end, count) => sql`when ${sql.lit(count)} then ${end}`),
    sql` `,
  );
  const lockEndCase =
    ends.length > 1 ? sql`case sign_in_counters.lock_count ${lockEnd} else ${ends.at(-1)} end` : sql`${ends[0]}`;
  // Failures before this attempt: a finished lock leaves the identity at the CAPTCHA stage.
  const before = sql`(case when sign_in_counters.locked_until is not null and sign_in_counters.locked_until <= ${nowIso} then ${sql.lit(policy.captchaAfter)} else sign_in_counters.consecutive_failures end)`;
  const lockAfter = sql.lit(policy.lockAfter);
  const result = await sql<{ consecutive_failures: number; locked_until: string | null }>`
    insert into sign_in_counters (key, kind, consecutive_failures, lock_count, locked_until, updated_at)
    values (${key}, ${kind}, 1, 0, null, ${nowIso})
    on conflict (key) do update set
      consecutive_failures = ${before} + 1,
      lock_count = case when ${before} + 1 >= ${lockAfter} then sign_in_counters.lock_count + 1 else sign_in_counters.lock_count end,
      locked_until = case when ${before} + 1 >= ${lockAfter} then ${lockEndCase} else null end,
      updated_at = ${nowIso}
    where (sign_in_counters.locked_until is null or sign_in_counters.locked_until <= ${nowIso})
      and ${before} < ${sql.lit(limit)}
    returning consecutive_failures, locked_until`.execute(db);
  const row = result.rows[0];
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
  const nowIso = now.toISOString();
  await (options.keepLock ? resetUnlocked : resetAny)(db, { key, nowIso });
}

type ResetParams = { key: string; nowIso: string };

const resetQuery = (db: Kysely<Database>, param: <K extends keyof ResetParams>(name: K) => ResetParams[K]) =>
  db
    .updateTable('sign_in_counters')
    .set({ consecutive_failures: 0, lock_count: 0, locked_until: null, updated_at: param('nowIso') })
    .where('key', '=', param('key'));

const resetAny = precompiled<ResetParams>(resetQuery);

const resetUnlocked = precompiled<ResetParams>((db, param) =>
  resetQuery(db, param).where((eb) =>
    eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', param('nowIso'))]),
  ),
);

/** Lifts a lock (unlock link): failures back to 0; `lock_count` stays, so a renewed attack locks for longer. */
export async function liftLock(db: Kysely<Database>, key: string, now: Date): Promise<void> {
  await db
    .updateTable('sign_in_counters')
    .set({ consecutive_failures: 0, locked_until: null, updated_at: now.toISOString() })
    .where('key', '=', key)
    .execute();
}

/** Counter key of an identity (hash of the normalised email). */
export function identityCounterKey(identityHash: string): string {
  return `identity:${identityHash}`;
}

/** Counter key of an identity on one known device. */
export function deviceCounterKey(identityHash: string, deviceId: string): string {
  return `device:${deviceId}:${identityHash}`;
}
