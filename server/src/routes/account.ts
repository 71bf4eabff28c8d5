/**
 * @module Account changes behind step-up (`/account/*`): the payout destination (MFA required)
 * and the email address (code to the new address, notice to the old). Each change notifies the
 * user's verified channels. Account export and deletion live in `account-deletion.ts`.
 */
import { ACCOUNT_ROUTES, FoyerError } from '@foyer/core';
import { toApiUser } from '../auth/complete-sign-in.js';
import { checkOneTimeCode, issueOneTimeCode } from '../auth/one-time-codes.js';
import { markCodeUsed } from '../db/repositories/one-time-codes.js';
import {
  findEmailChangeRequest,
  replaceEmailChangeRequest,
  switchUserEmail,
  upsertPayoutDestination,
} from '../db/repositories/account-changes.js';
import { findUserByEmail, findUserById } from '../db/repositories/users.js';
import { emailChangeCodeEmail } from '../mail/mfa-templates.js';
import { recordAuditEvent } from '../security/audit-log.js';
import type { FoyerServerContext } from '../server-context.js';
import type { MountRoute } from './mount-route.js';
import { notifySecurityChange } from '../notifications/notify-security-change.js';
import { securityChangeNotice } from './mfa.js';

/**
 * Mounts the account routes (`ACCOUNT_ROUTES`): payout destination and email change.
 *
 * @example
 * mountAccountRoutes(createRouteMounter(app, ctx), ctx);
 */
export function mountAccountRoutes(mount: MountRoute, ctx: FoyerServerContext): void {
  mount(ACCOUNT_ROUTES.setPayout, async (c, { session: current, body: { accountHolder, iban } }) => {
    const updatedAt = ctx.now().toISOString();
    const values = { user_id: current.user.id, account_holder: accountHolder.trim(), iban, updated_at: updatedAt };
    await upsertPayoutDestination(ctx.db, values);
    const last4 = iban.slice(-4);
    await recordAuditEvent(ctx, c, { type: 'payout.changed', userId: current.user.id, details: { last4 } });
    notifySecurityChange(
      ctx,
      c,
      current.user.id,
      securityChangeNotice(ctx, c, current.user.email, { kind: 'payout_changed', last4 }),
    );
    return c.json({ accountHolder: values.account_holder, ibanLast4: last4, updatedAt }, 200);
  });

  mount(ACCOUNT_ROUTES.changeEmail, async (c, { session: current, body: { newEmail } }) => {
    // Same answer whether or not the address is taken: the owner of a taken one hears nothing from here.
    if (newEmail !== current.user.email && !(await findUserByEmail(ctx.db, newEmail))) {
      const issued = await ctx.db.transaction().execute(async (trx) => {
        await replaceEmailChangeRequest(trx, {
          user_id: current.user.id,
          new_email: newEmail,
          created_at: ctx.now().toISOString(),
        });
        return issueOneTimeCode(ctx, current.user.id, 'change_email', trx, { bindTo: newEmail });
      });
      ctx.sendInBackground(
        emailChangeCodeEmail({ to: newEmail, code: issued.code, minutesValid: issued.minutesValid }),
      );
    }
    await recordAuditEvent(ctx, c, { type: 'email.change_requested', userId: current.user.id });
    return c.body(null, 202);
  });

  mount(ACCOUNT_ROUTES.confirmEmailChange, async (c, { session: current, body: { code } }) => {
    const request = await findEmailChangeRequest(ctx.db, current.user.id);
    if (!request) throw new FoyerError('invalid_code');
    const row = await checkOneTimeCode(ctx, current.user.id, 'change_email', code, { bindTo: request.new_email });
    const nowIso = ctx.now().toISOString();
    const oldEmail = current.user.email;
    await ctx.db.transaction().execute(async (trx) => {
      if (!(await markCodeUsed(trx, row.id, nowIso))) throw new FoyerError('invalid_code');
      // Taken meanwhile (also by a parallel confirmation to the same address): one wins, the other is a 4xx.
      if (!(await switchUserEmail(trx, current.user.id, request.new_email, nowIso)))
        throw new FoyerError('invalid_code');
    });
    const user = await findUserById(ctx.db, current.user.id);
    if (!user) throw new FoyerError('unauthenticated');
    await recordAuditEvent(ctx, c, { type: 'email.changed', userId: user.id });
    // Both addresses hear about it: the old one is how the owner notices a takeover.
    notifySecurityChange(
      ctx,
      c,
      user.id,
      securityChangeNotice(ctx, c, [oldEmail, user.email], { kind: 'email_changed', newEmail: user.email }),
    );
    return c.json({ user: toApiUser(user) }, 200);
  });
}
