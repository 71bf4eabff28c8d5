/** @module Session middleware: resolves the `foyer_session` cookie into `c.var.session`. */
import type { MiddlewareHandler } from 'hono';
import { FoyerError } from '@foyer/core';
import { resolveSession, type ResolvedSession } from '../../auth/sessions.js';
import type { FoyerServerContext } from '../../server-context.js';
import { readSessionToken } from './session-cookie.js';

/** Hono variables set by {@link sessionLoader}. */
export interface SessionVariables {
  /** The live session and its user, or `null` when the request is not signed in. */
  session: ResolvedSession | null;
}

/**
 * Sets `c.var.session` from the cookie (one indexed SELECT; a write at most once a minute).
 * Mount it only on routes that need the session, so the others cost no query.
 *
 * @example
 * auth.get('/session', sessionLoader(ctx), (c) => c.json(c.var.session));
 */
export function sessionLoader(ctx: FoyerServerContext): MiddlewareHandler<{ Variables: SessionVariables }> {
  return async (c, next) => {
    const token = readSessionToken(c);
    c.set('session', token ? ((await resolveSession(ctx, token)) ?? null) : null);
    return next();
  };
}

/**
 * {@link sessionLoader} that answers `401 unauthenticated` when the request is not signed in, so
 * `c.var.session` is always set after it. Routes of the route table with `auth: 'session'` get it.
 *
 * @example
 * app.get('/me', requireSession(ctx), (c) => c.json(c.var.session!.user));
 */
export function requireSession(ctx: FoyerServerContext): MiddlewareHandler<{ Variables: SessionVariables }> {
  const load = sessionLoader(ctx);
  return async (c, next) =>
    load(c, async () => {
      if (!c.get('session')) throw new FoyerError('unauthenticated');
      await next();
    });
}
