/**
 * @module The MFA routes (`/auth/mfa/*`, `/auth/passkeys/*`, `/auth/step-up`): TOTP setup and
 * confirmation, recovery codes, passkey registration and sign-in, the second step of a pending
 * sign-in, listing and removing factors (step-up), and step-up itself. OWASP ASVS 4.0.3 V2.8
 * (one-time verifiers), V2.7; NIST SP 800-63B §5.1.4 (OTP), §5.1.8 (WebAuthn), §5.2.2.
 */
import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import QRCode from 'qrcode';
import { FoyerError, MFA_ROUTES, type MfaFactor } from '@foyer/core';
import { resetPasswordUrl } from '../auth/account-links.js';
import { finishSignIn, type FirstFactor } from '../auth/complete-sign-in.js';
import {
  findPendingSignIn,
  consumePendingSignIn,
  recordPendingFailure,
  MFA_PENDING_COOKIE_NAME,
} from '../auth/mfa/pending-sign-in.js';
import { issueRecoveryCodes } from '../auth/mfa/recovery-codes.js';
import { mfaMethodsOf, phoneHintOf, smsPhoneOf, verifySecondFactor } from '../auth/mfa/second-factor.js';
import { matchTotpStep, newTotpSecret, openTotpSecret, sealTotpSecret, totpFor } from '../auth/mfa/totp.js';
import {
  passkeyAuthenticationOptions,
  passkeyRegistrationOptions,
  verifyPasskeyAssertion,
  verifyPasskeyRegistration,
} from '../auth/mfa/webauthn.js';
import {
  confirmTotpFactor,
  countUnusedRecoveryCodes,
  deleteFactorOfUser,
  deleteRecoveryCodes,
  findFactorOfUser,
  findPasskeyByCredentialId,
  findUnconfirmedTotpFactor,
  hasConfirmedFactor,
  insertFactor,
  listConfirmedFactors,
  markStepUp,
  recoveryCodesSummary,
  replaceUnconfirmedTotpFactor,
} from '../db/repositories/mfa.js';
import { findUserByEmail, findUserById } from '../db/repositories/users.js';
import { describeSecurityChange, securityChangeEmail, type SecurityChange } from '../mail/mfa-templates.js';
import {
  notifySecurityChange,
  securityNoticeSms,
  type SecurityNotice,
} from '../notifications/notify-security-change.js';
import { sendPhoneCode } from '../phone/phone-codes.js';
import { recordAuditEvent } from '../security/audit-log.js';
import type { FoyerServerContext } from '../server-context.js';
import type { MountRoute } from './mount-route.js';
import { getCookie } from 'hono/cookie';

/** How long a step-up lasts for the default `requireStepUp()`. */
export const STEP_UP_TTL_MS = 5 * 60_000;
/** Id of the recovery-codes entry of `GET /auth/mfa`. */
export const RECOVERY_CODES_FACTOR_ID = 'recovery-codes';

/** `2026-11-28 10:00` (UTC), for emails. */
export function mailTime(date: Date): string {
  return date.toISOString().replace('T', ' ').slice(0, 16);
}

/**
 * The notice of a security change for {@link notifySecurityChange}: the email to `email` and the SMS
 * text for the user's verified phones.
 */
export function securityChangeNotice(
  ctx: FoyerServerContext,
  c: Context,
  email: string | readonly string[],
  change: SecurityChange,
): SecurityNotice {
  const when = mailTime(ctx.now());
  const resetUrl = resetPasswordUrl(ctx);
  const to = typeof email === 'string' ? [email] : email;
  return {
    mail: to.map((address) => securityChangeEmail({ to: address, change, when, resetUrl })),
    sms: securityNoticeSms(describeSecurityChange(change), when),
  };
}

/** `sms` is a factor only where offered (an extra channel of a user with MFA): else `400 invalid_input`, not a counted guess. */
async function assertSmsOffered(ctx: FoyerServerContext, userId: string, firstFactor?: string): Promise<void> {
  if (!(await smsPhoneOf(ctx, userId, { firstFactor })))
    throw new FoyerError('invalid_input', {
      fields: { factor: 'Text-message codes are not available for this account.' },
    });
}

