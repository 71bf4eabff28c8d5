/**
 * @module The session-management routes (`/auth/sessions`): list the signed-in user's sessions
 * with readable devices, revoke one (only your own: another user's id answers 404, like an
 * unknown one), revoke all others. OWASP ASVS 4.0.3 V3.3.4 (view and log out of active sessions).
 */
import { Hono } from 'hono';
import { FoyerError, SECURITY_ROUTES, type SessionsResponse } from '@foyer/core';
import { deviceName } from '../auth/devices.js';
import { listLiveSessionsOfUser, revokeSessionOfUser, revokeSessionsOfUser } from '../db/repositories/sessions.js';
import { clearSessionCookie } from '../middleware/session/session-cookie.js';
import { sessionLoader, type SessionVariables } from '../middleware/session/session.js';
import { recordAuditEvent } from '../security/audit-log.js';
import type { FoyerEnv, FoyerServerContext } from '../server-context.js';

/** A path of the route table, relative to the `/auth` mount point. */
function routePath(route: { path: string }): string {
  return route.path.slice('/auth'.length);
}

/**
 * Creates the sessions sub-app; mount it with `app.route('/auth', createSessionRoutes(ctx))`.
 *
 * @example
 * app.route('/auth', createSessionRoutes(ctx));
 */
export function createSessionRoutes(ctx: FoyerServerContext): Hono<FoyerEnv & { Variables: SessionVariables }> {
  const routes = new Hono<FoyerEnv & { Variables: SessionVariables }>();
  /** The signed-in session, or `401 unauthenticated`. */
  const requireSession = (session: SessionVariables['session']): NonNullable<SessionVariables['session']> => {
    if (!session) throw new FoyerError('unauthenticated');
    return session;
  };

  routes.get(routePath(SECURITY_ROUTES.sessions), sessionLoader(ctx), async (c) => {
    const current = requireSession(c.get('session'));
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

  routes.delete(routePath(SECURITY_ROUTES.revokeSession), sessionLoader(ctx), async (c) => {
    const current = requireSession(c.get('session'));
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

  routes.delete(routePath(SECURITY_ROUTES.revokeOtherSessions), sessionLoader(ctx), async (c) => {
    const current = requireSession(c.get('session'));
    const count = await revokeSessionsOfUser(ctx.db, current.user.id, ctx.now().toISOString(), current.session.id);
    await recordAuditEvent(ctx, c, {
      type: 'session.revoked',
      userId: current.user.id,
      details: { scope: 'others', count },
    });
    return c.body(null, 204);
  });

  return routes;
}
