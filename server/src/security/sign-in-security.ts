/**
 * @module Sign-in security glue: the lockout ladder, the risk score and the CAPTCHA, applied to
 * one sign-in or sign-up. The route calls {@link beginSignInAttempt} before the password check
 * (it throws `428`/`423`/`400` without hashing when the attempt may not proceed) and reports the
 * outcome on the returned attempt. Every decision is written to the audit log.
 */
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { FoyerError, SECURITY_ROUTES } from '@foyer/core';
import { issueOneTimeCode } from '../auth/one-time-codes.js';
import { deleteExpiredCaptchaSolutions, spendCaptchaSolution } from '../db/repositories/captcha-solutions.js';
import { findUserById } from '../db/repositories/users.js';
import { markCodeUsed } from '../db/repositories/one-time-codes.js';
import type { UserRow } from '../db/tables/user.table.js';
import { checkLinkToken } from '../auth/one-time-codes.js';
import type { FoyerServerContext } from '../server-context.js';
import { identityHash, recordAuditEvent } from './audit-log.js';
import { clientAddress, clientIpPrefix } from './client-address.js';
import {
  accountLockedEmail,
  deviceCounterKey,
  identityCounterKey,
  isKnownDevice,
  liftLock,
  newDeviceId,
  readCounter,
  readDeviceId,
  rememberDevice,
  reserveAttempt,
  resetCounter,
  writeDeviceCookie,
} from './lockout/index.js';
import {
  assessRisk,
  recordIdentityTried,
  recordSignInFailure,
  recordSignUp,
  type RiskAssessment,
  type RiskSubject,
} from './risk/index.js';

/** Path of the page the unlock link opens (GET shows a button; the button POSTs the token). */
export const UNLOCK_LINK_PATH = SECURITY_ROUTES.unlockLinkPage.path;
/** Path of the ALTCHA challenge endpoint. */
export const CAPTCHA_CHALLENGE_PATH = SECURITY_ROUTES.captchaChallenge.path;
/** How long an accepted CAPTCHA solution is remembered (longer than any challenge or token lives). */
const CAPTCHA_REPLAY_WINDOW_MS = 15 * 60_000;

/** `428 captcha_required` with what the widget needs. */
export function captchaRequiredError(ctx: FoyerServerContext): FoyerError {
  const { captcha } = ctx.signInSecurity;
  const details: Record<string, string> = { provider: captcha.provider };
  if (captcha.challenge) details.challengeUrl = `${ctx.publicUrl}${CAPTCHA_CHALLENGE_PATH}`;
  if (captcha.siteKey) details.siteKey = captcha.siteKey;
  return new FoyerError('captcha_required', { details: { captcha: details } });
}

/** `423 account_locked` until `lockedUntil`. The same whether or not the account exists. */
function accountLockedError(now: Date, lockedUntil: Date): FoyerError {
  return new FoyerError('account_locked', {
    retryAfter: Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000)),
    details: { lockedUntil: lockedUntil.toISOString(), unlockEmailSent: true },
  });
}

/**
 * Verifies a CAPTCHA solution and spends it (single use: a replay is refused even within its
 * lifetime). Throws `400 captcha_invalid` otherwise.
 */
export async function verifyCaptchaOnce(
  ctx: FoyerServerContext,
  c: Context,
  solution: string,
  identity: string | null,
): Promise<void> {
  const { captcha } = ctx.signInSecurity;
  const ip = clientAddress(c, { trustProxy: ctx.trustProxy });
  const ok = await captcha.verify(solution, { ip });
  let replayed = false;
  if (ok) {
    const now = ctx.now();
    const hash = createHash('sha256')
      .update(captcha.replayKey?.(solution) ?? solution)
      .digest('base64url');
    await deleteExpiredCaptchaSolutions(ctx.db, now.toISOString());
    const spent = await spendCaptchaSolution(
      ctx.db,
      hash,
      new Date(now.getTime() + CAPTCHA_REPLAY_WINDOW_MS).toISOString(),
    );
    if (spent) return;
    replayed = true;
  }
  await recordAuditEvent(ctx, c, {
    type: 'captcha.failed',
    identity,
    details: { provider: captcha.provider, reason: replayed ? 'replayed' : 'rejected' },
  });
  throw new FoyerError('captcha_invalid');
}

