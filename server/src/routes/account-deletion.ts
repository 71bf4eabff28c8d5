/**
 * @module Data export and account deletion (`/account/export`, `/account/deletion`, `DELETE
 * /account`): export needs a session; starting a deletion needs a fresh step-up and answers the
 * export link and a single-use confirm token; `DELETE /account` with that token deletes. See
 * docs/account.md.
 */
import { Hono, type Context } from 'hono';
import {
  ACCOUNT_DELETION_ROUTES,
  FoyerError,
  deleteAccountRequestSchema,
  type AccountDeletionResponse,
} from '@foyer/core';
import { buildAccountExport } from '../account/account-export.js';
import { deleteAccount, issueDeletionConfirmToken } from '../account/account-deletion.js';
import { clearSessionCookie } from '../middleware/session/session-cookie.js';
import { sessionLoader, type SessionVariables } from '../middleware/session/session.js';
import { requireStepUp } from '../middleware/step-up/index.js';
import { recordAuditEvent } from '../security/audit-log.js';
import type { FoyerEnv, FoyerServerContext } from '../server-context.js';
import { parseJsonBody } from '../validation/parse-json-body.js';

type SessionEnv = FoyerEnv & { Variables: SessionVariables };

/** A step-up this recent is needed to start a deletion. */
export const DELETION_STEP_UP_MAX_AGE_MS = 5 * 60_000;

function under(route: { path: string }): string {
  return route.path.slice('/account'.length) || '/';
}

function signedInUserId(c: Context<SessionEnv>): string {
  const current = c.get('session');
  if (!current) throw new FoyerError('unauthenticated');
  return current.user.id;
}

/**
 * Creates the deletion sub-app; mount it with `app.route('/account', createAccountDeletionRoutes(ctx))`.
 *
 * @example
 * app.route('/account', createAccountDeletionRoutes(ctx));
 */
export function createAccountDeletionRoutes(ctx: FoyerServerContext): Hono<SessionEnv> {
  const routes = new Hono<SessionEnv>();
  const exportUrl = (c: Context): string =>
    `${ctx.publicUrl ?? new URL(c.req.url).origin}${ACCOUNT_DELETION_ROUTES.exportAccount.path}`;

  routes.get(under(ACCOUNT_DELETION_ROUTES.exportAccount), sessionLoader(ctx), async (c) => {
    const userId = signedInUserId(c);
    const bundle = await buildAccountExport(ctx, userId);
    if (!bundle) throw new FoyerError('unauthenticated');
    await recordAuditEvent(ctx, c, { type: 'account.exported', userId });
    c.header('Content-Disposition', `attachment; filename="account-export-${bundle.exportedAt.slice(0, 10)}.json"`);
    return c.json(bundle, 200);
  });

  routes.post(
    under(ACCOUNT_DELETION_ROUTES.requestAccountDeletion),
    sessionLoader(ctx),
    requireStepUp(ctx, { maxAgeMs: DELETION_STEP_UP_MAX_AGE_MS }),
    async (c) => {
      const userId = signedInUserId(c);
      const { confirmToken, expiresAt } = await issueDeletionConfirmToken(ctx, userId);
      await recordAuditEvent(ctx, c, { type: 'account.deletion_requested', userId });
      const body: AccountDeletionResponse = { exportUrl: exportUrl(c), confirmToken, expiresAt };
      return c.json(body, 200);
    },
  );

  routes.delete(under(ACCOUNT_DELETION_ROUTES.deleteAccount), sessionLoader(ctx), async (c) => {
    const userId = signedInUserId(c);
    const { confirmToken } = await parseJsonBody(c, deleteAccountRequestSchema);
    await deleteAccount(ctx, userId, confirmToken);
    clearSessionCookie(c, { secure: ctx.secureCookies });
    return c.body(null, 204);
  });

  return routes;
}
