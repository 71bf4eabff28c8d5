/**
 * @module Rate-limit counters in Foyer's database (the default): one upsert per hit, atomic on
 * SQLite and PostgreSQL, so parallel requests and several instances sharing PostgreSQL agree.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database.js';
import {
  countHit,
  findBucket,
  listOpenBuckets,
  purgeExpiredBuckets,
} from '../../../db/repositories/rate-limit-buckets.js';
import type { RateLimitBucket, RateLimitStore } from './store.js';

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
        await purgeExpiredBuckets(db, nowIso, PURGE_BATCH);
      }
      return { hits: Number(row.hits), resetAt: Date.parse(row.reset_at) };
    },
    async peek(key, _windowMs, now) {
      const row = await findBucket(db, key);
      if (!row || Date.parse(row.reset_at) <= now) return { hits: 0, resetAt: now };
      return { hits: Number(row.hits), resetAt: Date.parse(row.reset_at) };
    },
  };
}

/** Reads several buckets at once (risk signals); missing or finished windows count 0. */
export async function peekDatabaseBuckets(
  db: Kysely<Database>,
  keys: string[],
  now: number,
): Promise<Map<string, RateLimitBucket>> {
  const result = new Map<string, RateLimitBucket>();
  if (keys.length === 0) return result;
  const rows = await listOpenBuckets(db, keys, new Date(now).toISOString());
  for (const row of rows) result.set(row.key, { hits: Number(row.hits), resetAt: Date.parse(row.reset_at) });
  return result;
}
