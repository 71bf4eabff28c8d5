/**
 * @module Foyer's rate-limit policies per route, with their defaults. Each route is limited per
 * identity (the normalised email, stored hashed) and per IP; see docs/security.md.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { RateLimitPolicyId } from '@foyer/core';
import { identityHash } from '../../security/audit-log.js';
import { rateLimit, type RateLimitKey, type RateLimitRefusal } from './rate-limit.js';
import type { RateLimitStore } from './stores/store.js';

/** Routes Foyer rate-limits: the policy ids the route table names (`rateLimit`). */
export type { RateLimitPolicyId };

/** One dimension's limit. */
export interface RateLimitWindow {
  /** Requests allowed per window. */
  limit: number;
  /** Window length in milliseconds. */
  windowMs: number;
}

/** A route's limits: per identity and per IP; `false` turns a dimension off. */
export interface RateLimitPolicy {
  identity?: RateLimitWindow | false;
  ip?: RateLimitWindow | false;
}

/** The `rateLimits` option: per-route overrides, merged over the defaults; `false` turns a route's limits off. */
export type RateLimitsOption = Partial<Record<RateLimitPolicyId, RateLimitPolicy | false>>;

const MINUTE = 60_000;

/**
 * Default limits. Generous for people, tight for scripts; the lockout ladder (5 failures), not
 * these limits, is what stops password guessing on one account.
 * - sign-in: 20 per identity and device / 15 min (a known device has its own quota, so a flood
 *   from elsewhere cannot rate-limit the owner), 100 per IP / 15 min.
 * - sign-up: 5 per email / 15 min; 30 per IP / 15 min, counted only for requests the email's
 *   quota let through (so a flood for A never blocks B from the same IP).
 */
export const DEFAULT_RATE_LIMITS: Record<RateLimitPolicyId, Required<RateLimitPolicy>> = {
  'sign-up': { identity: { limit: 5, windowMs: 15 * MINUTE }, ip: { limit: 30, windowMs: 15 * MINUTE } },
  'sign-in': { identity: { limit: 20, windowMs: 15 * MINUTE }, ip: { limit: 100, windowMs: 15 * MINUTE } },
  'verify-email': { identity: { limit: 30, windowMs: 15 * MINUTE }, ip: { limit: 60, windowMs: 15 * MINUTE } },
  'resend-verification': { identity: { limit: 3, windowMs: 15 * MINUTE }, ip: { limit: 20, windowMs: 15 * MINUTE } },
  'password-forgot': { identity: { limit: 3, windowMs: 15 * MINUTE }, ip: { limit: 20, windowMs: 15 * MINUTE } },
  'password-reset': { identity: { limit: 10, windowMs: 15 * MINUTE }, ip: { limit: 30, windowMs: 15 * MINUTE } },
  unlock: { identity: false, ip: { limit: 20, windowMs: 15 * MINUTE } },
  'captcha-challenge': { identity: false, ip: { limit: 60, windowMs: MINUTE } },
  'mfa-verify': { identity: false, ip: { limit: 30, windowMs: 15 * MINUTE } },
  'mfa-setup': { identity: false, ip: { limit: 30, windowMs: 15 * MINUTE } },
  'passkey-options': { identity: false, ip: { limit: 60, windowMs: 15 * MINUTE } },
};

/** What the policies need from the server. */
export interface RateLimitPoliciesConfig {
  store: RateLimitStore;
  overrides?: RateLimitsOption;
  now: () => Date;
  /** The client's IP address (honouring `trustProxy`). */
  clientIp: (c: Context) => string | undefined;
  /** Extra key material for the identity dimension of sign-in: the known-device id, if any. */
  signInDevice?: (c: Context) => string | undefined;
  onLimited?: (c: Context, refusal: RateLimitRefusal) => Promise<void>;
  onStoreError?: (error: unknown) => void;
}

/** The email in a body, normalised as the core schema does (trimmed, lower-case), if any. */
export function bodyIdentity(body: Record<string, unknown> | undefined): string | undefined {
  const email = body?.email;
  return typeof email === 'string' && email.trim() !== '' ? email.trim().toLowerCase() : undefined;
}

/**
 * Builds the middleware for each policy, once per server.
 *
 * @example
 * const limits = createRateLimitPolicies({ store, now, clientIp: (c) => clientAddress(c) });
 * auth.post('/sign-in', limits('sign-in'), handler);
 */
export function createRateLimitPolicies(config: RateLimitPoliciesConfig): (id: RateLimitPolicyId) => MiddlewareHandler {
  const cache = new Map<RateLimitPolicyId, MiddlewareHandler>();
  const build = (id: RateLimitPolicyId): MiddlewareHandler => {
    const override = config.overrides?.[id];
    const defaults = DEFAULT_RATE_LIMITS[id];
    const identity =
      override === false ? false : override?.identity === undefined ? defaults.identity : override.identity;
    const ip = override === false ? false : override?.ip === undefined ? defaults.ip : override.ip;
    const keys: RateLimitKey[] = [];
    if (identity) {
      keys.push({
        name: 'identity',
        ...identity,
        key: (c, body) => {
          const email = bodyIdentity(body);
          if (!email) return undefined;
          const device = id === 'sign-in' ? config.signInDevice?.(c) : undefined;
          return device ? `${identityHash(email)}:${device}` : identityHash(email);
        },
      });
    }
    if (ip) keys.push({ name: 'ip', ...ip, key: (c) => config.clientIp(c) ?? 'unknown' });
    if (keys.length === 0) return async (_c, next) => next();
    return rateLimit({
      id,
      keys,
      store: config.store,
      now: config.now,
      ...(config.onLimited ? { onLimited: config.onLimited } : {}),
      ...(config.onStoreError ? { onStoreError: config.onStoreError } : {}),
    });
  };
  return (id) => {
    let middleware = cache.get(id);
    if (!middleware) cache.set(id, (middleware = build(id)));
    return middleware;
  };
}