/** One sign-in attempt that was allowed to check the password. */
export interface SignInAttempt {
  /** The password (or the email) was wrong: counts the failure and throws `401`, or `423` when this locked the identity. */
  failed(): Promise<never>;
  /** The password was right: resets the counter and, for a verified account, trusts the device (cookie + `devices`). */
  succeeded(user: UserRow): Promise<void>;
}

/**
 * Runs the ladder and the risk score for a sign-in, before any password check, and reserves the
 * attempt. Throws `428 captcha_required`, `400 captcha_invalid` or `423 account_locked` when the
 * password must not be checked.
 */
export async function beginSignInAttempt(
  ctx: FoyerServerContext,
  c: Context,
  input: { email: string; user: UserRow | undefined; captcha: string | undefined },
): Promise<SignInAttempt> {
  const { lockout, risk: riskPolicy } = ctx.signInSecurity;
  const now = ctx.now();
  const { email, user } = input;
  const idHash = identityHash(email);
  const subject: RiskSubject = {
    ip: clientAddress(c, { trustProxy: ctx.trustProxy }) ?? 'unknown',
    prefix: clientIpPrefix(c, { trustProxy: ctx.trustProxy }),
    unknownDevice: true,
  };
  const deviceId = readDeviceId(c, ctx.secret);
  const knownDevice =
    user !== undefined && deviceId !== undefined && (await isKnownDevice(ctx.db, deviceId, user.id, now));
  subject.unknownDevice = !knownDevice;
  const key = knownDevice ? deviceCounterKey(idHash, deviceId) : identityCounterKey(idHash);
  const kind = knownDevice ? 'device' : 'identity';
  const userId = user?.id ?? null;

  await recordIdentityTried(ctx.db, subject.ip, idHash, now);
  const [state, risk] = await Promise.all([
    readCounter(ctx.db, key, now, lockout),
    assessRisk(ctx.db, riskPolicy, subject, 'sign_in', now),
  ]);
  const riskDetails = { score: risk.score, reasons: risk.reasons };

  if (state.lockedUntil) {
    await recordAuditEvent(ctx, c, {
      type: 'sign_in.failed',
      userId,
      identity: email,
      details: { reason: 'locked', knownDevice, risk: riskDetails },
    });
    throw accountLockedError(now, state.lockedUntil);
  }
  // A solution that was sent is always checked and spent, so parallel requests cannot race past the CAPTCHA stage.
  if (input.captcha) await verifyCaptchaOnce(ctx, c, input.captcha, email);
  const captchaOk = input.captcha !== undefined;
  const ladderWantsCaptcha = state.failures >= lockout.captchaAfter;
  if (!captchaOk && (ladderWantsCaptcha || risk.captchaRequired)) {
    await recordAuditEvent(ctx, c, {
      type: 'captcha.required',
      userId,
      identity: email,
      details: {
        trigger: ladderWantsCaptcha ? 'failures' : 'risk',
        failures: state.failures,
        knownDevice,
        risk: riskDetails,
      },
    });
    throw captchaRequiredError(ctx);
  }

  const reservation = await reserveAttempt(ctx.db, {
    key,
    kind,
    limit: captchaOk ? lockout.lockAfter : lockout.captchaAfter,
    now,
    policy: lockout,
  });
  if (!reservation) {
    // Lost a race: another request took the last attempt of this stage.
    const after = await readCounter(ctx.db, key, now, lockout);
    await recordAuditEvent(ctx, c, {
      type: 'sign_in.failed',
      userId,
      identity: email,
      details: { reason: after.lockedUntil ? 'locked' : 'captcha_stage', knownDevice, risk: riskDetails },
    });
    if (after.lockedUntil) throw accountLockedError(now, after.lockedUntil);
    throw captchaRequiredError(ctx);
  }

  return {
    async failed() {
      await recordSignInFailure(ctx.db, subject, now);
      await recordAuditEvent(ctx, c, {
        type: 'sign_in.failed',
        userId,
        identity: email,
        details: { reason: 'invalid_credentials', failures: reservation.failures, knownDevice, risk: riskDetails },
      });
      if (reservation.lockedUntil) {
        const minutes = Math.round((reservation.lockedUntil.getTime() - now.getTime()) / 60_000);
        await recordAuditEvent(ctx, c, {
          type: 'account.locked',
          userId,
          identity: email,
          details: { scope: kind, lockedUntil: reservation.lockedUntil.toISOString(), minutes, risk: riskDetails },
        });
        if (user && !knownDevice) await sendLockEmail(ctx, user, minutes);
        throw accountLockedError(now, reservation.lockedUntil);
      }
      const attemptsLeft = lockout.lockAfter - reservation.failures;
      throw new FoyerError(
        'invalid_credentials',
        attemptsLeft <= lockout.lockAfter - 2 ? { details: { attemptsLeft } } : {},
      );
    },
    async succeeded(signedIn) {
      // A known device leaves a lock in force: the owner is in, the attacker stays out.
      await resetCounter(ctx.db, key, now);
      if (knownDevice) await resetCounter(ctx.db, identityCounterKey(idHash), now, { keepLock: true });
      // Trust the device only where a session starts: not while the email is unverified.
      if (signedIn.email_verified_at === null) return;
      const id = deviceId ?? newDeviceId();
      await rememberDevice(ctx.db, id, signedIn.id, now);
      writeDeviceCookie(c, id, { secret: ctx.secret, secure: ctx.secureCookies });
    },
  };
}

