/** @module The `foyer_session` cookie: an opaque random token, `HttpOnly; SameSite=Lax; Path=/`. */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

/** Name of the session cookie. */
export const SESSION_COOKIE_NAME = 'foyer_session';

/** The session token the request carries, if any. */
export function readSessionToken(c: Context): string | undefined {
  const token = getCookie(c, SESSION_COOKIE_NAME);
  return token && token.length <= 256 ? token : undefined;
}

/** Sets the session cookie until `expires` (the session's absolute expiry). */
export function writeSessionCookie(c: Context, token: string, options: { expires: Date; secure: boolean }): void {
  setCookie(c, SESSION_COOKIE_NAME, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: options.secure,
    expires: options.expires,
  });
}

/** Clears the session cookie in the browser. */
export function clearSessionCookie(c: Context, options: { secure: boolean }): void {
  deleteCookie(c, SESSION_COOKIE_NAME, { httpOnly: true, sameSite: 'Lax', path: '/', secure: options.secure });
}
