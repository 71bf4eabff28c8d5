/**
 * @module Checking a second factor (TOTP, recovery code, passkey, SMS code) or, for step-up without MFA, the
 * password. Wrong answers count on a per-user MFA counter on the lockout ladder (5 → locked, 15
 * minutes doubling): a correct password does not reset it, so "password, 4 guesses, repeat" gets
 * nowhere. NIST SP 800-63B §5.2.2 (rate limiting), RFC 6238 §5.2 (no replay).
 */
import type { Context } from 'hono';
import { FoyerError, type MfaMethod } from '@foyer/core';
import { claimTotpStep, listConfirmedFactors, countUnusedRecoveryCodes } from '../../db/repositories/mfa.js';
import { listPhonesOfUser } from '../../db/repositories/user-phones.js';
import { checkPhoneCode } from '../../phone/phone-codes.js';
import { readCounter, reserveAttempt, resetCounter } from '../../security/lockout/index.js';
import { recordAuditEvent } from '../../security/audit-log.js';
import type { FoyerServerContext } from '../../server-context.js';
import { redeemRecoveryCode } from './recovery-codes.js';
import { matchTotpStep, openTotpSecret } from './totp.js';
import { verifyPasskeyAssertion } from './webauthn.js';
import { assertHashCapacity } from '../../security/password-hashing.js';

/** A second factor as the routes receive it (already validated by the core schema). */
export type SecondFactorProof =
  | { factor: 'totp'; code: string }
  | { factor: 'recovery_code'; code: string }
  | { factor: 'sms'; code: string }
  | { factor: 'passkey'; response: unknown }
  | { factor: 'password'; password: string };

/** Counter key of a user's second-factor failures. */
export function mfaCounterKey(userId: string): string {
  return `mfa:${userId}`;
}

/**
 * The verified number a user may receive second-factor SMS codes on, or `undefined`. SMS is only
 * ever an *extra* channel for a user who already has a TOTP authenticator or a passkey: never the
 * only second factor. SMS is a restricted authenticator (NIST SP 800-63B §5.1.3.3): a SIM swap or
 * a number port hands the codes to someone else, so a phone alone must not make an account "MFA".
 * Also not after a first factor that was itself an SMS code (`firstFactor: 'phone'`): the same
 * channel twice is one factor.
 */
export async function smsPhoneOf(
  ctx: FoyerServerContext,
  userId: string,
  options: { firstFactor?: string } = {},
): Promise<string | undefined> {
  if (!ctx.phone || options.firstFactor === 'phone') return undefined;
  const factors = await listConfirmedFactors(ctx.db, userId);
  if (!factors.some((factor) => factor.type === 'totp' || factor.type === 'passkey')) return undefined;
  return (await listPhonesOfUser(ctx.db, userId)).find((row) => row.verified_at !== null)?.phone;
}

/** A number as the factor list shows it: `•••• 71` (only the last two digits). */
export function phoneHintOf(phone: string): string {
  return `•••• ${phone.slice(-2)}`;
}

/**
 * The methods a user with MFA can complete a sign-in with; empty when MFA is off. `sms` only as an
 * extra channel (see {@link smsPhoneOf}).
 */
export async function mfaMethodsOf(
  ctx: FoyerServerContext,
  userId: string,
  options: { firstFactor?: string } = {},
): Promise<MfaMethod[]> {
  const factors = await listConfirmedFactors(ctx.db, userId);
  if (factors.length === 0) return [];
  const methods = new Set<MfaMethod>(factors.map((factor) => factor.type));
  if (await smsPhoneOf(ctx, userId, options)) methods.add('sms');
  if ((await countUnusedRecoveryCodes(ctx.db, userId)) > 0) methods.add('recovery_code');
  return [...methods];
}

/** The factors and, when SMS is one, the masked number: what an `mfaRequired` answer carries. */
export async function mfaChallengeOf(
  ctx: FoyerServerContext,
  userId: string,
  options: { firstFactor?: string } = {},
): Promise<{ factors: MfaMethod[]; phoneHint?: string }> {
  const factors = await mfaMethodsOf(ctx, userId, options);
  const phone = factors.includes('sms') ? await smsPhoneOf(ctx, userId, options) : undefined;
  return phone ? { factors, phoneHint: phoneHintOf(phone) } : { factors };
}

/** Accepts an SMS code sent to the user's verified number (single use; the phone limits apply). */
async function acceptSms(
  ctx: FoyerServerContext,
  c: Context,
  userId: string,
  code: string,
  firstFactor: string | undefined,
): Promise<boolean> {
  const phone = await smsPhoneOf(ctx, userId, { firstFactor });
  if (!phone) return false;
  try {
    await checkPhoneCode(ctx, { phone, purpose: 'mfa', code, userId }, c);
    return true;
  } catch (error) {
    if (error instanceof FoyerError && (error.code === 'invalid_code' || error.code === 'code_expired')) return false;
    throw error;
  }
}

