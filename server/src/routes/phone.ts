/**
 * @module SMS sign-in (`/auth/phone/*`) and numbers on accounts (`/account/phone*`). Off unless
 * the server has a `phone` option: every route then answers `404 not_found`. Phone sign-in works
 * only for accounts that added and verified the number (no phone-only accounts: every account has
 * an email, see docs/security.md). Starting always answers 202 (no enumeration).
 */
import { randomUUID } from 'node:crypto';
import { FoyerError, PHONE_ROUTES, type AccountPhoneResponse } from '@foyer/core';
import { completeSignIn } from '../auth/complete-sign-in.js';
import { findUserById } from '../db/repositories/users.js';
import {
  deletePhonesOfUser,
  findVerifiedPhoneOwner,
  listPhonesOfUser,
  promotePendingPhone,
  replacePendingPhone,
} from '../db/repositories/user-phones.js';
import { checkPhoneCode, parsePhone, requirePhoneConfig, sendPhoneCode } from '../phone/phone-codes.js';
import { recordAuditEvent } from '../security/audit-log.js';
import type { FoyerServerContext } from '../server-context.js';
import type { MountRoute } from './mount-route.js';

async function phonesAnswer(ctx: FoyerServerContext, userId: string): Promise<AccountPhoneResponse> {
  const rows = await listPhonesOfUser(ctx.db, userId);
  return {
    phones: rows.map((row) => ({ phone: row.phone, verified: row.verified_at !== null, createdAt: row.created_at })),
  };
}

/**
 * Mounts SMS sign-in and the account's phone numbers (`PHONE_ROUTES`); each answers `404` while
 * the server has no `phone` option.
 *
 * @example
 * mountPhoneRoutes(createRouteMounter(app, ctx), ctx);
 */
export function mountPhoneRoutes(mount: MountRoute, ctx: FoyerServerContext): void {
  const phoneOn = { enabled: () => void requirePhoneConfig(ctx) };

  mount(
    PHONE_ROUTES.startPhoneSignIn,
    async (c, { body: { phone, country } }) => {
      await sendPhoneCode(ctx, c, { phone, purpose: 'sign_in', ...(country ? { country } : {}) });
      return c.body(null, 202);
    },
    phoneOn,
  );

  mount(
    PHONE_ROUTES.verifyPhoneSignIn,
    async (c, { body: { phone, country, code } }) => {
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
    },
    phoneOn,
  );

  mount(
    PHONE_ROUTES.listAccountPhones,
    async (c, { session }) => c.json(await phonesAnswer(ctx, session.user.id), 200),
    phoneOn,
  );

  mount(
    PHONE_ROUTES.addAccountPhone,
    async (c, { session, body: { phone: typed, country } }) => {
      const userId = session.user.id;
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
    },
    phoneOn,
  );

  mount(
    PHONE_ROUTES.verifyAccountPhone,
    async (c, { session, body: { code } }) => {
      const userId = session.user.id;
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
    },
    phoneOn,
  );

  mount(
    PHONE_ROUTES.removeAccountPhone,
    async (c, { session }) => {
      const userId = session.user.id;
      const removed = await deletePhonesOfUser(ctx.db, userId);
      await recordAuditEvent(ctx, c, { type: 'phone.removed', userId, details: { count: removed } });
      return c.body(null, 204);
    },
    phoneOn,
  );
}
