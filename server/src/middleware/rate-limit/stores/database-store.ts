/**
 * @module Rate-limit counters in Foyer's database (the default): one upsert per hit, atomic on
 * SQLite and PostgreSQL, so parallel requests and several instances sharing PostgreSQL agree.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/database.js';
import { precompiled } from '../../../db/precompiled.js';
import type { RateLimitBucket, RateLimitStore } from './store.js';

/** Counts one hit, atomically: a new bucket, the next hit of the window, or a new window. */
export const countHit = precompiled<
  { key: string; nowIso: string; resetIso: string },
  { hits: number; reset_at: string }
>((db, param) =>
  db
    .insertInto('rate_limit_buckets')
    .values({ key: param('key'), hits: 1, reset_at: param('resetIso') })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        // Both branches read the row as it was before this statement (SQL semantics).
        hits: sql<number>`case when rate_limit_buckets.reset_at <= ${param('nowIso')} then 1 else rate_limit_buckets.hits + 1 end`,
        reset_at: sql<string>`case when rate_limit_buckets.reset_at <= ${param('nowIso')} then ${param('resetIso')} else rate_limit_buckets.reset_at end`,
      }),
    )
    .returning(['hits', 'reset_at']),
);

/** Buckets purged per hit at most, so the table stays small without a job. */
const PURGE_BATCH = 50;

/**
 * A store over the `rate_limit_buckets` table. A window starts at a bucket's first hit and lasts
 * `windowMs`; the first hit after it ends starts a new window.
 *
 * @example
 * const store = createDatabaseRateLimitStore(db);
 * await store.hit('sign-in:ip:203.0.113.7', 60_000, Date.now()); // { hits: 1, resetAt: … }
 */
export function createDatabaseRateLimitStore(db: Kysely<Database>): RateLimitStore {
  let hitsSincePurge = 0;
  return {
    async hit(key, windowMs, now) {
      const nowIso = new Date(now).toISOString();
      const resetIso = new Date(now + windowMs).toISOString();
      const [row] = (await countHit(db, { key, nowIso, resetIso })).rows;
      if (!row) throw new Error('rate-limit upsert returned no row');
      if (++hitsSincePurge >= 500) {
        hitsSincePurge = 0;
        await purgeExpired(db, nowIso);
      }
      return { hits: Number(row.hits), resetAt: Date.parse(row.reset_at) };
    },
    async peek(key, _windowMs, now) {
      const row = await db
        .selectFrom('rate_limit_buckets')
        .select(['hits', 'reset_at'])
        .where('key', '=', key)
        .executeTakeFirst();
      if (!row || Date.parse(row.reset_at) <= now) return { hits: 0, resetAt: now };
      return { hits: Number(row.hits), resetAt: Date.parse(row.reset_at) };
    },
  };
}

/** Deletes a batch of buckets whose window is over. */
async function purgeExpired(db: Kysely<Database>, nowIso: string): Promise<void> {
  const stale = db.selectFrom('rate_limit_buckets').select('key').where('reset_at', '<=', nowIso).limit(PURGE_BATCH);
  await db.deleteFrom('rate_limit_buckets').where('key', 'in', stale).execute();
}

/** Reads several buckets at once (risk signals); missing or finished windows count 0. */
export async function peekDatabaseBuckets(
  db: Kysely<Database>,
  keys: string[],
  now: number,
): Promise<Map<string, RateLimitBucket>> {
  const result = new Map<string, RateLimitBucket>();
  if (keys.length === 0) return result;
  const rows = await db
    .selectFrom('rate_limit_buckets')
    .select(['key', 'hits', 'reset_at'])
    .where('key', 'in', keys)
    .where('reset_at', '>', new Date(now).toISOString())
    .execute();
  for (const row of rows) result.set(row.key, { hits: Number(row.hits), resetAt: Date.parse(row.reset_at) });
  return result;
}
