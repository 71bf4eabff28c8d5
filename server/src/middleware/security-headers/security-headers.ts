/**
 * @module Transport and page headers (OWASP ASVS 4.0.3 V9.1.1 / V14.4.5 HSTS, V14.4.3 CSP, V14.4.4
 * nosniff, V14.4.7 framing; OWASP Secure Headers Project): `Strict-Transport-Security` on every
 * answer of a server whose public URL is https, so a browser that saw it once never again tries
 * plain http (no SSL stripping); and, for the example host page Foyer serves (`staticRoot`), a
 * Content-Security-Policy that allows scripts, styles and requests from the page's own origin
 * only, no framing (clickjacking of the sign-in form), and no MIME sniffing.
 */
import type { MiddlewareHandler } from 'hono';

/** One year, subdomains included (the minimum the HSTS preload list accepts is one year). */
export const HSTS_VALUE = 'max-age=31536000; includeSubDomains';

/**
 * The host page's policy. Scripts and styles come from files on the same origin (no inline code,
 * so no `'unsafe-inline'`); `data:` images for the inline favicon; API calls to the same origin.
 * Lit's element styles are constructed stylesheets, which `style-src` does not govern.
 */
export const HOST_PAGE_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Sets `Strict-Transport-Security` before the route runs, so answers of every kind carry it
 * (success, error shape, redirect, 404). Mount it only when the public URL is https: browsers
 * ignore the header over plain http, and a development server on http://localhost must not pin
 * https for every other port of localhost.
 *
 * @example
 * if (new URL(publicUrl).protocol === 'https:') app.use(strictTransportSecurity());
 */
export function strictTransportSecurity(): MiddlewareHandler {
  return async (c, next) => {
    c.header('Strict-Transport-Security', HSTS_VALUE);
    await next();
  };
}

/**
 * Headers of the served host page and its files: the CSP above (with `frame-ancestors 'none'`),
 * `X-Frame-Options: DENY` for browsers without CSP framing rules, `X-Content-Type-Options:
 * nosniff` and a referrer policy that keeps paths (and any token in them) on the origin.
 *
 * @example
 * app.get('/', hostPageHeaders(), serveStatic({ path: 'examples/plain-html/index.html' }));
 */
export function hostPageHeaders(): MiddlewareHandler {
  return async (c, next) => {
    c.header('Content-Security-Policy', HOST_PAGE_CONTENT_SECURITY_POLICY);
    c.header('X-Frame-Options', 'DENY');
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'strict-origin-when-cross-origin');
    await next();
  };
}
