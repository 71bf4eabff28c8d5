/**
 * @module The session-management routes (`/auth/sessions`): list the signed-in user's sessions
 * with readable devices, revoke one (only your own: another user's id answers 404, like an
 * unknown one), revoke all others. OWASP ASVS 4.0.3 V3.3.4 (view and log out of active sessions).
 */
import { FoyerError, SECURITY_ROUTES, type SessionsResponse } from '@foyer/core';
import { deviceName } from '../auth/devices.js';
import { listLiveSessionsOfUser, revokeSessionOfUser, revokeSessionsOfUser } from '../db/repositories/sessions.js';
import { clearSessionCookie } from '../middleware/session/session-cookie.js';
import { recordAuditEvent } from '../security/audit-log.js';
import type { FoyerServerContext } from '../server-context.js';
import type { MountRoute } from './mount-route.js';

/**
 * Mounts the session-management routes of `SECURITY_ROUTES`.
 *
 * @example
 * mountSessionRoutes(createRouteMounter(app, ctx), ctx);
 */
export function mountSessionRoutes(mount: MountRoute, ctx: FoyerServerContext): void {
  mount(SECURITY_ROUTES.sessions, async (c, { session: current }) => {
    const rows = await listLiveSessionsOfUser(ctx.db, current.user.id, ctx.now().toISOString());
    const body: SessionsResponse = {
      sessions: rows.map((row) => ({
        id: row.id,
        device: deviceName(row.user_agent),
        ipPrefix: row.ip_prefix,
        createdAt: row.created_at,
        lastSeenAt: row.last_seen_at,
        current: row.id === current.session.id,
      })),
    };
    return c.json(body, 200);
  });

  mount(SECURITY_ROUTES.revokeSession, async (c, { session: current }) => {
    const sessionId = c.req.param('id') ?? '';
    const revoked =
      sessionId.length <= 64 &&
      (await revokeSessionOfUser(ctx.db, current.user.id, sessionId, ctx.now().toISOString()));
    if (!revoked) throw new FoyerError('not_found');
    await recordAuditEvent(ctx, c, {
      type: 'session.revoked',
      userId: current.user.id,
      details: { sessionId, scope: 'one' },
    });
    if (sessionId === current.session.id) clearSessionCookie(c, { secure: ctx.secureCookies });
    return c.body(null, 204);
  });

  mount(SECURITY_ROUTES.revokeOtherSessions, async (c, { session: current }) => {
    const count = await revokeSessionsOfUser(ctx.db, current.user.id, ctx.now().toISOString(), current.session.id);
    await recordAuditEvent(ctx, c, {
      type: 'session.revoked',
      userId: current.user.id,
      details: { scope: 'others', count },
    });
    return c.body(null, 204);
  });
}
