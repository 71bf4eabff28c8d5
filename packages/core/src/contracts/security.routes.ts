/** @module The `SECURITY_ROUTES` table of the HTTP API (see routes.ts). */
import type { RouteContract } from './route-contract.js';
import * as mfa from './mfa.contracts.js';
import * as security from './security.contracts.js';

/** Every route of sign-in security: password reset and change, unlock, sessions, CAPTCHA. */
export const SECURITY_ROUTES = {
  forgotPassword: {
    method: 'POST',
    path: '/auth/password/forgot',
    auth: 'public',
    rateLimit: 'password-forgot',
    summary:
      'Email a 6-digit reset code and a reset link (both single use, 15 minutes, 5 tries). Always 202: no enumeration.',
    request: security.forgotPasswordRequestSchema,
    response: { status: 202 },
    errors: ['rate_limited', 'captcha_required', 'captcha_invalid', 'unsupported_media_type'],
  },
  resetPasswordLinkPage: {
    method: 'GET',
    path: '/auth/password/reset/link',
    auth: 'public',
    summary:
      'The page the reset email links to (`?token=…`): a form for the new password that posts the token to `POST /auth/password/reset`. Opening it never uses the token. `Cache-Control: no-store`, `Referrer-Policy: no-referrer`, a nonce CSP.',
    query: { token: 'The link token from the email.' },
    response: { status: 200, html: true },
    errors: [],
  },
  resetPassword: {
    method: 'POST',
    path: '/auth/password/reset',
    auth: 'public',
    rateLimit: 'password-reset',
    summary:
      'Set a new password with the code (`{email, code, password}`) or the link token (`{token, password}`). Revokes every session, signs in on this device, and emails a notice.',
    request: security.resetPasswordRequestSchema,
    response: { status: 200, schema: mfa.signInResponseSchema },
    errors: [
      'invalid_code',
      'code_expired',
      'weak_password',
      'password_breached',
      'rate_limited',
      'unsupported_media_type',
    ],
    session: 'sets',
  },
  changePassword: {
    method: 'POST',
    path: '/auth/password/change',
    auth: 'session',
    stepUp: {},
    summary:
      'Change the password of the signed-in user (current password and a fresh step-up required). Other sessions are revoked; a notice is emailed.',
    request: security.changePasswordRequestSchema,
    response: { status: 204 },
    errors: [
      'unauthenticated',
      'step_up_required',
      'invalid_credentials',
      'weak_password',
      'password_breached',
      'rate_limited',
      'unsupported_media_type',
    ],
  },
  unlockLinkPage: {
    method: 'GET',
    path: '/auth/unlock/link',
    auth: 'public',
    summary:
      'The page the lock email links to (`?token=…`): a button that posts the token to `POST /auth/unlock`. Opening it never uses the token.',
    query: { token: 'The unlock token from the email.' },
    response: { status: 200, html: true },
    errors: [],
  },
  unlock: {
    method: 'POST',
    path: '/auth/unlock',
    auth: 'public',
    rateLimit: 'unlock',
    summary: 'Lift a sign-in lock with the token from the lock email.',
    request: security.unlockRequestSchema,
    response: { status: 204 },
    errors: ['invalid_code', 'code_expired', 'rate_limited', 'unsupported_media_type'],
  },
  sessions: {
    method: 'GET',
    path: '/auth/sessions',
    auth: 'session',
    summary: 'Your sessions with their devices; the current one is marked.',
    response: { status: 200, schema: security.sessionsResponseSchema },
    errors: ['unauthenticated'],
  },
  revokeSession: {
    method: 'DELETE',
    path: '/auth/sessions/:id',
    auth: 'session',
    summary: 'Revoke one of your sessions. Another user’s session id answers 404, like an unknown one.',
    response: { status: 204 },
    errors: ['unauthenticated', 'not_found'],
  },
  revokeOtherSessions: {
    method: 'DELETE',
    path: '/auth/sessions',
    auth: 'session',
    summary: 'Revoke every session but the current one.',
    response: { status: 204 },
    errors: ['unauthenticated'],
  },
  captchaChallenge: {
    method: 'GET',
    path: '/auth/captcha/challenge',
    auth: 'public',
    rateLimit: 'captcha-challenge',
    summary: 'A fresh ALTCHA proof-of-work challenge (when ALTCHA is the CAPTCHA provider).',
    response: { status: 200, schema: security.altchaChallengeSchema },
    errors: ['not_found', 'rate_limited'],
  },
} as const satisfies Record<string, RouteContract>;
