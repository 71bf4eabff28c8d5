/**
 * @module Rate-limit counters in Redis (ioredis), for several instances that should not put
 * counter writes on the database. Windows are aligned to the (injectable) clock: the key holds
 * the window's index, so every instance counts into the same bucket; one Lua call is atomic.
 */
import { Redis, type RedisOptions } from 'ioredis';
import type { RateLimitStore } from './store.js';

/** INCR, then set the expiry on the first hit of a window; returns the count. */
const HIT_SCRIPT = `local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return n`;

/** Options of {@link createRedisRateLimitStore}. */
export interface RedisRateLimitStoreOptions {
  /** A `redis://` URL (Foyer opens and closes the connection) or an ioredis instance you own. */
  redis: string | Redis;
  /** Prefix of every key. @default 'foyer:rl:' */
  prefix?: string;
  /** Extra ioredis options when `redis` is a URL. */
  redisOptions?: RedisOptions;
}

/**
 * A Redis-backed store. Commands fail fast when Redis is unreachable (no offline queue), and the
 * rate-limit middleware then lets the request through and logs: the database-backed lockout
 * still protects accounts.
 *
 * @example
 * const store = createRedisRateLimitStore({ redis: 'redis://127.0.0.1:6379' });
 */
export function createRedisRateLimitStore(options: RedisRateLimitStoreOptions): RateLimitStore {
  const owns = typeof options.redis === 'string';
  const client =
    typeof options.redis === 'string'
      ? new Redis(options.redis, {
          maxRetriesPerRequest: 1,
          enableOfflineQueue: true,
          connectTimeout: 2000,
          ...options.redisOptions,
        })
      : options.redis;
  const prefix = options.prefix ?? 'foyer:rl:';
  const windowKey = (key: string, windowMs: number, now: number): { redisKey: string; resetAt: number } => {
    const index = Math.floor(now / windowMs);
    return { redisKey: `${prefix}${key}:${windowMs}:${index}`, resetAt: (index + 1) * windowMs };
  };
  return {
    async hit(key, windowMs, now) {
      const { redisKey, resetAt } = windowKey(key, windowMs, now);
      // Kept for two windows, so a lagging clock on another instance still finds it.
      const hits = Number(await client.eval(HIT_SCRIPT, 1, redisKey, String(windowMs * 2)));
      return { hits, resetAt };
    },
    async peek(key, windowMs, now) {
      const { redisKey, resetAt } = windowKey(key, windowMs, now);
      const value = await client.get(redisKey);
      return { hits: value === null ? 0 : Number(value), resetAt };
    },
    async close() {
      if (owns) await client.quit().catch(() => client.disconnect());
    },
  };
}
