/**
 * @module Queries on `sign_in_counters`, the lockout ladder's counters. Every change is one
 * conditional statement, so parallel guesses (and several instances sharing the database) can
 * never count past a limit or lose a failure.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../database.js';
import { precompiled } from '../precompiled.js';
import type { SignInCounterKind, SignInCounterRow } from '../tables/sign-in-counter.table.js';

const counterByKey = precompiled<{ key: string }, SignInCounterRow>((db, param) =>
  db.selectFrom('sign_in_counters').selectAll().where('key', '=', param('key')),
);

/** The counter of `key`, if it was ever touched. Precompiled: every sign-in asks. */
export async function findSignInCounter(db: Kysely<Database>, key: string): Promise<SignInCounterRow | undefined> {
  return (await counterByKey(db, { key })).rows[0];
}

/** What {@link reserveSignInAttempt} needs besides the key: the ladder, already resolved to values. */
export interface SignInAttemptReservation {
  key: string;
  kind: SignInCounterKind;
  nowIso: string;
  /** Failures (before this attempt) at which the attempt is refused. */
  limit: number;
  /** Failures a finished lock leaves the identity at. */
  captchaAfter: number;
  /** Failures at which this attempt sets the lock. */
  lockAfter: number;
  /** End of the lock for `lock_count` = 0, 1, …; the last entry also stands for every later count. */
  lockEnds: string[];
}

/**
 * Counts one attempt as a failure, atomically, unless the counter is locked at `nowIso` or
 * already at `limit`; the attempt reaching `lockAfter` sets the lock in the same statement.
 * @returns the counter after the attempt, or `undefined` when refused
 */
export async function reserveSignInAttempt(
  db: Kysely<Database>,
  input: SignInAttemptReservation,
): Promise<{ consecutive_failures: number; locked_until: string | null } | undefined> {
  const { key, kind, nowIso, limit, lockEnds: ends } = input;
  const lockEnd = sql.join(
    ends.slice(0, -1).map((end, count) => sql`when ${sql.lit(count)} then ${end}`),
    sql` `,
  );
  const lockEndCase =
    ends.length > 1 ? sql`case sign_in_counters.lock_count ${lockEnd} else ${ends.at(-1)} end` : sql`${ends[0]}`;
  // Failures before this attempt: a finished lock leaves the identity at the CAPTCHA stage.
  const before = sql`(case when sign_in_counters.locked_until is not null and sign_in_counters.locked_until <= ${nowIso} then ${sql.lit(input.captchaAfter)} else sign_in_counters.consecutive_failures end)`;
  const lockAfter = sql.lit(input.lockAfter);
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
  return result.rows[0];
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

/**
 * Clears the counter (failures, lock count, lock). With `keepLock`, a lock in force at `nowIso`
 * is left untouched (the statement matches no row then). Precompiled: every sign-in resets.
 */
export async function resetSignInCounter(
  db: Kysely<Database>,
  key: string,
  nowIso: string,
  keepLock: boolean,
): Promise<void> {
  await (keepLock ? resetUnlocked : resetAny)(db, { key, nowIso });
}

/** Lifts a lock: failures back to 0, `lock_count` kept (a renewed attack locks for longer). */
export async function liftSignInCounterLock(db: Kysely<Database>, key: string, nowIso: string): Promise<void> {
  await db
    .updateTable('sign_in_counters')
    .set({ consecutive_failures: 0, locked_until: null, updated_at: nowIso })
    .where('key', '=', key)
    .execute();
}
