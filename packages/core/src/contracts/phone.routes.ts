/** @module The `PHONE_ROUTES` table of the HTTP API (see routes.ts). */
import type { RouteContract } from './route-contract.js';
import * as mfa from './mfa.contracts.js';
import * as phone from './phone.contracts.js';

/** SMS sign-in and numbers on accounts. Off unless the server sets `phone`: then every route answers `404 not_found`. */
export const PHONE_ROUTES = {
  startPhoneSignIn: {
    method: 'POST',
    path: '/auth/phone/start',
    auth: 'public',
    summary:
      "Send a 6-digit sign-in code by SMS to the account that verified this number (national formats are read with the server's default country). Always 202, whether or not the number belongs to an account. Limited per number (also per day) and per IP; the daily cap per country calling code counts codes actually sent. Premium-rate and shared-cost numbers answer 400.",
    request: phone.phoneStartRequestSchema,
    response: { status: 202 },
    errors: ['not_found', 'rate_limited', 'unsupported_media_type'],
  },
  verifyPhoneSignIn: {
    method: 'POST',
    path: '/auth/phone/verify',
    auth: 'public',
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
    auth: 'session',
    summary: 'The numbers of the signed-in user: at most one verified and one pending.',
    response: { status: 200, schema: phone.accountPhoneResponseSchema },
    errors: ['not_found', 'unauthenticated'],
  },
  addAccountPhone: {
    method: 'POST',
    path: '/account/phone',
    auth: 'session',
    summary: 'Add a number to the signed-in account: it becomes pending and a code is sent to it by SMS. Always 202.',
    request: phone.phoneStartRequestSchema,
    response: { status: 202 },
    errors: ['not_found', 'unauthenticated', 'rate_limited', 'unsupported_media_type'],
  },
  verifyAccountPhone: {
    method: 'POST',
    path: '/account/phone/verify',
    auth: 'session',
    summary:
      'Verify the pending number with its code; it replaces any earlier verified number and can then be used to sign in.',
    request: phone.accountPhoneVerifyRequestSchema,
    response: { status: 200, schema: phone.accountPhoneResponseSchema },
    errors: ['not_found', 'unauthenticated', 'invalid_code', 'code_expired', 'rate_limited', 'unsupported_media_type'],
  },
  removeAccountPhone: {
    method: 'DELETE',
    path: '/account/phone',
    auth: 'session',
    stepUp: {},
    summary:
      'Remove every number of the signed-in account (fresh step-up required: a number can be a sign-in and second-factor channel).',
    response: { status: 204 },
    errors: ['not_found', 'unauthenticated', 'step_up_required'],
  },
} as const satisfies Record<string, RouteContract>;
