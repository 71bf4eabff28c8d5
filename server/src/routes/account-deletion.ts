/**
 * @module Data export and account deletion (`/account/export`, `/account/deletion`, `DELETE
 * /account`): export needs a session; starting a deletion needs a fresh step-up and answers the
 * export link and a single-use confirm token; `DELETE /account` with that token deletes. See
 * docs/account.md.
 */
import { ACCOUNT_DELETION_ROUTES, FoyerError, type AccountDeletionResponse } from '@foyer/core';
import { buildAccountExport } from '../account/account-export.js';
import { deleteAccount, issueDeletionConfirmToken } from '../account/account-deletion.js';
import { clearSessionCookie } from '../middleware/session/session-cookie.js';
import { recordAuditEvent } from '../security/audit-log.js';
import type { FoyerServerContext } from '../server-context.js';
import type { MountRoute } from './mount-route.js';

/** A step-up this recent is needed to start a deletion (the route table says the same: `stepUp.maxAgeSeconds`). */
export const DELETION_STEP_UP_MAX_AGE_MS =
  (ACCOUNT_DELETION_ROUTES.requestAccountDeletion.stepUp.maxAgeSeconds ?? 300) * 1000;

/**
 * Mounts export and deletion (`ACCOUNT_DELETION_ROUTES`).
 *
 * @example
 * mountAccountDeletionRoutes(createRouteMounter(app, ctx), ctx);
 */
export function mountAccountDeletionRoutes(mount: MountRoute, ctx: FoyerServerContext): void {
  const exportUrl = `${ctx.publicUrl}${ACCOUNT_DELETION_ROUTES.exportAccount.path}`;

  mount(ACCOUNT_DELETION_ROUTES.exportAccount, async (c, { session }) => {
    const userId = session.user.id;
    const bundle = await buildAccountExport(ctx, userId);
    if (!bundle) throw new FoyerError('unauthenticated');
    await recordAuditEvent(ctx, c, { type: 'account.exported', userId });
    c.header('Content-Disposition', `attachment; filename="account-export-${bundle.exportedAt.slice(0, 10)}.json"`);
    return c.json(bundle, 200);
  });

  mount(ACCOUNT_DELETION_ROUTES.requestAccountDeletion, async (c, { session }) => {
    const userId = session.user.id;
    const { confirmToken, expiresAt } = await issueDeletionConfirmToken(ctx, userId);
    await recordAuditEvent(ctx, c, { type: 'account.deletion_requested', userId });
    const body: AccountDeletionResponse = { exportUrl, confirmToken, expiresAt };
    return c.json(body, 200);
  });

  mount(ACCOUNT_DELETION_ROUTES.deleteAccount, async (c, { session, body: { confirmToken } }) => {
    await deleteAccount(ctx, session.user.id, confirmToken);
    clearSessionCookie(c, { secure: ctx.secureCookies });
    return c.body(null, 204);
  });
}
