/** @module The `ACCOUNT_ROUTES` table of the HTTP API (see routes.ts). */
import { STEP_UP_ERRORS, type RouteContract } from './route-contract.js';
import * as auth from './auth.contracts.js';
import * as mfa from './mfa.contracts.js';

/** Account changes behind step-up: payout destination, email address. */
export const ACCOUNT_ROUTES = {
  setPayout: {
    method: 'PUT',
    path: '/account/payout',
    auth: 'session',
    stepUp: { requireMfa: true },
    summary:
      'Set the payout destination (the record only). Requires MFA to be on (`403 mfa_required`) and a fresh step-up. Notifies by email.',
    request: mfa.payoutDestinationRequestSchema,
    response: { status: 200, schema: mfa.payoutDestinationResponseSchema },
    errors: [...STEP_UP_ERRORS, 'mfa_required', 'unsupported_media_type'],
  },
  changeEmail: {
    method: 'POST',
    path: '/account/email',
    auth: 'session',
    stepUp: {},
    rateLimit: 'resend-verification',
    summary: 'Start changing the email address (step-up): a 6-digit code goes to the new address. Always 202.',
    request: mfa.changeEmailRequestSchema,
    response: { status: 202 },
    errors: [...STEP_UP_ERRORS, 'rate_limited', 'unsupported_media_type'],
  },
  confirmEmailChange: {
    method: 'POST',
    path: '/account/email/confirm',
    auth: 'session',
    rateLimit: 'verify-email',
    summary: 'Switch to the new address with the code sent to it. The old address is told.',
    request: mfa.confirmEmailChangeRequestSchema,
    response: { status: 200, schema: auth.userResponseSchema },
    errors: ['unauthenticated', 'invalid_code', 'code_expired', 'rate_limited', 'unsupported_media_type'],
  },
} as const satisfies Record<string, RouteContract>;
