/** @module The `OAUTH_ROUTES` table of the HTTP API (see routes.ts). */
import type { RouteContract } from './route-contract.js';
import * as oauth from './oauth.contracts.js';

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
