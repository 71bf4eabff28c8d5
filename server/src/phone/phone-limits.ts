/**
 * @module Limits on sending and checking SMS codes. SMS pumping ("toll fraud": bots request codes
 * to premium numbers the attacker is paid for) is a cost attack, so sending is capped per number
 * (short window and per day), per client IP, and per country calling code per day; checking is
 * capped per number and per IP. Counters live in the rate-limit store (database or Redis), so
 * several instances agree.
 *
 * The per-number and per-IP limits count every request, whether or not the number belongs to an
 * account, so their `429` never tells which numbers are registered; exhausting them denies only
 * that number or that client. The per-country cap is shared by every user of a country, so it
 * counts only messages actually sent: a flood of starts for unregistered numbers sends nothing and
 * spends nothing, and cannot deny the country's real users. It is read (not counted) before any
 * request, so once real sends have reached it every request for that country gets the same `429`.
 */
import type { Context } from 'hono';
import { FoyerError } from '@foyer/core';
import { clientAddress } from '../security/client-address.js';
import { identityHash, recordAuditEvent } from '../security/audit-log.js';
import type { FoyerServerContext } from '../server-context.js';
import type { PhoneLimits } from './phone-config.js';
import type { NormalizedPhone } from './phone-numbers.js';

/** A limit and its bucket key; `count: false` reads the bucket without counting this request. */
type Dimension = [name: keyof PhoneLimits, key: string | undefined, count?: boolean];

async function enforce(
  ctx: FoyerServerContext,
  c: Context | undefined,
  limits: PhoneLimits,
  phone: NormalizedPhone,
  dimensions: Dimension[],
): Promise<void> {
  const store = ctx.signInSecurity.rateLimitStore;
  const at = ctx.now().getTime();
  for (const [name, key, count = true] of dimensions) {
    const window = limits[name];
    if (!window || key === undefined) continue;
    let bucket;
    try {
      const bucketKey = `sms:${name}:${key}`;
      bucket = count
        ? await store.hit(bucketKey, window.windowMs, at)
        : await store.peek(bucketKey, window.windowMs, at);
    } catch (error) {
      ctx.logger?.error({ err: error }, 'rate-limit store failed; SMS request let through');
      continue;
    }
    // A counted request is over when it is past the limit; a read one when the limit is reached.
    if (count ? bucket.hits > window.limit : bucket.hits >= window.limit) {
      const retryAfter = Math.max(1, Math.ceil((bucket.resetAt - at) / 1000));
      await recordAuditEvent(ctx, c, {
        type: 'rate_limited',
        identity: phone.e164,
        details: { policy: 'sms', dimension: name, limit: window.limit, windowMs: window.windowMs },
      });
      throw new FoyerError('rate_limited', { retryAfter });
    }
  }
}

/**
 * Counts one code request for `phone` against the per-number and per-IP limits (narrowest first:
 * a flood for one number exhausts that number's quota before its IP's), and refuses it when real
 * sends have already reached the per-country cap — without spending that cap: see
 * {@link spendCountryBudget}.
 * @throws `429 rate_limited` with `retryAfter`
 */
export async function enforceSendLimits(
  ctx: FoyerServerContext,
  c: Context | undefined,
  limits: PhoneLimits,
  phone: NormalizedPhone,
): Promise<void> {
  const number = identityHash(phone.e164);
  await enforce(ctx, c, limits, phone, [
    ['sendPerNumber', number],
    ['sendPerNumberDaily', number],
    ['sendPerIp', c ? (clientAddress(c, { trustProxy: ctx.trustProxy }) ?? 'unknown') : undefined],
    ['sendPerCountryDaily', phone.callingCode, false],
  ]);
}

/**
 * Counts one message about to be sent to `phone`'s country calling code; call it only when a code
 * will really be sent. Atomic in the store, so parallel sends never pass the cap together.
 * @throws `429 rate_limited` with `retryAfter` when this send would exceed the cap
 */
export async function spendCountryBudget(
  ctx: FoyerServerContext,
  c: Context | undefined,
  limits: PhoneLimits,
  phone: NormalizedPhone,
): Promise<void> {
  await enforce(ctx, c, limits, phone, [['sendPerCountryDaily', phone.callingCode]]);
}

/**
 * Counts one code check for `phone`.
 * @throws `429 rate_limited` with `retryAfter`
 */
export async function enforceVerifyLimits(
  ctx: FoyerServerContext,
  c: Context | undefined,
  limits: PhoneLimits,
  phone: NormalizedPhone,
): Promise<void> {
  await enforce(ctx, c, limits, phone, [
    ['verifyPerNumber', identityHash(phone.e164)],
    ['verifyPerIp', c ? (clientAddress(c, { trustProxy: ctx.trustProxy }) ?? 'unknown') : undefined],
  ]);
}
