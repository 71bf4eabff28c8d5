/**
 * @module The route table of the HTTP API: method, path, request and answer schemas, and the error
 * codes each route can answer with. The server mounts these paths; docs/api.md is generated from
 * this table (`node scripts/generate-api-docs.mjs`), so the reference cannot drift from the code.
 */
import type { ErrorCode } from '../errors.js';
import * as account from './account.contracts.js';
import * as auth from './auth.contracts.js';
import * as mfa from './mfa.contracts.js';
import * as oauth from './oauth.contracts.js';
import * as onboarding from './onboarding.contracts.js';
import * as phone from './phone.contracts.js';
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
    response: { status: 200, schema: mfa.signInResponseSchema },
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
    summary:
      'Your tracks with every step (status, data, version), score, what is missing, and the publish and Instant Book gates.',
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
    errors: [
      'unauthenticated',
      'not_found',
      'precondition_required',
      'version_conflict',
      'step_locked',
      'unsupported_media_type',
    ],
    session: 'requires',
  },
  completeStep: {
    method: 'POST',
    path: '/onboarding/steps/:step/complete',
    summary:
      'Validate the saved step in full and mark it complete. Answers the new overview (scores and gates recomputed).',
    query: TRACK_QUERY,
    response: { status: 200, schema: onboarding.onboardingOverviewSchema },
    errors: ['unauthenticated', 'not_found', 'step_invalid', 'step_locked', 'slug_taken'],
    session: 'requires',
  },
  publish: {
    method: 'POST',
    path: '/profiles/me/publish',
    summary:
      'Publish the public profile of a track. Refused with `409 publish_blocked` and every reason in `details.reasons` while the gate is closed.',
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
    summary:
      'Email a 6-digit reset code and a reset link (both single use, 15 minutes, 5 tries). Always 202: no enumeration.',
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

/** Social sign-in by OpenID Connect (Google, Apple, any configured issuer). Browser navigations, not fetches. */
export const OAUTH_ROUTES = {
  start: {
    method: 'GET',
    path: '/auth/oauth/:provider/start',
    summary:
      'Navigate here to sign in with a provider: answers 302 to the provider (authorization code + PKCE S256, `state` and `nonce` in a signed 10-minute cookie). `return_to` must be on the server’s own origin or a configured origin (`400 invalid_input` otherwise: no open redirect).',
    query: {
      return_to: 'Absolute URL to come back to after the provider.',
      provider: '`google`, `apple`, or a configured custom id (path).',
    },
    response: { status: 302 },
    errors: ['not_found'],
  },
  callback: {
    method: 'GET',
    path: '/auth/oauth/:provider/callback',
    summary:
      'The redirect URI to register with the provider (POST too, for Apple’s `form_post`). Verifies state, exchanges the code with the PKCE verifier, verifies the id_token (issuer, audience, nonce, expiry, `email_verified`), then signs in, creates the account, or links by verified email, and answers 302 to `return_to` — with `foyer_link=<provider>` when the account’s password is needed once to link (an unverified Foyer account with that email), `foyer_mfa=1` when a second factor is pending, or `foyer_oauth_error=oauth_failed` on failure. `400 oauth_failed` (JSON) when the state cookie is missing or expired. Callback parameters come in the query, or as an urlencoded form body (`form_post`).',
    request: oauth.oauthCallbackParamsSchema,
    response: { status: 302 },
    errors: ['oauth_failed', 'not_found'],
    session: 'sets',
  },
} as const satisfies Record<string, RouteContract>;

const STEP_UP = ['unauthenticated', 'step_up_required'] as const;

/** MFA (TOTP, passkeys, recovery codes), the MFA step of sign-in, and step-up. */
export const MFA_ROUTES = {
  listFactors: {
    method: 'GET',
    path: '/auth/mfa',
    summary: 'Your second factors: TOTP authenticators, passkeys, and recovery codes (with how many remain).',
    response: { status: 200, schema: mfa.mfaFactorsResponseSchema },
    errors: ['unauthenticated'],
    session: 'requires',
  },
  totpSetup: {
    method: 'POST',
    path: '/auth/mfa/totp/setup',
    summary:
      'Start adding an authenticator app (step-up): a new secret, its `otpauth://` URI and a QR code (SVG). Not active until confirmed.',
    response: { status: 200, schema: mfa.totpSetupResponseSchema },
    errors: [...STEP_UP, 'rate_limited'],
    session: 'requires',
  },
  totpConfirm: {
    method: 'POST',
    path: '/auth/mfa/totp/confirm',
    summary:
      'Confirm the authenticator with its current code. Turns MFA on and answers 10 single-use recovery codes (shown once; stored hashed).',
    request: mfa.totpConfirmRequestSchema,
    response: { status: 200, schema: mfa.recoveryCodesResponseSchema },
    errors: ['unauthenticated', 'invalid_code', 'not_found', 'rate_limited', 'unsupported_media_type'],
    session: 'requires',
  },
  removeFactor: {
    method: 'DELETE',
    path: '/auth/mfa/factors/:id',
    summary: 'Remove a factor (step-up). Another user’s factor id answers 404, like an unknown one. Notifies by email.',
    response: { status: 204 },
    errors: [...STEP_UP, 'not_found'],
    session: 'requires',
  },
  verify: {
    method: 'POST',
    path: '/auth/mfa/verify',
    summary:
      'Complete a pending sign-in (the `foyer_mfa` cookie from a first factor answered `mfaRequired`) with a TOTP code, a recovery code, an SMS code or a passkey assertion. 5 wrong codes end the pending sign-in and count towards the lockout.',
    request: mfa.mfaVerifyRequestSchema,
    response: { status: 200, schema: auth.userResponseSchema },
    errors: ['invalid_code', 'mfa_pending_expired', 'account_locked', 'rate_limited', 'unsupported_media_type'],
    session: 'sets',
  },
  smsSend: {
    method: 'POST',
    path: '/auth/mfa/sms/send',
    summary:
      'Send a second-factor code by SMS to the user’s verified phone (never to a number in the request), for a pending sign-in (the `foyer_mfa` cookie) or a step-up (the session). Only for users whose factors include `sms`. Then `POST /auth/mfa/verify` or `POST /auth/step-up` with `{factor: "sms", code}`.',
    response: { status: 202 },
    errors: ['unauthenticated', 'mfa_pending_expired', 'not_found', 'rate_limited'],
  },
  stepUp: {
    method: 'POST',
    path: '/auth/step-up',
    summary:
      'Prove it is you again (a second factor, or the password for users without MFA). Sensitive routes then work until `stepUpUntil`.',
    request: mfa.stepUpRequestSchema,
    response: { status: 200, schema: mfa.stepUpResponseSchema },
    errors: [
      'unauthenticated',
      'invalid_code',
      'invalid_credentials',
      'account_locked',
      'rate_limited',
      'unsupported_media_type',
    ],
    session: 'requires',
  },
  passkeyRegisterOptions: {
    method: 'POST',
    path: '/auth/passkeys/register/options',
    summary:
      'WebAuthn creation options for a new passkey (step-up; resident key, user verification preferred). The challenge is single use and lives 5 minutes.',
    response: { status: 200, schema: mfa.webauthnOptionsSchema },
    errors: [...STEP_UP, 'rate_limited'],
    session: 'requires',
  },
  passkeyRegisterVerify: {
    method: 'POST',
    path: '/auth/passkeys/register/verify',
    summary:
      'Verify the registration response and store the passkey. The first factor of an account also answers recovery codes.',
    request: mfa.passkeyRegisterVerifyRequestSchema,
    response: { status: 200, schema: mfa.passkeyRegisteredResponseSchema },
    errors: ['unauthenticated', 'invalid_code', 'rate_limited', 'unsupported_media_type'],
    session: 'requires',
  },
  passkeyAuthenticateOptions: {
    method: 'POST',
    path: '/auth/passkeys/authenticate/options',
    summary:
      'WebAuthn request options for signing in with a passkey (discoverable credentials, so conditional UI/autofill works).',
    request: mfa.passkeyAuthenticateOptionsRequestSchema,
    response: { status: 200, schema: mfa.webauthnOptionsSchema },
    errors: ['rate_limited', 'unsupported_media_type'],
  },
  passkeyAuthenticateVerify: {
    method: 'POST',
    path: '/auth/passkeys/authenticate/verify',
    summary:
      'Sign in with a passkey assertion. A passkey is phishing-resistant and multi-factor in itself: no MFA step follows.',
    request: mfa.passkeyAuthenticateVerifyRequestSchema,
    response: { status: 200, schema: auth.userResponseSchema },
    errors: ['invalid_code', 'account_locked', 'rate_limited', 'unsupported_media_type'],
    session: 'sets',
  },
} as const satisfies Record<string, RouteContract>;

/** Account changes behind step-up: payout destination, email address. */
export const ACCOUNT_ROUTES = {
  setPayout: {
    method: 'PUT',
    path: '/account/payout',
    summary:
      'Set the payout destination (the record only). Requires MFA to be on (`403 mfa_required`) and a fresh step-up. Notifies by email.',
    request: mfa.payoutDestinationRequestSchema,
    response: { status: 200, schema: mfa.payoutDestinationResponseSchema },
    errors: [...STEP_UP, 'mfa_required', 'unsupported_media_type'],
    session: 'requires',
  },
  changeEmail: {
    method: 'POST',
    path: '/account/email',
    summary: 'Start changing the email address (step-up): a 6-digit code goes to the new address. Always 202.',
    request: mfa.changeEmailRequestSchema,
    response: { status: 202 },
    errors: [...STEP_UP, 'rate_limited', 'unsupported_media_type'],
    session: 'requires',
  },
  confirmEmailChange: {
    method: 'POST',
    path: '/account/email/confirm',
    summary: 'Switch to the new address with the code sent to it. The old address is told.',
    request: mfa.confirmEmailChangeRequestSchema,
    response: { status: 200, schema: auth.userResponseSchema },
    errors: ['unauthenticated', 'invalid_code', 'code_expired', 'rate_limited', 'unsupported_media_type'],
    session: 'requires',
  },
} as const satisfies Record<string, RouteContract>;

/** SMS sign-in and numbers on accounts. Off unless the server sets `phone`: then every route answers `404 not_found`. */
export const PHONE_ROUTES = {
  startPhoneSignIn: {
    method: 'POST',
    path: '/auth/phone/start',
    summary:
      "Send a 6-digit sign-in code by SMS to the account that verified this number (national formats are read with the server's default country). Always 202, whether or not the number belongs to an account. Limited per number (also per day), per IP and per country calling code per day.",
    request: phone.phoneStartRequestSchema,
    response: { status: 202 },
    errors: ['not_found', 'rate_limited', 'unsupported_media_type'],
  },
  verifyPhoneSignIn: {
    method: 'POST',
    path: '/auth/phone/verify',
    summary:
      'Sign in with the SMS code (10 minutes, single use, 5 tries). Answers like every sign-in: the user and a session, or `{mfaRequired, factors}` for accounts with MFA.',
    request: phone.phoneVerifyRequestSchema,
    response: { status: 200, schema: mfa.signInResponseSchema },
    errors: ['not_found', 'invalid_code', 'code_expired', 'rate_limited', 'unsupported_media_type'],
    session: 'sets',
  },
  listAccountPhones: {
    method: 'GET',
    path: '/account/phone',
    summary: 'The numbers of the signed-in user: at most one verified and one pending.',
    response: { status: 200, schema: phone.accountPhoneResponseSchema },
    errors: ['not_found', 'unauthenticated'],
    session: 'requires',
  },
  addAccountPhone: {
    method: 'POST',
    path: '/account/phone',
    summary: 'Add a number to the signed-in account: it becomes pending and a code is sent to it by SMS. Always 202.',
    request: phone.phoneStartRequestSchema,
    response: { status: 202 },
    errors: ['not_found', 'unauthenticated', 'rate_limited', 'unsupported_media_type'],
    session: 'requires',
  },
  verifyAccountPhone: {
    method: 'POST',
    path: '/account/phone/verify',
    summary:
      'Verify the pending number with its code; it replaces any earlier verified number and can then be used to sign in.',
    request: phone.accountPhoneVerifyRequestSchema,
    response: { status: 200, schema: phone.accountPhoneResponseSchema },
    errors: ['not_found', 'unauthenticated', 'invalid_code', 'code_expired', 'rate_limited', 'unsupported_media_type'],
    session: 'requires',
  },
  removeAccountPhone: {
    method: 'DELETE',
    path: '/account/phone',
    summary:
      'Remove every number of the signed-in account (fresh step-up required: a number can be a sign-in and second-factor channel).',
    response: { status: 204 },
    errors: ['not_found', 'unauthenticated', 'step_up_required'],
    session: 'requires',
  },
} as const satisfies Record<string, RouteContract>;

/** Data export and account deletion. */
export const ACCOUNT_DELETION_ROUTES = {
  exportAccount: {
    method: 'GET',
    path: '/account/export',
    summary:
      'Download everything held about the signed-in user as one JSON file (`Content-Disposition: attachment`). Never contains password, token or code hashes.',
    response: { status: 200, schema: account.accountExportSchema },
    errors: ['unauthenticated'],
    session: 'requires',
  },
  requestAccountDeletion: {
    method: 'POST',
    path: '/account/deletion',
    summary:
      'Start deleting the account (fresh step-up required): answers the export link and a single-use confirm token valid for 15 minutes.',
    response: { status: 200, schema: account.accountDeletionResponseSchema },
    errors: ['unauthenticated', 'step_up_required', 'rate_limited'],
    session: 'requires',
  },
  deleteAccount: {
    method: 'DELETE',
    path: '/account',
    summary:
      'Delete the account with the confirm token: sessions, phones, devices, onboarding data and public profiles go; audit events are kept anonymised with a tombstone; a confirmation is emailed; the cookie is cleared.',
    request: account.deleteAccountRequestSchema,
    response: { status: 204 },
    errors: ['unauthenticated', 'invalid_code', 'code_expired', 'unsupported_media_type'],
    session: 'clears',
  },
} as const satisfies Record<string, RouteContract>;
