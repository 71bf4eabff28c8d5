/**
 * @module The route table of the HTTP API: method, path, request and answer schemas, and the error
 * codes each route can answer with. The server mounts these paths; docs/api.md is generated from
 * this table (`node scripts/generate-api-docs.mjs`), so the reference cannot drift from the code.
 */
import type { ErrorCode } from '../errors.js';
import * as auth from './auth.contracts.js';
import * as onboarding from './onboarding.contracts.js';
import * as security from './security.contracts.js';

/** One endpoint of the HTTP API. */
export interface RouteContract {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  summary: string;
  /** Schema of the JSON body, when the route takes one. */
  request?: unknown;
  /** Status and schema of the success answer (`undefined` for an empty body). */
  response: { status: number; schema?: unknown };
  /** Error codes this route answers with, besides `invalid_input`, `csrf_rejected` and `internal_error`. */
  errors: ErrorCode[];
  /** Sets or clears the session cookie, or needs one. */
  session?: 'sets' | 'clears' | 'requires';
  /** Query parameters. */
  query?: Record<string, string>;
  /** Request headers that matter. */
  headers?: Record<string, string>;
}

/** Every route of the auth domain, in the order the docs show them. */
export const AUTH_ROUTES = {
  signUp: {
    method: 'POST',
    path: '/auth/sign-up',
    summary:
      'Create an account and send a verification email (6-digit code and link). Answers the same whether or not the email is already registered; the owner of an existing account is told by email instead.',
    request: auth.signUpRequestSchema,
    response: { status: 201, schema: auth.signUpResponseSchema },
    errors: ['unsupported_media_type', 'rate_limited'],
  },
  verifyEmail: {
    method: 'POST',
    path: '/auth/verify-email',
    summary:
      'Verify an email with the 6-digit code (`{email, code}`) or the link token (`{token}`), then sign in. Codes live 15 minutes, are single use, and allow 5 tries.',
    request: auth.verifyEmailRequestSchema,
    response: { status: 200, schema: auth.userResponseSchema },
    errors: ['invalid_code', 'code_expired', 'unsupported_media_type', 'rate_limited'],
    session: 'sets',
  },
  resendVerification: {
    method: 'POST',
    path: '/auth/resend-verification',
    summary: 'Send a new verification code (invalidating the previous one). Always 202: no enumeration.',
    request: auth.resendVerificationRequestSchema,
    response: { status: 202 },
    errors: ['unsupported_media_type', 'rate_limited'],
  },
  signIn: {
    method: 'POST',
    path: '/auth/sign-in',
    summary:
      'Sign in with email and password. Unknown email and wrong password get the same answer; `email_not_verified` only comes when the password was right.',
    request: auth.signInRequestSchema,
    response: { status: 200, schema: auth.userResponseSchema },
    errors: ['invalid_credentials', 'email_not_verified', 'unsupported_media_type', 'rate_limited'],
    session: 'sets',
  },
  session: {
    method: 'GET',
    path: '/auth/session',
    summary: 'The signed-in user and the current session.',
    response: { status: 200, schema: auth.sessionResponseSchema },
    errors: ['unauthenticated'],
    session: 'requires',
  },
  signOut: {
    method: 'POST',
    path: '/auth/sign-out',
    summary: 'Revoke the current session server-side and clear its cookie. 204 even when not signed in.',
    response: { status: 204 },
    errors: [],
    session: 'clears',
  },
} as const satisfies Record<string, RouteContract>;

const TRACK_QUERY = {
  track: 'The track (`provider`, `host`). Needed only when the step belongs to more than one of your tracks.',
};

