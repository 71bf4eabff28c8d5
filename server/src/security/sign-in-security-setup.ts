/**
 * @module Builds a server's sign-in security (lockout ladder policy, risk policy, CAPTCHA, rate-limit
 * store and policies) from its options. Needs no server context, so the context can be built with
 * it in one go; the request-time glue that uses the context lives in `sign-in-security.ts`.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { Kysely } from 'kysely';
import type { RateLimitPolicyId } from '@foyer/core';
import { createCaptchaVerifier, type CaptchaOption, type CaptchaVerifier } from '../adapters/captcha/index.js';
import type { Database } from '../db/database.js';
import { createRateLimitPolicies, type RateLimitsOption } from '../middleware/rate-limit/policies.js';
import { createDatabaseRateLimitStore } from '../middleware/rate-limit/stores/database-store.js';
import { createRedisRateLimitStore } from '../middleware/rate-limit/stores/redis-store.js';
import type { RateLimitStore } from '../middleware/rate-limit/stores/store.js';
import type { AuditEvent } from './audit-log.js';
import { clientAddress } from './client-address.js';
import { readDeviceId } from './lockout/device-cookie.js';
import { resolveLockoutPolicy, type LockoutPolicy } from './lockout/lockout.js';
import { resolveRiskPolicy, type RiskOption, type RiskPolicy } from './risk/risk-score.js';

/** Sign-in security options of `createFoyerServer`. */
export interface SignInSecurityOptions {
  lockout?: Partial<LockoutPolicy>;
  risk?: RiskOption;
  captcha?: CaptchaOption | CaptchaVerifier;
  rateLimits?: RateLimitsOption;
  rateLimitStore?: 'database' | { redis: string } | RateLimitStore;
  trustProxy?: boolean;
}

/** The resolved sign-in security of one server. */
export interface SignInSecurity {
  lockout: LockoutPolicy;
  risk: RiskPolicy;
  captcha: CaptchaVerifier;
  rateLimitStore: RateLimitStore;
  /** The rate-limit middleware of a route. */
  rateLimit: (id: RateLimitPolicyId) => MiddlewareHandler;
}

/** Builds the sign-in security of a server. */
export function createSignInSecurity(
  options: SignInSecurityOptions,
  deps: {
    db: Kysely<Database>;
    secret: string;
    now: () => Date;
    audit: (c: Context, event: AuditEvent) => Promise<void>;
    onStoreError?: (error: unknown) => void;
  },
): SignInSecurity {
  const store =
    options.rateLimitStore === undefined || options.rateLimitStore === 'database'
      ? createDatabaseRateLimitStore(deps.db)
      : 'redis' in options.rateLimitStore
        ? createRedisRateLimitStore({ redis: options.rateLimitStore.redis })
        : options.rateLimitStore;
  const trustProxy = options.trustProxy ?? false;
  return {
    lockout: resolveLockoutPolicy(options.lockout),
    risk: resolveRiskPolicy(options.risk),
    captcha: createCaptchaVerifier(options.captcha, deps.secret, deps.now),
    rateLimitStore: store,
    rateLimit: createRateLimitPolicies({
      store,
      ...(options.rateLimits ? { overrides: options.rateLimits } : {}),
      now: deps.now,
      clientIp: (c) => clientAddress(c, { trustProxy }),
      signInDevice: (c) => readDeviceId(c, deps.secret),
      onLimited: async (c, refusal) => {
        const identity = typeof refusal.body?.email === 'string' ? refusal.body.email : null;
        await deps.audit(c, {
          type: 'rate_limited',
          identity,
          details: {
            policy: refusal.policy,
            dimension: refusal.dimension,
            limit: refusal.limit,
            windowSeconds: refusal.windowMs / 1000,
            retryAfter: refusal.retryAfter,
          },
        });
      },
      ...(deps.onStoreError ? { onStoreError: deps.onStoreError } : {}),
    }),
  };
}
