/**
 * @module Queries on `rate_limit_buckets`. A hit is one upsert (atomic on SQLite and PostgreSQL),
 * so parallel requests and several instances sharing PostgreSQL agree on the count.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../database.js';
import { precompiled } from '../precompiled.js';
import type { RateLimitBucketRow } from '../tables/rate-limit-bucket.table.js';

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

/** The bucket of `key` as stored (its window may be over), if any. */
export async function findBucket(
  db: Kysely<Database>,
  key: string,
): Promise<Pick<RateLimitBucketRow, 'hits' | 'reset_at'> | undefined> {
  return db.selectFrom('rate_limit_buckets').select(['hits', 'reset_at']).where('key', '=', key).executeTakeFirst();
}

/** The buckets of `keys` whose window is still open at `nowIso`. No query for no keys. */
export async function listOpenBuckets(
  db: Kysely<Database>,
  keys: string[],
  nowIso: string,
): Promise<RateLimitBucketRow[]> {
  if (keys.length === 0) return [];
  return db
    .selectFrom('rate_limit_buckets')
    .select(['key', 'hits', 'reset_at'])
    .where('key', 'in', keys)
    .where('reset_at', '>', nowIso)
    .execute();
}

/** Deletes at most `batch` buckets whose window is over at `nowIso` (one statement). */
export async function purgeExpiredBuckets(db: Kysely<Database>, nowIso: string, batch: number): Promise<void> {
  const stale = db.selectFrom('rate_limit_buckets').select('key').where('reset_at', '<=', nowIso).limit(batch);
  await db.deleteFrom('rate_limit_buckets').where('key', 'in', stale).execute();
}
