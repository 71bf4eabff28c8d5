/** @module The `MFA_ROUTES` table of the HTTP API (see routes.ts). */
import { STEP_UP_ERRORS, type RouteContract } from './route-contract.js';
import * as auth from './auth.contracts.js';
import * as mfa from './mfa.contracts.js';

/** MFA (TOTP, passkeys, recovery codes), the MFA step of sign-in, and step-up. */
export const MFA_ROUTES = {
  listFactors: {
    method: 'GET',
    path: '/auth/mfa',
    auth: 'session',
    summary: 'Your second factors: TOTP authenticators, passkeys, and recovery codes (with how many remain).',
    response: { status: 200, schema: mfa.mfaFactorsResponseSchema },
    errors: ['unauthenticated'],
  },
  totpSetup: {
    method: 'POST',
    path: '/auth/mfa/totp/setup',
    auth: 'session',
    stepUp: {},
    rateLimit: 'mfa-setup',
    summary:
      'Start adding an authenticator app (step-up): a new secret, its `otpauth://` URI and a QR code (SVG). Not active until confirmed.',
    response: { status: 200, schema: mfa.totpSetupResponseSchema },
    errors: [...STEP_UP_ERRORS, 'rate_limited'],
  },
  totpConfirm: {
    method: 'POST',
    path: '/auth/mfa/totp/confirm',
    auth: 'session',
    rateLimit: 'mfa-setup',
    summary:
      'Confirm the authenticator with its current code. Turns MFA on and answers 10 single-use recovery codes (shown once; stored hashed).',
    request: mfa.totpConfirmRequestSchema,
    response: { status: 200, schema: mfa.recoveryCodesResponseSchema },
    errors: ['unauthenticated', 'invalid_code', 'not_found', 'rate_limited', 'unsupported_media_type'],
  },
  removeFactor: {
    method: 'DELETE',
    path: '/auth/mfa/factors/:id',
    auth: 'session',
    stepUp: {},
    summary: 'Remove a factor (step-up). Another user’s factor id answers 404, like an unknown one. Notifies by email.',
    response: { status: 204 },
    errors: [...STEP_UP_ERRORS, 'not_found'],
  },
  verify: {
    method: 'POST',
    path: '/auth/mfa/verify',
    auth: 'public',
    rateLimit: 'mfa-verify',
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
    auth: 'optional',
    summary:
      'Send a second-factor code by SMS to the user’s verified phone (never to a number in the request), for a pending sign-in (the `foyer_mfa` cookie) or a step-up (the session). Only for users whose factors include `sms`. Then `POST /auth/mfa/verify` or `POST /auth/step-up` with `{factor: "sms", code}`.',
    response: { status: 202 },
    errors: ['unauthenticated', 'mfa_pending_expired', 'not_found', 'rate_limited'],
  },
  stepUp: {
    method: 'POST',
    path: '/auth/step-up',
    auth: 'session',
    rateLimit: 'mfa-verify',
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
  },
  passkeyRegisterOptions: {
    method: 'POST',
    path: '/auth/passkeys/register/options',
    auth: 'session',
    stepUp: {},
    rateLimit: 'passkey-options',
    summary:
      'WebAuthn creation options for a new passkey (step-up; resident key, user verification preferred). The challenge is single use and lives 5 minutes.',
    response: { status: 200, schema: mfa.webauthnOptionsSchema },
    errors: [...STEP_UP_ERRORS, 'rate_limited'],
  },
  passkeyRegisterVerify: {
    method: 'POST',
    path: '/auth/passkeys/register/verify',
    auth: 'session',
    rateLimit: 'mfa-setup',
    summary:
      'Verify the registration response and store the passkey. The first factor of an account also answers recovery codes.',
    request: mfa.passkeyRegisterVerifyRequestSchema,
    response: { status: 200, schema: mfa.passkeyRegisteredResponseSchema },
    errors: ['unauthenticated', 'invalid_code', 'rate_limited', 'unsupported_media_type'],
  },
  passkeyAuthenticateOptions: {
    method: 'POST',
    path: '/auth/passkeys/authenticate/options',
    auth: 'optional',
    rateLimit: 'passkey-options',
    summary:
      'WebAuthn request options for signing in with a passkey (discoverable credentials, so conditional UI/autofill works).',
    request: mfa.passkeyAuthenticateOptionsRequestSchema,
    response: { status: 200, schema: mfa.webauthnOptionsSchema },
    errors: ['rate_limited', 'unsupported_media_type'],
  },
  passkeyAuthenticateVerify: {
    method: 'POST',
    path: '/auth/passkeys/authenticate/verify',
    auth: 'public',
    rateLimit: 'mfa-verify',
    summary:
      'Sign in with a passkey assertion. A passkey is phishing-resistant and multi-factor in itself: no MFA step follows.',
    request: mfa.passkeyAuthenticateVerifyRequestSchema,
    response: { status: 200, schema: auth.userResponseSchema },
    errors: ['invalid_code', 'account_locked', 'rate_limited', 'unsupported_media_type'],
    session: 'sets',
  },
} as const satisfies Record<string, RouteContract>;
