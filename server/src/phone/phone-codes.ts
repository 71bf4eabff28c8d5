/**
 * @module SMS one-time codes for every purpose: sign-in, verifying a number added to an account,
 * and (for the MFA routes) a second factor. Codes reuse the one-time-code store: 6 digits,
 * HMAC'd and bound to the user *and* the number, 10 minutes, single use, 5 tries counted
 * atomically; sending and checking pass the SMS limits first (see phone-limits.ts).
 */
import type { Context } from 'hono';
import { FoyerError } from '@foyer/core';
import { checkOneTimeCode, issueOneTimeCode } from '../auth/one-time-codes.js';
import { markCodeUsed } from '../db/repositories/one-time-codes.js';
import { findVerifiedPhoneOwner, listPhonesOfUser } from '../db/repositories/user-phones.js';
import type { OneTimeCodePurpose } from '../db/tables/one-time-code.table.js';
import type { FoyerServerContext } from '../server-context.js';
import type { PhoneConfig } from './phone-config.js';
import { enforceSendLimits, enforceVerifyLimits, spendCountryBudget } from './phone-limits.js';
import { normalizePhone, type NormalizedPhone } from './phone-numbers.js';

/**
 * What a phone code proves: `sign_in` (first factor, for the account that verified the number),
 * `verify` (the user owns a number they are adding), `mfa` (second factor on the user's verified number).
 */
export type PhoneCodePurpose = 'sign_in' | 'verify' | 'mfa';

const STORED_PURPOSE: Record<PhoneCodePurpose, OneTimeCodePurpose> = {
  sign_in: 'phone_sign_in',
  verify: 'phone_verify',
  mfa: 'phone_mfa',
};

/** The phone configuration, or `404 not_found` when SMS is off. */
export function requirePhoneConfig(ctx: FoyerServerContext): PhoneConfig {
  if (!ctx.phone) throw new FoyerError('not_found');
  return ctx.phone;
}

/** Normalises a number with the server's allow-list. @throws `400 invalid_input` / `404 not_found` */
export function parsePhone(ctx: FoyerServerContext, phone: string, country?: string): NormalizedPhone {
  const config = requirePhoneConfig(ctx);
  return normalizePhone(phone, { countries: config.countries, defaultCountry: config.defaultCountry, country });
}

/** The user who may receive a code of this purpose on this number, if any. */
async function codeRecipient(
  ctx: FoyerServerContext,
  phone: string,
  purpose: PhoneCodePurpose,
  userId: string | undefined,
): Promise<string | undefined> {
  if (purpose === 'sign_in') {
    const owner = await findVerifiedPhoneOwner(ctx.db, phone);
    return owner && (userId === undefined || owner.user_id === userId) ? owner.user_id : undefined;
  }
  if (!userId) return undefined;
  const rows = await listPhonesOfUser(ctx.db, userId);
  const row = rows.find((candidate) => candidate.phone === phone);
  if (!row) return undefined;
  // `verify` is for the pending number; `mfa` only ever goes to the verified one.
  return (purpose === 'verify') === (row.verified_at === null) ? userId : undefined;
}

/** The text of the SMS, with the WebOTP line (`@host #code`) of the configured public host. */
function codeMessage(ctx: FoyerServerContext, code: string, minutes: number): string {
  const text = `${code} is your verification code. It expires in ${minutes} minutes. Never share it.`;
  return `${text}\n\n@${new URL(ctx.publicUrl).host} #${code}`;
}

/**
 * Sends a code to `phone` for `purpose`, if (and only if) someone may receive one: the account
 * that verified the number (`sign_in`), the user adding it (`verify`), the user whose verified
 * number it is (`mfa`). Always counts the per-number and per-IP limits first, so callers answer the
 * same either way; the per-country cap is spent only by a code that is really sent (a start for an
 * unregistered number must not burn a country's budget). The SMS leaves in the background.
 * @throws `404 not_found` (SMS off), `400 invalid_input` (number), `429 rate_limited`
 *
 * @example
 * await sendPhoneCode(ctx, c, { phone: '+14155552671', purpose: 'mfa', userId });
 */
export async function sendPhoneCode(
  ctx: FoyerServerContext,
  c: Context | undefined,
  input: { phone: string; purpose: PhoneCodePurpose; userId?: string; country?: string },
): Promise<void> {
  const config = requirePhoneConfig(ctx);
  const phone = parsePhone(ctx, input.phone, input.country);
  await enforceSendLimits(ctx, c, config.limits, phone);
  const recipient = await codeRecipient(ctx, phone.e164, input.purpose, input.userId);
  if (!recipient) return;
  await spendCountryBudget(ctx, c, config.limits, phone);
  const issued = await issueOneTimeCode(ctx, recipient, STORED_PURPOSE[input.purpose], ctx.db, {
    ttlMs: config.codeTtlMs,
    bindTo: phone.e164,
  });
  ctx.sendSmsInBackground({ to: phone.e164, body: codeMessage(ctx, issued.code, issued.minutesValid) });
}

/**
 * Checks and spends a code sent by {@link sendPhoneCode} (single use: marked used atomically).
 * @returns the user it proves and the number (E.164)
 * @throws `invalid_code`, `code_expired`, `429 rate_limited`, `400 invalid_input`, `404 not_found`
 *
 * @example
 * const { userId } = await checkPhoneCode(ctx, { phone, purpose: 'sign_in', code }, c);
 */
export async function checkPhoneCode(
  ctx: FoyerServerContext,
  input: { phone: string; purpose: PhoneCodePurpose; code: string; userId?: string; country?: string },
  c?: Context,
): Promise<{ userId: string; phone: string }> {
  const config = requirePhoneConfig(ctx);
  const phone = parsePhone(ctx, input.phone, input.country);
  await enforceVerifyLimits(ctx, c, config.limits, phone);
  const recipient = await codeRecipient(ctx, phone.e164, input.purpose, input.userId);
  const row = await checkOneTimeCode(ctx, recipient, STORED_PURPOSE[input.purpose], input.code, { bindTo: phone.e164 });
  if (!(await markCodeUsed(ctx.db, row.id, ctx.now().toISOString()))) throw new FoyerError('invalid_code');
  return { userId: row.user_id, phone: phone.e164 };
}
