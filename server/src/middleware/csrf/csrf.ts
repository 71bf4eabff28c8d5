/**
 * @module CSRF protection by origin: state-changing requests from another site are refused, even
 * with a valid session cookie (OWASP CSRF Cheat Sheet: "Verifying Origin With Standard Headers"
 * and "Fetch Metadata"). The server's own origin is the configured public URL's, never the one the
 * request names in its `Host` header: a page on a host the attacker points at the server would
 * otherwise be "same origin".
 */
import type { MiddlewareHandler } from 'hono';
import { FoyerError } from '@foyer/core';

/** Options of {@link csrfProtection}. */
export interface CsrfProtectionOptions {
  /** Partner origins allowed to send state-changing requests (`https://partner.example`). @default [] */
  allowedOrigins?: readonly string[];
  /** The server's public URL (`https://auth.example`): its origin is the server's own. */
  publicUrl: string;
  /**
   * Requests let through whatever their origin: only for routes protected otherwise (the OpenID
   * `form_post` callback, guarded by state, nonce and PKCE). @default none
   */
  exempt?: (path: string, method: string) => boolean;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses a POST/PUT/PATCH/DELETE with `403 csrf_rejected` when its `Origin` is present and is
 * neither the public URL's origin nor an allowed one, or when it has no allowed `Origin` and
 * `Sec-Fetch-Site: cross-site`. Requests with neither header (non-browser clients) pass.
 *
 * @example
 * app.use(csrfProtection({ allowedOrigins: ['https://partner.example'], publicUrl: 'https://auth.example' }));
 */
export function csrfProtection(options: CsrfProtectionOptions): MiddlewareHandler {
  const allowed = new Set([new URL(options.publicUrl).origin, ...(options.allowedOrigins ?? [])]);
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    if (options.exempt?.(c.req.path, c.req.method)) return next();
    const origin = c.req.header('origin');
    if (origin !== undefined) {
      if (allowed.has(origin)) return next();
      throw new FoyerError('csrf_rejected');
    }
    if (c.req.header('sec-fetch-site') === 'cross-site') throw new FoyerError('csrf_rejected');
    return next();
  };
}
