/**
 * @module SMS sign-in (`/auth/phone/*`) and numbers on accounts (`/account/phone*`). Off unless
 * the server has a `phone` option: every route then answers `404 not_found`. Phone sign-in works
 * only for accounts that added and verified the number (no phone-only accounts: every account has
 * an email, see docs/security.md). Starting always answers 202 (no enumeration).
 */
import { Hono, type Context } from 'hono';
import {
  FoyerError,
  PHONE_ROUTES,
  accountPhoneVerifyRequestSchema,
  phoneStartRequestSchema,
  phoneVerifyRequestSchema,
  type AccountPhoneResponse,
} from '@foyer/core';
import { completeSignIn } from '../auth/complete-sign-in.js';
import { findUserById } from '../db/repositories/users.js';
import {
  deletePhonesOfUser,
  findVerifiedPhoneOwner,
  listPhonesOfUser,
  promotePendingPhone,
  replacePendingPhone,
} from '../db/repositories/user-phones.js';
import { sessionLoader, type SessionVariables } from '../middleware/session/session.js';
import { requireStepUp } from '../middleware/step-up/index.js';
import { checkPhoneCode, parsePhone, requirePhoneConfig, sendPhoneCode } from '../phone/phone-codes.js';
import { recordAuditEvent } from '../security/audit-log.js';
import type { FoyerEnv, FoyerServerContext } from '../server-context.js';
import { parseJsonBody } from '../validation/parse-json-body.js';
import { randomUUID } from 'node:crypto';

type SessionEnv = FoyerEnv & { Variables: SessionVariables };

function under(mount: string, route: { path: string }): string {
  return route.path.slice(mount.length) || '/';
}

/**
 * Creates the SMS sign-in sub-app; mount it with `app.route('/auth', createPhoneSignInRoutes(ctx))`.
 *
 * @example
 * app.route('/auth', createPhoneSignInRoutes(ctx));
 */
export function createPhoneSignInRoutes(ctx: FoyerServerContext): Hono<FoyerEnv> {
  const routes = new Hono<FoyerEnv>();
  routes.use('/phone/*', async (_c, next) => {
    requirePhoneConfig(ctx);
    return next();
  });

  routes.post(under('/auth', PHONE_ROUTES.startPhoneSignIn), async (c) => {
    const { phone, country } = await parseJsonBody(c, phoneStartRequestSchema);
    await sendPhoneCode(ctx, c, { phone, purpose: 'sign_in', ...(country ? { country } : {}) });
    return c.body(null, 202);
  });

  routes.post(under('/auth', PHONE_ROUTES.verifyPhoneSignIn), async (c) => {
    const { phone, country, code } = await parseJsonBody(c, phoneVerifyRequestSchema);
    const { userId, phone: e164 } = await checkPhoneCode(
      ctx,
      { phone, code, purpose: 'sign_in', ...(country ? { country } : {}) },
      c,
    );
    const user = await findUserById(ctx.db, userId);
    if (!user) throw new FoyerError('invalid_code');
    const answer = await completeSignIn(ctx, c, user, { method: 'phone' });
    // With MFA the sign-in is not complete yet: the MFA routes record its end.
    if ('user' in answer) {
      await recordAuditEvent(ctx, c, {
        type: 'sign_in.succeeded',
        userId,
        identity: e164,
        details: { method: 'phone' },
      });
    }
    return c.json(answer, 200);
  });

  return routes;
}

async function phonesAnswer(ctx: FoyerServerContext, userId: string): Promise<AccountPhoneResponse> {
  const rows = await listPhonesOfUser(ctx.db, userId);
  return {
    phones: rows.map((row) => ({ phone: row.phone, verified: row.verified_at !== null, createdAt: row.created_at })),
  };
}

function signedInUserId(c: Context<SessionEnv>): string {
  const current = c.get('session');
  if (!current) throw new FoyerError('unauthenticated');
  return current.user.id;
}

/**
 * Creates the account-phone sub-app; mount it with `app.route('/account', createAccountPhoneRoutes(ctx))`.
 *
 * @example
 * app.route('/account', createAccountPhoneRoutes(ctx));
 */
export function createAccountPhoneRoutes(ctx: FoyerServerContext): Hono<SessionEnv> {
  const routes = new Hono<SessionEnv>();
  routes.use('/phone', async (_c, next) => {
    requirePhoneConfig(ctx);
    return next();
  });
  routes.use('/phone/*', async (_c, next) => {
    requirePhoneConfig(ctx);
    return next();
  });

  routes.get(under('/account', PHONE_ROUTES.listAccountPhones), sessionLoader(ctx), async (c) => {
    return c.json(await phonesAnswer(ctx, signedInUserId(c)), 200);
  });

  routes.post(under('/account', PHONE_ROUTES.addAccountPhone), sessionLoader(ctx), async (c) => {
    const userId = signedInUserId(c);
    const { phone: typed, country } = await parseJsonBody(c, phoneStartRequestSchema);
    const phone = parsePhone(ctx, typed, country);
    const owner = await findVerifiedPhoneOwner(ctx.db, phone.e164);
    // Already verified here or on another account: nothing to verify; the answer is the same.
    if (!owner) {
      const now = ctx.now().toISOString();
      await replacePendingPhone(ctx.db, {
        id: randomUUID(),
        user_id: userId,
        phone: phone.e164,
        verified_at: null,
        created_at: now,
        updated_at: now,
      });
    }
    await sendPhoneCode(ctx, c, { phone: phone.e164, purpose: 'verify', userId });
    return c.body(null, 202);
  });

  routes.post(under('/account', PHONE_ROUTES.verifyAccountPhone), sessionLoader(ctx), async (c) => {
    const userId = signedInUserId(c);
    const { code } = await parseJsonBody(c, accountPhoneVerifyRequestSchema);
    const pending = (await listPhonesOfUser(ctx.db, userId)).find((row) => row.verified_at === null);
    if (!pending) throw new FoyerError('invalid_code');
    await checkPhoneCode(ctx, { phone: pending.phone, code, purpose: 'verify', userId }, c);
    const now = ctx.now().toISOString();
    try {
      const promoted = await ctx.db.transaction().execute((trx) => promotePendingPhone(trx, userId, pending.id, now));
      if (!promoted) throw new FoyerError('invalid_code');
    } catch (error) {
      // Another account verified the same number meanwhile (unique index).
      if (error instanceof FoyerError) throw error;
      throw new FoyerError('invalid_code');
    }
    await recordAuditEvent(ctx, c, { type: 'phone.verified', userId, identity: pending.phone });
    return c.json(await phonesAnswer(ctx, userId), 200);
  });

  routes.delete(
    under('/account', PHONE_ROUTES.removeAccountPhone),
    sessionLoader(ctx),
    requireStepUp(ctx),
    async (c) => {
      const userId = signedInUserId(c);
      const removed = await deletePhonesOfUser(ctx.db, userId);
      await recordAuditEvent(ctx, c, { type: 'phone.removed', userId, details: { count: removed } });
      return c.body(null, 204);
    },
  );

  return routes;
}