function lockedError(now: Date, until: Date): FoyerError {
  const retryAfter = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return new FoyerError('account_locked', {
    retryAfter,
    details: { lockedUntil: until.toISOString(), unlockEmailSent: false },
  });
}

/** Accepts a TOTP code of one of the user's authenticators, once per time step. */
async function acceptTotp(ctx: FoyerServerContext, userId: string, code: string): Promise<boolean> {
  const now = ctx.now();
  const factors = (await listConfirmedFactors(ctx.db, userId)).filter(
    (factor) => factor.type === 'totp' && factor.totp_secret,
  );
  for (const factor of factors) {
    const step = matchTotpStep(openTotpSecret(ctx.secret, factor.totp_secret as string), code, now.getTime());
    if (step === null) continue;
    // One conditional UPDATE: a replayed code (same or older step), also in parallel, matches no row.
    if (await claimTotpStep(ctx.db, factor.id, step, now.toISOString())) return true;
  }
  return false;
}

/**
 * Checks a proof for `user`. Throws `423 account_locked` while the MFA counter is locked,
 * `400 invalid_code` (with `details.attemptsLeft`) or `401 invalid_credentials` (password) when
 * wrong. Answers the method that succeeded.
 */
export async function verifySecondFactor(
  ctx: FoyerServerContext,
  c: Context,
  user: { id: string; email: string; password_hash?: string },
  proof: SecondFactorProof,
  purpose: 'sign_in' | 'step_up',
  options: { firstFactor?: string } = {},
): Promise<SecondFactorProof['factor']> {
  // Load shedding before the attempt is reserved: a password refused for load is not a failure.
  if (proof.factor === 'password') assertHashCapacity(ctx.passwordPolicy.hashMaxWaitMs);
  const { lockout } = ctx.signInSecurity;
  const now = ctx.now();
  const key = mfaCounterKey(user.id);
  const state = await readCounter(ctx.db, key, now, lockout);
  if (state.lockedUntil) throw lockedError(now, state.lockedUntil);
  const reservation = await reserveAttempt(ctx.db, {
    key,
    kind: 'identity',
    limit: lockout.lockAfter,
    now,
    policy: lockout,
  });
  if (!reservation) {
    const after = await readCounter(ctx.db, key, now, lockout);
    throw lockedError(now, after.lockedUntil ?? new Date(now.getTime() + lockout.lockMs));
  }

  let ok = false;
  let refusal: FoyerError | undefined;
  try {
    switch (proof.factor) {
      case 'totp':
        ok = await acceptTotp(ctx, user.id, proof.code);
        break;
      case 'recovery_code':
        ok = await redeemRecoveryCode(ctx.db, ctx.secret, user.id, proof.code, now.toISOString());
        break;
      case 'sms':
        ok = await acceptSms(ctx, c, user.id, proof.code, options.firstFactor);
        break;
      case 'passkey':
        await verifyPasskeyAssertion(ctx, c, proof.response, user.id);
        ok = true;
        break;
      case 'password':
        ok = user.password_hash !== undefined && (await ctx.verifyPassword(user.password_hash, proof.password));
        break;
    }
  } catch (error) {
    if (!(error instanceof FoyerError)) throw error;
    // SMS limits hit: say so (with Retry-After), like the phone routes do.
    if (error.code === 'rate_limited') throw error;
    refusal = error;
  }

  const auditType = purpose === 'sign_in' ? 'mfa' : 'step_up';
  if (ok) {
    await resetCounter(ctx.db, key, now);
    await recordAuditEvent(ctx, c, {
      type: `${auditType}.succeeded`,
      userId: user.id,
      details: { factor: proof.factor },
    });
    return proof.factor;
  }
  await recordAuditEvent(ctx, c, {
    type: `${auditType}.failed`,
    userId: user.id,
    identity: user.email,
    details: { factor: proof.factor, failures: reservation.failures },
  });
  if (reservation.lockedUntil) {
    await recordAuditEvent(ctx, c, {
      type: 'account.locked',
      userId: user.id,
      identity: user.email,
      details: { scope: 'mfa', lockedUntil: reservation.lockedUntil.toISOString() },
    });
    throw lockedError(now, reservation.lockedUntil);
  }
  const attemptsLeft = lockout.lockAfter - reservation.failures;
  if (proof.factor === 'password') throw new FoyerError('invalid_credentials', { details: { attemptsLeft } });
  throw new FoyerError('invalid_code', { ...(refusal ? { message: refusal.message } : {}), details: { attemptsLeft } });
}
