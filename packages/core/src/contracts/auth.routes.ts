/** @module The `AUTH_ROUTES` table of the HTTP API (see routes.ts). */
import type { RouteContract } from './route-contract.js';
import * as auth from './auth.contracts.js';
import * as mfa from './mfa.contracts.js';

/** Every route of the auth domain, in the order the docs show them. */
export const AUTH_ROUTES = {
  signUp: {
    method: 'POST',
    path: '/auth/sign-up',
    auth: 'public',
    rateLimit: 'sign-up',
    summary:
      'Create an account and send a verification email (6-digit code and link). Answers the same whether or not the email is already registered; the owner of an existing account is told by email instead.',
    request: auth.signUpRequestSchema,
    response: { status: 201, schema: auth.signUpResponseSchema },
    errors: ['unsupported_media_type', 'rate_limited'],
  },
  verifyEmail: {
    method: 'POST',
    path: '/auth/verify-email',
    auth: 'public',
    rateLimit: 'verify-email',
    summary:
      'Verify an email with the 6-digit code (`{email, code}`) or the link token (`{token}`), then sign in. Codes live 15 minutes, are single use, and allow 5 tries.',
    request: auth.verifyEmailRequestSchema,
    response: { status: 200, schema: auth.userResponseSchema },
    errors: ['invalid_code', 'code_expired', 'unsupported_media_type', 'rate_limited'],
    session: 'sets',
  },
  verifyEmailLinkPage: {
    method: 'GET',
    path: '/auth/verify-email/link',
    auth: 'public',
    summary:
      'The page the verification email links to (`?token=…`): it posts the token to `POST /auth/verify-email` when the person presses the button, then goes to the app. Opening it never uses the token (mail scanners open links).',
    query: { token: 'The link token from the email.' },
    response: { status: 200, html: true },
    errors: [],
  },
  resendVerification: {
    method: 'POST',
    path: '/auth/resend-verification',
    auth: 'public',
    rateLimit: 'resend-verification',
    summary: 'Send a new verification code (invalidating the previous one). Always 202: no enumeration.',
    request: auth.resendVerificationRequestSchema,
    response: { status: 202 },
    errors: ['unsupported_media_type', 'rate_limited'],
  },
  signIn: {
    method: 'POST',
    path: '/auth/sign-in',
    auth: 'public',
    rateLimit: 'sign-in',
    summary:
      'Sign in with email and password. Unknown email and wrong password get the same answer; `email_not_verified` only comes when the password was right.',
    request: auth.signInRequestSchema,
    response: { status: 200, schema: mfa.signInResponseSchema },
    errors: ['invalid_credentials', 'email_not_verified', 'unsupported_media_type', 'rate_limited'],
    session: 'sets',
  },
  session: {
    method: 'GET',
    path: '/auth/session',
    auth: 'optional',
    summary: 'The signed-in user and the current session.',
    response: { status: 200, schema: auth.sessionResponseSchema },
    errors: ['unauthenticated'],
  },
  signOut: {
    method: 'POST',
    path: '/auth/sign-out',
    auth: 'public',
    summary: 'Revoke the current session server-side and clear its cookie. 204 even when not signed in.',
    response: { status: 204 },
    errors: [],
    session: 'clears',
  },
} as const satisfies Record<string, RouteContract>;
