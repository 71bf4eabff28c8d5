/** @module The `ACCOUNT_DELETION_ROUTES` table of the HTTP API (see routes.ts). */
import type { RouteContract } from './route-contract.js';
import * as account from './account.contracts.js';

/** Data export and account deletion. */
export const ACCOUNT_DELETION_ROUTES = {
  exportAccount: {
    method: 'GET',
    path: '/account/export',
    auth: 'session',
    summary:
      'Download everything held about the signed-in user as one JSON file (`Content-Disposition: attachment`). Never contains password, token or code hashes.',
    response: { status: 200, schema: account.accountExportSchema },
    errors: ['unauthenticated'],
  },
  requestAccountDeletion: {
    method: 'POST',
    path: '/account/deletion',
    auth: 'session',
    stepUp: { maxAgeSeconds: 300 },
    summary:
      'Start deleting the account (fresh step-up required): answers the export link and a single-use confirm token valid for 15 minutes.',
    response: { status: 200, schema: account.accountDeletionResponseSchema },
    errors: ['unauthenticated', 'step_up_required', 'rate_limited'],
  },
  deleteAccount: {
    method: 'DELETE',
    path: '/account',
    auth: 'session',
    summary:
      'Delete the account with the confirm token: sessions, phones, devices, onboarding data and public profiles go; audit events are kept anonymised with a tombstone; a confirmation is emailed; the cookie is cleared.',
    request: account.deleteAccountRequestSchema,
    response: { status: 204 },
    errors: ['unauthenticated', 'invalid_code', 'code_expired', 'unsupported_media_type'],
    session: 'clears',
  },
} as const satisfies Record<string, RouteContract>;