/** Every route of the onboarding and publishing domains. */
export const ONBOARDING_ROUTES = {
  overview: {
    method: 'GET',
    path: '/onboarding',
    summary: 'Your tracks with every step (status, data, version), score, what is missing, and the publish and Instant Book gates.',
    response: { status: 200, schema: onboarding.onboardingOverviewSchema },
    errors: ['unauthenticated'],
    session: 'requires',
  },
  setTracks: {
    method: 'PUT',
    path: '/onboarding/tracks',
    summary: 'Choose the tracks you onboard on and your provider roles. Answers the overview.',
    request: onboarding.setTracksRequestSchema,
    response: { status: 200, schema: onboarding.onboardingOverviewSchema },
    errors: ['unauthenticated', 'unsupported_media_type'],
    session: 'requires',
  },
  saveStep: {
    method: 'PATCH',
    path: '/onboarding/steps/:step',
    summary:
      'Autosave a draft: a JSON Merge Patch of the step data (may be incomplete, must be type-correct). A stale `If-Match` version answers `409 version_conflict` with the current data in `details.current`, and writes nothing.',
    request: onboarding.stepPatchSchema,
    query: TRACK_QUERY,
    headers: { 'If-Match': 'The version the edit was based on (required).' },
    response: { status: 200, schema: onboarding.stepSavedSchema },
    errors: ['unauthenticated', 'not_found', 'precondition_required', 'version_conflict', 'step_locked', 'unsupported_media_type'],
    session: 'requires',
  },
  completeStep: {
    method: 'POST',
    path: '/onboarding/steps/:step/complete',
    summary: 'Validate the saved step in full and mark it complete. Answers the new overview (scores and gates recomputed).',
    query: TRACK_QUERY,
    response: { status: 200, schema: onboarding.onboardingOverviewSchema },
    errors: ['unauthenticated', 'not_found', 'step_invalid', 'step_locked', 'slug_taken'],
    session: 'requires',
  },
  publish: {
    method: 'POST',
    path: '/profiles/me/publish',
    summary: 'Publish the public profile of a track. Refused with `409 publish_blocked` and every reason in `details.reasons` while the gate is closed.',
    request: onboarding.publishRequestSchema,
    response: { status: 200, schema: onboarding.publishResponseSchema },
    errors: ['unauthenticated', 'publish_blocked', 'unsupported_media_type'],
    session: 'requires',
  },
  unpublish: {
    method: 'POST',
    path: '/profiles/me/unpublish',
    summary: 'Take the public profile of a track down.',
    request: onboarding.publishRequestSchema,
    response: { status: 204 },
    errors: ['unauthenticated', 'unsupported_media_type'],
    session: 'requires',
  },
  instantBook: {
    method: 'GET',
    path: '/profiles/me/instant-book',
    summary: 'Instant Book eligibility of each of your tracks, with reasons.',
    response: { status: 200, schema: onboarding.instantBookResponseSchema },
    errors: ['unauthenticated'],
    session: 'requires',
  },
} as const satisfies Record<string, RouteContract>;

/** Every route of sign-in security: password reset and change, unlock, sessions, CAPTCHA. */
export const SECURITY_ROUTES = {
  forgotPassword: {
    method: 'POST',
    path: '/auth/password/forgot',
    summary: 'Email a 6-digit reset code and a reset link (both single use, 15 minutes, 5 tries). Always 202: no enumeration.',
    request: security.forgotPasswordRequestSchema,
    response: { status: 202 },
    errors: ['rate_limited', 'captcha_required', 'captcha_invalid', 'unsupported_media_type'],
  },
  resetPassword: {
    method: 'POST',
    path: '/auth/password/reset',
    summary:
      'Set a new password with the code (`{email, code, password}`) or the link token (`{token, password}`). Revokes every session, signs in on this device, and emails a notice.',
    request: security.resetPasswordRequestSchema,
    response: { status: 200, schema: auth.userResponseSchema },
    errors: ['invalid_code', 'code_expired', 'weak_password', 'password_breached', 'rate_limited', 'unsupported_media_type'],
    session: 'sets',
  },
  changePassword: {
    method: 'POST',
    path: '/auth/password/change',
    summary: 'Change the password of the signed-in user (current password required). Other sessions are revoked; a notice is emailed.',
    request: security.changePasswordRequestSchema,
    response: { status: 204 },
    errors: ['unauthenticated', 'invalid_credentials', 'weak_password', 'password_breached', 'rate_limited', 'unsupported_media_type'],
    session: 'requires',
  },
  unlock: {
    method: 'POST',
    path: '/auth/unlock',
    summary: 'Lift a sign-in lock with the token from the lock email.',
    request: security.unlockRequestSchema,
    response: { status: 204 },
    errors: ['invalid_code', 'code_expired', 'rate_limited', 'unsupported_media_type'],
  },
  sessions: {
    method: 'GET',
    path: '/auth/sessions',
    summary: 'Your sessions with their devices; the current one is marked.',
    response: { status: 200, schema: security.sessionsResponseSchema },
    errors: ['unauthenticated'],
    session: 'requires',
  },
  revokeSession: {
    method: 'DELETE',
    path: '/auth/sessions/:id',
    summary: 'Revoke one of your sessions. Another user’s session id answers 404, like an unknown one.',
    response: { status: 204 },
    errors: ['unauthenticated', 'not_found'],
    session: 'requires',
  },
  revokeOtherSessions: {
    method: 'DELETE',
    path: '/auth/sessions',
    summary: 'Revoke every session but the current one.',
    response: { status: 204 },
    errors: ['unauthenticated'],
    session: 'requires',
  },
  captchaChallenge: {
    method: 'GET',
    path: '/auth/captcha/challenge',
    summary: 'A fresh ALTCHA proof-of-work challenge (when ALTCHA is the CAPTCHA provider).',
    response: { status: 200, schema: security.altchaChallengeSchema },
    errors: ['not_found', 'rate_limited'],
  },
} as const satisfies Record<string, RouteContract>;
