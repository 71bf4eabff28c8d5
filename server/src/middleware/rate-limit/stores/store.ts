/** @module The rate-limit store contract: one atomic "count a hit in this fixed window" operation. */

/** The state of one bucket right after a hit was counted (or peeked). */
export interface RateLimitBucket {
  /** Hits in the current window, this one included. */
  hits: number;
  /** When the current window ends (ms since the epoch). */
  resetAt: number;
}

/**
 * Where rate-limit counters live. Every method is atomic across server instances sharing the
 * store: two parallel hits never both see the same count.
 */
export interface RateLimitStore {
  /** Counts one hit on `key` in a fixed window of `windowMs` and answers the bucket. */
  hit(key: string, windowMs: number, now: number): Promise<RateLimitBucket>;
  /** The bucket without counting (`hits: 0` when none or its window is over). */
  peek(key: string, windowMs: number, now: number): Promise<RateLimitBucket>;
  /** Releases connections the store opened itself. */
  close?(): Promise<void>;
}
