/**
 * @module Social sign-in providers from environment variables (`npm start`): GOOGLE_CLIENT_ID,
 * GOOGLE_CLIENT_SECRET, [GOOGLE_ISSUER]; APPLE_CLIENT_ID, APPLE_TEAM_ID, APPLE_KEY_ID,
 * APPLE_PRIVATE_KEY (the .p8 contents; `\n` escapes allowed) or APPLE_PRIVATE_KEY_FILE, [APPLE_ISSUER].
 * A provider is on when all its required variables are set.
 */
import { readFileSync } from 'node:fs';
import type { OAuthProvidersOption } from './providers.js';

/**
 * Reads the providers from `env`.
 *
 * @example
 * const providers = oauthProvidersFromEnv(process.env);
 */
export function oauthProvidersFromEnv(env: Record<string, string | undefined>): OAuthProvidersOption {
  const providers: OAuthProvidersOption = {};
  if (env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET) {
    providers.google = {
      clientId: env.GOOGLE_CLIENT_ID,
      clientSecret: env.GOOGLE_CLIENT_SECRET,
      ...(env.GOOGLE_ISSUER ? { issuer: env.GOOGLE_ISSUER } : {}),
    };
  }
  const applePrivateKey = env.APPLE_PRIVATE_KEY
    ? env.APPLE_PRIVATE_KEY.replace(/\\n/g, '\n')
    : env.APPLE_PRIVATE_KEY_FILE
      ? readFileSync(env.APPLE_PRIVATE_KEY_FILE, 'utf8')
      : undefined;
  if (env.APPLE_CLIENT_ID && env.APPLE_TEAM_ID && env.APPLE_KEY_ID && applePrivateKey) {
    providers.apple = {
      clientId: env.APPLE_CLIENT_ID,
      teamId: env.APPLE_TEAM_ID,
      keyId: env.APPLE_KEY_ID,
      privateKey: applePrivateKey,
      ...(env.APPLE_ISSUER ? { issuer: env.APPLE_ISSUER } : {}),
    };
  }
  return providers;
}
