/**
 * @module The rate-limit middleware (OWASP ASVS 4.0.3 V2.2.1, V11.1.4): fixed-window counters
 * per IP and per identity, `429 rate_limited` with `Retry-After`, and the IETF `RateLimit-Policy`
 * / `RateLimit` fields (draft-ietf-httpapi-ratelimit-headers-10) on allowed and refused answers.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { FoyerError } from '@foyer/core';
import type { RateLimitBucket, RateLimitStore } from './stores/store.js';

/** One counted dimension of a policy, e.g. "per identity" or "per IP". */
export interface RateLimitKey {
  /** Names the dimension in keys and headers (`"sign-in-ip"`). */
  name: string;
  /** Requests allowed per window. */
  limit: number;
  /** Window length in milliseconds. */
  windowMs: number;
  /**
   * The counter key for this request, or `undefined` to skip the dimension (e.g. no email in the
   * body). `body` is the parsed JSON body when the request has one.
   */
  key: (c: Context, body: Record<string, unknown> | undefined) => string | undefined;
}

/** What a refusal reports (for the audit log). */
export interface RateLimitRefusal {
  policy: string;
  dimension: string;
  limit: number;
  windowMs: number;
  retryAfter: number;
  body: Record<string, unknown> | undefined;
}

/** Options of {@link rateLimit}. */
export interface RateLimitOptions {
  /** Policy id, e.g. `'sign-in'`: prefixes counter keys and names the header entries. */
  id: string;
  /**
   * The dimensions, narrowest first (identity before IP). They are counted in order and counting
   * stops at the first refusal, so a request one dimension refuses spends no quota of the next:
   * a flood for one email exhausts that email's quota, not the quota of its IP.
   */
  keys: RateLimitKey[];
  store: RateLimitStore;
  /** The clock. @default () => new Date() */
  now?: () => Date;
  /** Called (awaited) on each refusal, e.g. to write the audit log. */
  onLimited?: (c: Context, refusal: RateLimitRefusal) => Promise<void>;
  /** Called when the store fails; the request is then let through (fail open). */
  onStoreError?: (error: unknown) => void;
}

/** Reads the JSON body once; Hono caches it, so the handler can read it again. */
async function readJsonBody(c: Context): Promise<Record<string, unknown> | undefined> {
  if (!/^application\/(.+\+)?json/i.test(c.req.header('content-type') ?? '')) return undefined;
  try {
    const value: unknown = JSON.parse(await c.req.text());
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** A Structured Field string (`"sign-in-ip"`). */
function sfString(value: string): string {
  return `"${value.replace(/[\\"]/g, (ch) => `\\${ch}`)}"`;
}

/**
 * A rate-limit middleware.
 *
 * @example
 * auth.post('/sign-in', rateLimit({
 *   id: 'sign-in', store,
 *   keys: [{ name: 'ip', limit: 100, windowMs: 15 * 60_000, key: (c) => clientAddress(c) }],
 * }), handler);
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const now = options.now ?? (() => new Date());
  const policyHeader = options.keys
    .map((entry) => `${sfString(`${options.id}-${entry.name}`)};q=${entry.limit};w=${Math.ceil(entry.windowMs / 1000)}`)
    .join(', ');

  return async (c, next) => {
    const body = c.req.method === 'GET' || c.req.method === 'HEAD' ? undefined : await readJsonBody(c);
    const at = now().getTime();
    const states: string[] = [];
    let refused: { entry: RateLimitKey; bucket: RateLimitBucket } | undefined;
    for (const entry of options.keys) {
      const value = entry.key(c, body);
      if (value === undefined) continue;
      let bucket: RateLimitBucket;
      try {
        bucket = await options.store.hit(`${options.id}:${entry.name}:${value}`, entry.windowMs, at);
      } catch (error) {
        options.onStoreError?.(error);
        continue;
      }
      const seconds = Math.max(0, Math.ceil((bucket.resetAt - at) / 1000));
      states.push(
        `${sfString(`${options.id}-${entry.name}`)};r=${Math.max(0, entry.limit - bucket.hits)};t=${seconds}`,
      );
      if (bucket.hits > entry.limit) {
        refused = { entry, bucket };
        break;
      }
    }

    c.header('RateLimit-Policy', policyHeader);
    if (states.length > 0) c.header('RateLimit', states.join(', '));
    if (refused) {
      const retryAfter = Math.max(1, Math.ceil((refused.bucket.resetAt - at) / 1000));
      await options.onLimited?.(c, {
        policy: options.id,
        dimension: refused.entry.name,
        limit: refused.entry.limit,
        windowMs: refused.entry.windowMs,
        retryAfter,
        body,
      });
      throw new FoyerError('rate_limited', { retryAfter });
    }
    await next();
    // An answer built as a fresh Response (not through `c`) would miss the fields: add them.
    if (!c.res.headers.has('RateLimit-Policy')) {
      c.res.headers.set('RateLimit-Policy', policyHeader);
      if (states.length > 0) c.res.headers.set('RateLimit', states.join(', '));
    }
  };
}
