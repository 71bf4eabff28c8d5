/** @module The `OAUTH_ROUTES` table of the HTTP API (see routes.ts). */
import type { RouteContract } from './route-contract.js';

/** Parameters the provider sends back (in the query, or in the form body with `form_post`); longer values fail the sign-in. */
const CALLBACK_PARAMETERS = {
  state: 'The `state` sent at start (at most 512 characters).',
  code: 'The authorization code (at most 4096 characters).',
  error: 'The provider’s error, when the user cancelled or the provider refused.',
  user: 'Apple only, on the first sign-in: the user’s name as JSON (at most 4096 characters).',
};

/** Social sign-in by OpenID Connect (Google, Apple, any configured issuer). Browser navigations, not fetches. */
export const OAUTH_ROUTES = {
  start: {
    method: 'GET',
    path: '/auth/oauth/:provider/start',
    auth: 'public',
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
    auth: 'public',
    summary:
      'The redirect URI to register with the provider. Verifies state, exchanges the code with the PKCE verifier, verifies the id_token (issuer, audience, nonce, expiry, `email_verified`), then signs in, creates the account, or links by verified email, and answers 302 to `return_to` — with `foyer_link=<provider>` when the account’s password is needed once to link (an unverified Foyer account with that email), `foyer_mfa=1` when a second factor is pending, or `foyer_oauth_error=oauth_failed` on failure (a malformed callback included). `400 oauth_failed` (JSON) when the state cookie is missing or expired.',
    query: CALLBACK_PARAMETERS,
    response: { status: 302 },
    errors: ['oauth_failed', 'not_found'],
    session: 'sets',
  },
  callbackFormPost: {
    method: 'POST',
    path: '/auth/oauth/:provider/callback',
    auth: 'public',
    body: 'form',
    summary:
      'The same callback for providers that answer with `response_mode=form_post` (Apple): the parameters come as an urlencoded form body (at most 16 KiB) instead of the query. A cross-site POST by design, so the Origin check does not apply to it; state, nonce and PKCE protect it.',
    query: CALLBACK_PARAMETERS,
    response: { status: 302 },
    errors: ['oauth_failed', 'not_found', 'unsupported_media_type'],
    session: 'sets',
  },
} as const satisfies Record<string, RouteContract>;
