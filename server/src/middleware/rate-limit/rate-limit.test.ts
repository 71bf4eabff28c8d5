/**
 * OWASP ASVS 4.0.3 V2.2.1 / V11.1.4 (anti-automation, rate limits) and
 * draft-ietf-httpapi-ratelimit-headers-10: `RateLimit-Policy` and `RateLimit` on allowed and
 * refused answers, `429 rate_limited` with `Retry-After`, windows that reset with the clock; a
 * flood of sign-ups for one email does not block another email from the same IP; counters in
 * Redis are shared by several instances.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/dialects.js';
import { reportSkippedService } from '../../test-support/skipped-services.js';
import { GOOD_PASSWORD, startTestServer, type TestServer } from '../../test-support/test-server.js';
import { createRedisRateLimitStore } from './stores/redis-store.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

async function redisReachable(): Promise<string | undefined> {
  const client = new Redis(REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 1000,
    retryStrategy: () => null,
  });
  try {
    await client.connect();
    await client.ping();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    client.disconnect();
  }
}
const redisUnavailable = await redisReachable();
if (redisUnavailable) reportSkippedService('redis', redisUnavailable);

const resend = (s: TestServer, email: string) => s.request('/auth/resend-verification', { json: { email } });

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.available)(`rate limits (${dialect.name})`, () => {
    const servers: TestServer[] = [];
    afterEach(async () => {
      await Promise.all(servers.splice(0).map((s) => s.close()));
    });

    it('sends the IETF fields on allowed and refused answers, 429 with Retry-After, and resets with the clock', async () => {
      const s = await startTestServer(dialect, {
        rateLimits: {
          'resend-verification': { identity: { limit: 2, windowMs: 60_000 }, ip: { limit: 5, windowMs: 60_000 } },
        },
      });
      servers.push(s);
      const policy = '"resend-verification-identity";q=2;w=60, "resend-verification-ip";q=5;w=60';
      const first = await resend(s, 'a@example.com');
      expect(first.status).toBe(202);
      expect(first.headers.get('ratelimit-policy')).toBe(policy);
      expect(first.headers.get('ratelimit')).toBe(
        '"resend-verification-identity";r=1;t=60, "resend-verification-ip";r=4;t=60',
      );
      s.clock.advance(18_000);
      expect((await resend(s, 'a@example.com')).headers.get('ratelimit')).toBe(
        '"resend-verification-identity";r=0;t=42, "resend-verification-ip";r=3;t=42',
      );

      const refused = await resend(s, 'A@Example.com ');
      expect(refused.status).toBe(429);
      expect(refused.body.error).toMatchObject({ code: 'rate_limited', retryAfter: 42 });
      expect(refused.headers.get('retry-after')).toBe('42');
      expect(refused.headers.get('ratelimit-policy')).toBe(policy);
      expect(refused.headers.get('ratelimit')).toBe('"resend-verification-identity";r=0;t=42');

      // Another email from the same IP still has quota.
      expect((await resend(s, 'b@example.com')).status).toBe(202);

      s.clock.advance(42_000);
      expect((await resend(s, 'a@example.com')).status).toBe(202);

      const audit = await s.foyer.db
        .selectFrom('audit_events')
        .selectAll()
        .where('type', '=', 'rate_limited')
        .execute();
      expect(audit).toHaveLength(1);
      expect(JSON.parse(audit[0]!.details)).toMatchObject({
        policy: 'resend-verification',
        dimension: 'identity',
        limit: 2,
      });
    });

    it('a flood of failed sign-ups for A does not block sign-up for B from the same IP', async () => {
      const s = await startTestServer(dialect, {});
      servers.push(s);
      const flood = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          s.request('/auth/sign-up', { json: { email: 'a@example.com', password: i % 2 ? 'short' : 'password1' } }),
        ),
      );
      expect(flood.filter((answer) => answer.status === 429).length).toBe(35);
      const b = await s.request('/auth/sign-up', { json: { email: 'b@example.com', password: GOOD_PASSWORD } });
      expect(b.status).toBe(201);
    });

    it.skipIf(redisUnavailable !== undefined)('counts in Redis, shared by two instances', async () => {
      const prefix = `foyer-test:${randomBytes(6).toString('hex')}:`;
      const storeA = createRedisRateLimitStore({ redis: REDIS_URL, prefix });
      const storeB = createRedisRateLimitStore({ redis: REDIS_URL, prefix });
      const limits = { 'resend-verification': { identity: { limit: 3, windowMs: 60_000 }, ip: false as const } };
      const a = await startTestServer(dialect, { rateLimitStore: storeA, rateLimits: limits });
      const b = await startTestServer(dialect, { rateLimitStore: storeB, rateLimits: limits });
      servers.push(a, b);
      const statuses = [];
      for (const s of [a, b, a, b, a]) statuses.push((await resend(s, 'shared@example.com')).status);
      expect(statuses).toEqual([202, 202, 202, 429, 429]);
      const refused = await resend(b, 'shared@example.com');
      expect(refused.headers.get('ratelimit')).toMatch(/^"resend-verification-identity";r=0;t=\d+$/);
      // The window follows the injected clock of each instance.
      a.clock.advance(60_000);
      expect((await resend(a, 'shared@example.com')).status).toBe(202);
    });
  });
}

afterAll(() => undefined);
