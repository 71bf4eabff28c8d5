/** @module Session cookie and session middleware. */
export { requireSession, sessionLoader, type SessionVariables } from './session.js';
export { SESSION_COOKIE_NAME, readSessionToken, writeSessionCookie, clearSessionCookie } from './session-cookie.js';
