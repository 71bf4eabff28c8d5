/** @module The `rate_limit_buckets` table: fixed-window hit counters (rate limits and risk signals). */
import type { Selectable } from 'kysely';

/** Columns of `rate_limit_buckets`. A bucket whose `reset_at` has passed starts over at its next hit. */
export interface RateLimitBucketTable {
  key: string;
  hits: number;
  reset_at: string;
}

export type RateLimitBucketRow = Selectable<RateLimitBucketTable>;