/**
 * Mounts the MFA routes (`MFA_ROUTES`): factors, TOTP, passkeys, the MFA step of sign-in, step-up.
 *
 * @example
 * mountMfaRoutes(createRouteMounter(app, ctx), ctx);
 */
export function mountMfaRoutes(mount: MountRoute, ctx: FoyerServerContext): void {
  mount(MFA_ROUTES.listFactors, async (c, { session: { user } }) => {
    const rows = await listConfirmedFactors(ctx.db, user.id);
    const factors: MfaFactor[] = rows.map((row) => ({
      id: row.id,
      type: row.type,
      label: row.label,
      createdAt: row.created_at,
      lastUsedAt: row.last_used_at,
    }));
    const remaining = await countUnusedRecoveryCodes(ctx.db, user.id);
    if (rows.length > 0) {
      const codes = await recoveryCodesSummary(ctx.db, user.id);
      if (codes)
        factors.push({
          id: RECOVERY_CODES_FACTOR_ID,
          type: 'recovery_codes',
          label: 'Recovery codes',
          createdAt: codes.createdAt,
          lastUsedAt: codes.lastUsedAt,
          remaining,
        });
    }
    const phone = await smsPhoneOf(ctx, user.id);
    return c.json({ factors, ...(phone ? { phoneHint: phoneHintOf(phone) } : {}) }, 200);
  });

  // Adding a factor is a sensitive change: a stolen session alone must not be able to enrol its own authenticator.
  mount(MFA_ROUTES.totpSetup, async (c, { session: { user } }) => {
    const secret = newTotpSecret();
    const nowIso = ctx.now().toISOString();
    // One setup at a time: an unfinished one is replaced.
    await ctx.db.transaction().execute((trx) =>
      replaceUnconfirmedTotpFactor(trx, {
        id: randomUUID(),
        user_id: user.id,
        type: 'totp',
        label: 'Authenticator app',
        totp_secret: sealTotpSecret(ctx.secret, secret),
        totp_last_step: null,
        credential_id: null,
        public_key: null,
        sign_count: null,
        transports: null,
        confirmed_at: null,
        created_at: nowIso,
        last_used_at: null,
      }),
    );
    const uri = totpFor(secret, { issuer: ctx.mfa?.issuer ?? 'Foyer', label: user.email }).toString();
    const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return c.json({ secret, uri, qrSvg }, 200);
  });

  mount(MFA_ROUTES.totpConfirm, async (c, { session: { user }, body: { code, label } }) => {
    const pending = await findUnconfirmedTotpFactor(ctx.db, user.id);
    if (!pending?.totp_secret) throw new FoyerError('not_found', { message: 'Start the authenticator setup first.' });
    const now = ctx.now();
    const step = matchTotpStep(openTotpSecret(ctx.secret, pending.totp_secret), code, now.getTime());
    if (step === null) throw new FoyerError('invalid_code');
    const nowIso = now.toISOString();
    const recoveryCodes = await ctx.db.transaction().execute(async (trx) => {
      const confirmed = await confirmTotpFactor(trx, pending.id, {
        atIso: nowIso,
        step,
        label: label?.trim() || 'Authenticator app',
      });
      if (!confirmed) throw new FoyerError('invalid_code');
      return issueRecoveryCodes(trx, ctx.secret, user.id, nowIso);
    });
    await recordAuditEvent(ctx, c, { type: 'mfa.enabled', userId: user.id, details: { factor: 'totp' } });
    notifySecurityChange(
      ctx,
      c,
      user.id,
      securityChangeNotice(ctx, c, user.email, { kind: 'mfa_enabled', factor: 'authenticator app' }),
    );
    return c.json({ recoveryCodes }, 200);
  });

  mount(MFA_ROUTES.removeFactor, async (c, { session: { user } }) => {
    const id = c.req.param('id') ?? '';
    let removed: string;
    if (id === RECOVERY_CODES_FACTOR_ID) {
      if ((await deleteRecoveryCodes(ctx.db, user.id)) === 0) throw new FoyerError('not_found');
      removed = 'recovery codes';
    } else {
      const factor = await findFactorOfUser(ctx.db, user.id, id.slice(0, 64));
      // Another user's factor is "not found", like an unknown one.
      if (!factor) throw new FoyerError('not_found');
      await ctx.db.transaction().execute(async (trx) => {
        await deleteFactorOfUser(trx, user.id, factor.id);
        // The last factor gone: MFA is off, and recovery codes with it.
        if (!(await hasConfirmedFactor(trx, user.id))) await deleteRecoveryCodes(trx, user.id);
      });
      removed = factor.type === 'passkey' ? `passkey “${factor.label}”` : factor.label;
    }
    await recordAuditEvent(ctx, c, { type: 'mfa.factor_removed', userId: user.id, details: { factorId: id } });
    notifySecurityChange(
      ctx,
      c,
      user.id,
      securityChangeNotice(ctx, c, user.email, { kind: 'factor_removed', factor: removed }),
    );
    return c.body(null, 204);
  });

  mount(MFA_ROUTES.verify, async (c, { body: proof }) => {
    const pending = await findPendingSignIn(ctx, c);
    const user = await findUserById(ctx.db, pending.user_id);
    if (!user) throw new FoyerError('mfa_pending_expired');
    if (proof.factor === 'sms') await assertSmsOffered(ctx, user.id, pending.method);
    try {
      await verifySecondFactor(ctx, c, user, proof, 'sign_in', { firstFactor: pending.method });
    } catch (error) {
      await recordPendingFailure(ctx, pending.id);
      throw error;
    }
    if (!(await consumePendingSignIn(ctx, c, pending.id))) throw new FoyerError('mfa_pending_expired');
    const answer = await finishSignIn(ctx, c, user, {
      method: pending.method as FirstFactor,
      passwordChangeRequired: pending.password_change_required === 1,
      stepUp: true,
    });
    return c.json(answer, 200);
  });

  // The code goes to the user's verified number only: the body is never read, so no request can name a number.
  mount(MFA_ROUTES.smsSend, async (c, { session: current }) => {
    let userId: string;
    let firstFactor: string | undefined;
    if (current) userId = current.user.id;
    else if (getCookie(c, MFA_PENDING_COOKIE_NAME)) {
      const pending = await findPendingSignIn(ctx, c);
      userId = pending.user_id;
      firstFactor = pending.method;
    } else throw new FoyerError('unauthenticated');
    const phone = await smsPhoneOf(ctx, userId, { firstFactor });
    if (!phone)
      throw new FoyerError('not_found', { message: 'Text-message codes are not available for this account.' });
    await sendPhoneCode(ctx, c, { phone, purpose: 'mfa', userId });
    return c.body(null, 202);
  });

  mount(MFA_ROUTES.stepUp, async (c, { session: current, body: proof }) => {
    const user = await findUserById(ctx.db, current.user.id);
    if (!user) throw new FoyerError('unauthenticated');
    const methods = await mfaMethodsOf(ctx, user.id);
    if (methods.length > 0 && proof.factor === 'password')
      throw new FoyerError('invalid_input', { fields: { factor: 'Use your second factor.' } });
    if (methods.length === 0 && proof.factor !== 'password')
      throw new FoyerError('invalid_input', { fields: { factor: 'Enter your password.' } });
    if (proof.factor === 'sms') await assertSmsOffered(ctx, user.id);
    await verifySecondFactor(ctx, c, user, proof, 'step_up');
    const now = ctx.now();
    await markStepUp(ctx.db, current.session.id, now.toISOString());
    return c.json({ stepUpUntil: new Date(now.getTime() + STEP_UP_TTL_MS).toISOString() }, 200);
  });

  mount(MFA_ROUTES.passkeyRegisterOptions, async (c, { session: { user } }) =>
    c.json(await passkeyRegistrationOptions(ctx, c, user), 200),
  );

  mount(MFA_ROUTES.passkeyRegisterVerify, async (c, { session: current, body: { response, label } }) => {
    const credential = await verifyPasskeyRegistration(ctx, c, current.user.id, response);
    const nowIso = ctx.now().toISOString();
    const id = randomUUID();
    const hadMfa = (await listConfirmedFactors(ctx.db, current.user.id)).length > 0;
    const row = {
      id,
      user_id: current.user.id,
      type: 'passkey' as const,
      label: label?.trim() || 'Passkey',
      totp_secret: null,
      totp_last_step: null,
      credential_id: credential.credentialId,
      public_key: credential.publicKey,
      sign_count: credential.counter,
      transports: JSON.stringify(credential.transports),
      confirmed_at: nowIso,
      created_at: nowIso,
      last_used_at: null,
    };
    const recoveryCodes = await ctx.db.transaction().execute(async (trx) => {
      if (await findPasskeyByCredentialId(trx, credential.credentialId))
        throw new FoyerError('invalid_code', { message: 'This passkey is already registered.' });
      await insertFactor(trx, row);
      return hadMfa ? undefined : issueRecoveryCodes(trx, ctx.secret, current.user.id, nowIso);
    });
    await recordAuditEvent(ctx, c, { type: 'mfa.enabled', userId: current.user.id, details: { factor: 'passkey' } });
    notifySecurityChange(
      ctx,
      c,
      current.user.id,
      securityChangeNotice(ctx, c, current.user.email, {
        kind: hadMfa ? 'factor_added' : 'mfa_enabled',
        factor: `passkey “${row.label}”`,
      }),
    );
    const factor: MfaFactor = { id, type: 'passkey', label: row.label, createdAt: nowIso, lastUsedAt: null };
    return c.json({ factor, ...(recoveryCodes ? { recoveryCodes } : {}) }, 200);
  });

  mount(MFA_ROUTES.passkeyAuthenticateOptions, async (c, { session, body: { email } }) => {
    // Whose passkeys to list: the signed-in user (step-up), a pending sign-in (second factor), a typed email, or anyone's (discoverable).
    let userId: string | null = session?.user.id ?? null;
    if (!userId && getCookie(c, MFA_PENDING_COOKIE_NAME))
      userId = await findPendingSignIn(ctx, c).then(
        (row) => row.user_id,
        () => null,
      );
    if (!userId && email) {
      const user = await findUserByEmail(ctx.db, email);
      const hasPasskey =
        user && (await listConfirmedFactors(ctx.db, user.id)).some((factor) => factor.type === 'passkey');
      // An unknown email, or one without passkeys, gets discoverable options: no enumeration.
      if (user && hasPasskey) userId = user.id;
    }
    return c.json(await passkeyAuthenticationOptions(ctx, c, userId), 200);
  });

  mount(MFA_ROUTES.passkeyAuthenticateVerify, async (c, { body: { response } }) => {
    let factor;
    try {
      factor = await verifyPasskeyAssertion(ctx, c, response, null);
    } catch (error) {
      await recordAuditEvent(ctx, c, { type: 'sign_in.failed', details: { reason: 'passkey' } });
      throw error;
    }
    const user = await findUserById(ctx.db, factor.user_id);
    if (!user) throw new FoyerError('invalid_code');
    if (user.email_verified_at === null) throw new FoyerError('email_not_verified');
    // A passkey is multi-factor in itself: no MFA step, and the new session counts as stepped up.
    const answer = await finishSignIn(ctx, c, user, { method: 'passkey', stepUp: true });
    await recordAuditEvent(ctx, c, { type: 'sign_in.succeeded', userId: user.id, details: { method: 'passkey' } });
    return c.json(answer, 200);
  });
}
