/**
 * @module Response headers every API answer carries: `Cache-Control: no-store`, because answers
 * name who is signed in and carry codes, secrets and personal data that no browser cache, back/
 * forward cache or shared proxy may keep (OWASP ASVS 4.0.3 V8.2.1); and `X-Content-Type-Options:
 * nosniff`, so a JSON answer that echoes user input is never sniffed into HTML (V14.4.4).
 */
import type { MiddlewareHandler } from 'hono';

/**
 * Sets the API headers before the route runs, so answers of every kind get them: success, a thrown
 * error turned into the error shape, a redirect. A route that must answer otherwise sets its own
 * `Cache-Control` (`c.header()` replaces the value).
 *
 * @example
 * app.use('/auth/*', apiHeaders());
 */
export function apiHeaders(): MiddlewareHandler {
  return async (c, next) => {
    c.header('Cache-Control', 'no-store');
    c.header('X-Content-Type-Options', 'nosniff');
    await next();
  };
}
