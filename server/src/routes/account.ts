/**
 * @module Account changes behind step-up (`/account/*`): the payout destination (MFA required)
 * and the email address (code to the new address, notice to the old). Each change notifies the
 * user's verified channels. Account export and deletion live in `account-deletion.ts`.
 */
import { Hono } from 'hono';
import {
  ACCOUNT_ROUTES,
  changeEmailRequestSchema,
  confirmEmailChangeRequestSchema,
  FoyerError,
  payoutDestinationRequestSchema,
} from '@foyer/core';
import { toApiUser } from '../auth/complete-sign-in.js';
import { checkOneTimeCode, issueOneTimeCode } from '../auth/one-time-codes.js';
import { markCodeUsed } from '../db/repositories/one-time-codes.js';
import { findUserByEmail, findUserById } from '../db/repositories/users.js';
import { emailChangeCodeEmail } from '../mail/mfa-templates.js';
import { jsonBodyOnly } from '../middleware/json-body/json-body.js';
import { sessionLoader, type SessionVariables } from '../middleware/session/session.js';
import { requireStepUp } from '../middleware/step-up/index.js';
import { recordAuditEvent } from '../security/audit-log.js';
import type { FoyerEnv, FoyerServerContext } from '../server-context.js';
import { parseJsonBody } from '../validation/parse-json-body.js';
import { AUTH_BODY_LIMIT_BYTES } from './auth.js';
import { notifySecurityChange } from '../notifications/notify-security-change.js';
import { securityChangeNotice } from './mfa.js';

function routePath(route: { path: string }): string {
  return route.path.slice('/account'.length);
}

/**
 * Creates the account sub-app; mount it with `app.route('/account', createAccountRoutes(ctx))`.
 *
 * @example
 * app.route('/account', createAccountRoutes(ctx));
 */
export function createAccountRoutes(ctx: FoyerServerContext): Hono<FoyerEnv & { Variables: SessionVariables }> {
  const routes = new Hono<FoyerEnv & { Variables: SessionVariables }>();
  const body = jsonBodyOnly({ maxBytes: AUTH_BODY_LIMIT_BYTES });
  routes.use('/payout', body);
  routes.use('/email', body);
  routes.use('/email/*', body);
  const session = sessionLoader(ctx);
  const { rateLimit } = ctx.signInSecurity;

  routes.put(routePath(ACCOUNT_ROUTES.setPayout), session, requireStepUp(ctx, { requireMfa: true }), async (c) => {
    const current = c.get('session');
    if (!current) throw new FoyerError('unauthenticated');
    const { accountHolder, iban } = await parseJsonBody(c, payoutDestinationRequestSchema);
    const updatedAt = ctx.now().toISOString();
    const values = { user_id: current.user.id, account_holder: accountHolder.trim(), iban, updated_at: updatedAt };
    await ctx.db
      .insertInto('payout_destinations')
      .values(values)
      .onConflict((oc) =>
        oc.column('user_id').doUpdateSet({ account_holder: values.account_holder, iban, updated_at: updatedAt }),
      )
      .execute();
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

  routes.post(
    routePath(ACCOUNT_ROUTES.changeEmail),
    session,
    requireStepUp(ctx),
    rateLimit('resend-verification'),
    async (c) => {
      const current = c.get('session');
      if (!current) throw new FoyerError('unauthenticated');
      const { newEmail } = await parseJsonBody(c, changeEmailRequestSchema);
      // Same answer whether or not the address is taken: the owner of a taken one hears nothing from here.
      if (newEmail !== current.user.email && !(await findUserByEmail(ctx.db, newEmail))) {
        const issued = await ctx.db.transaction().execute(async (trx) => {
          await trx.deleteFrom('email_change_requests').where('user_id', '=', current.user.id).execute();
          await trx
            .insertInto('email_change_requests')
            .values({ user_id: current.user.id, new_email: newEmail, created_at: ctx.now().toISOString() })
            .execute();
          return issueOneTimeCode(ctx, current.user.id, 'change_email', trx, { bindTo: newEmail });
        });
        ctx.sendInBackground(
          emailChangeCodeEmail({ to: newEmail, code: issued.code, minutesValid: issued.minutesValid }),
        );
      }
      await recordAuditEvent(ctx, c, { type: 'email.change_requested', userId: current.user.id });
      return c.body(null, 202);
    },
  );

  routes.post(routePath(ACCOUNT_ROUTES.confirmEmailChange), session, rateLimit('verify-email'), async (c) => {
    const current = c.get('session');
    if (!current) throw new FoyerError('unauthenticated');
    const { code } = await parseJsonBody(c, confirmEmailChangeRequestSchema);
    const request = await ctx.db
      .selectFrom('email_change_requests')
      .selectAll()
      .where('user_id', '=', current.user.id)
      .executeTakeFirst();
    if (!request) throw new FoyerError('invalid_code');
    const row = await checkOneTimeCode(ctx, current.user.id, 'change_email', code, { bindTo: request.new_email });
    const nowIso = ctx.now().toISOString();
    const oldEmail = current.user.email;
    await ctx.db.transaction().execute(async (trx) => {
      if (!(await markCodeUsed(trx, row.id, nowIso))) throw new FoyerError('invalid_code');
      const taken = await trx
        .selectFrom('users')
        .select('id')
        .where('email', '=', request.new_email)
        .executeTakeFirst();
      if (taken) throw new FoyerError('invalid_code');
      await trx
        .updateTable('users')
        .set({ email: request.new_email, email_verified_at: nowIso, updated_at: nowIso })
        .where('id', '=', current.user.id)
        .execute();
      await trx.deleteFrom('email_change_requests').where('user_id', '=', current.user.id).execute();
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

  return routes;
}