async function sendLockEmail(ctx: FoyerServerContext, user: UserRow, minutesLocked: number): Promise<void> {
  const { token, minutesValid } = await issueOneTimeCode(ctx, user.id, 'unlock');
  // The configured public URL, never the request's Host: the unlock link carries a token.
  const base = ctx.publicUrl;
  const reset = new URL(ctx.appUrl, `${base}/`);
  reset.searchParams.set('foyer-reset', '1');
  ctx.sendInBackground(
    accountLockedEmail({
      to: user.email,
      unlockUrl: `${base}${UNLOCK_LINK_PATH}?token=${token}`,
      resetUrl: reset.href,
      minutesLocked,
      minutesValid,
    }),
  );
}

/**
 * Lifts the lock named by an unlock-link token (single use). Throws `invalid_code` or `code_expired`.
 */
export async function redeemUnlockToken(ctx: FoyerServerContext, c: Context, token: string): Promise<void> {
  const row = await checkLinkToken(ctx, token, 'unlock');
  const now = ctx.now();
  if (!(await markCodeUsed(ctx.db, row.id, now.toISOString()))) throw new FoyerError('invalid_code');
  const user = await findUserById(ctx.db, row.user_id);
  if (!user) throw new FoyerError('invalid_code');
  await liftLock(ctx.db, identityCounterKey(identityHash(user.email)), now);
  await recordAuditEvent(ctx, c, {
    type: 'account.unlocked',
    userId: user.id,
    identity: user.email,
    details: { via: 'email_link' },
  });
}

/**
 * Risk check of a sign-up, before the password is hashed: `428` when the score asks for a
 * CAPTCHA and none was solved. Counts the sign-up for the IP's velocity.
 */
export async function guardSignUp(
  ctx: FoyerServerContext,
  c: Context,
  input: { email: string; captcha: string | undefined },
): Promise<RiskAssessment> {
  const now = ctx.now();
  const subject: RiskSubject = {
    ip: clientAddress(c, { trustProxy: ctx.trustProxy }) ?? 'unknown',
    prefix: clientIpPrefix(c, { trustProxy: ctx.trustProxy }),
    unknownDevice: readDeviceId(c, ctx.secret) === undefined,
  };
  const risk = await assessRisk(ctx.db, ctx.signInSecurity.risk, subject, 'sign_up', now);
  if (input.captcha) await verifyCaptchaOnce(ctx, c, input.captcha, input.email);
  else if (risk.captchaRequired) {
    await recordAuditEvent(ctx, c, {
      type: 'captcha.required',
      identity: input.email,
      details: { trigger: 'risk', action: 'sign_up', risk: { score: risk.score, reasons: risk.reasons } },
    });
    throw captchaRequiredError(ctx);
  }
  await recordSignUp(ctx.db, subject.ip, now);
  return risk;
}
