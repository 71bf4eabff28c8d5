/**
 * @module Zod contracts of social sign-in (OpenID Connect: Google, Apple, any issuer): the provider
 * ids, the query of the start route, the callback parameters, and the URL flags the server puts on
 * `return_to` so the widget on the page shows the right next step.
 */
import * as z from 'zod/mini';

/** Built-in provider presets. Any other configured id is a custom OpenID Connect issuer. */
export const OAUTH_PRESETS = ['google', 'apple'] as const;

/** A configured provider id as it appears in the URL (`google`, `apple`, or a custom id). */
export const oauthProviderIdSchema = z
  .string()
  .check(z.regex(/^[a-z][a-z0-9-]{0,31}$/, { error: 'Unknown provider.' }));
export type OAuthProviderId = z.output<typeof oauthProviderIdSchema>;

/** Query of `GET /auth/oauth/:provider/start`. */
export const oauthStartQuerySchema = z.object({
  /** Absolute URL to come back to; its origin must be the server's own or a configured origin. */
  return_to: z.string().check(z.minLength(1), z.maxLength(2048)),
});
export type OAuthStartQuery = z.output<typeof oauthStartQuerySchema>;

/**
 * Parameters of `GET|POST /auth/oauth/:provider/callback` (query, or an urlencoded form body with
 * Apple's `response_mode=form_post`). Apple adds `user` (JSON with the name) on the first sign-in.
 */
export const oauthCallbackParamsSchema = z.object({
  state: z.optional(z.string().check(z.maxLength(512))),
  code: z.optional(z.string().check(z.maxLength(4096))),
  error: z.optional(z.string().check(z.maxLength(256))),
  user: z.optional(z.string().check(z.maxLength(4096))),
});
export type OAuthCallbackParams = z.output<typeof oauthCallbackParamsSchema>;

/**
 * Query flags the callback adds to `return_to`; the widget reads them, shows the matching message
 * and removes them with `history.replaceState`.
 * - `foyer_link=<provider>`: an account with this email exists; sign in with the password once to connect it.
 * - `foyer_mfa=1`: the first factor passed; the second factor is pending.
 * - `foyer_oauth_error=<code>`: an error code (`oauth_failed`).
 */
export const OAUTH_RETURN_FLAGS = ['foyer_link', 'foyer_mfa', 'foyer_oauth_error'] as const;
export type OAuthReturnFlag = (typeof OAUTH_RETURN_FLAGS)[number];
