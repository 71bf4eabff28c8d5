/**
 * @module Social sign-in providers: Google and Apple presets and any OpenID Connect issuer, found by
 * discovery (`/.well-known/openid-configuration`) with openid-client, and Apple's client secret (an
 * ES256 JWT signed with the team's key, built with jose for every token request).
 */
import * as oidc from 'openid-client';
import { createRemoteJWKSet, importPKCS8, SignJWT, type JWTVerifyGetKey } from 'jose';

/** Google (a preset): register the redirect URI `${PUBLIC_URL}/auth/oauth/google/callback`. */
export interface GoogleProviderOptions {
  clientId: string;
  clientSecret: string;
  /** @default 'https://accounts.google.com' */
  issuer?: string;
}

/** Apple (a preset): Services ID as `clientId`, and the Sign in with Apple key (.p8) of the team. */
export interface AppleProviderOptions {
  /** The Services ID (e.g. `com.example.web`). */
  clientId: string;
  /** The 10-character Team ID. */
  teamId: string;
  /** The Key ID of the Sign in with Apple key. */
  keyId: string;
  /** The key's `.p8` contents (PKCS #8 PEM, P-256). */
  privateKey: string;
  /** @default 'https://appleid.apple.com' */
  issuer?: string;
}

/** Any other OpenID Connect provider, by issuer URL. */
export interface CustomOidcProviderOptions {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** `form_post` makes the callback a cross-site POST (see docs/social-sign-in.md). @default 'query' */
  responseMode?: 'query' | 'form_post';
  /** @default 'openid email profile' */
  scope?: string;
}

/** The `providers` option of `createFoyerServer`: `google`, `apple`, and any custom ids. */
export type OAuthProvidersOption = {
  google?: GoogleProviderOptions;
  apple?: AppleProviderOptions;
} & { [id: string]: GoogleProviderOptions | AppleProviderOptions | CustomOidcProviderOptions | undefined };

/** One configured provider, ready to use. */
export interface OAuthProvider {
  id: string;
  kind: 'google' | 'apple' | 'oidc';
  issuer: string;
  clientId: string;
  responseMode: 'query' | 'form_post';
  scope: string;
  /** openid-client configuration (discovery on first use, then cached). */
  configuration(): Promise<oidc.Configuration>;
  /** The issuer's JWKS (cached by jose). */
  jwks(): Promise<JWTVerifyGetKey>;
}

/** Apple's `aud` for the client-secret JWT. */
export const APPLE_AUDIENCE = 'https://appleid.apple.com';
/** Lifetime of each Apple client secret (Apple allows up to 6 months; one is made per token request). */
export const APPLE_CLIENT_SECRET_TTL_SECONDS = 5 * 60;

/**
 * Apple's client secret: an ES256 JWT, header `kid` = key id, `iss` = team id, `sub` = client id,
 * `aud` = https://appleid.apple.com, `exp` ≤ 6 months.
 *
 * @example
 * const secret = await createAppleClientSecret({ clientId, teamId, keyId, privateKey }, new Date());
 */
export async function createAppleClientSecret(
  apple: Pick<AppleProviderOptions, 'clientId' | 'teamId' | 'keyId' | 'privateKey'>,
  now: Date,
  ttlSeconds = APPLE_CLIENT_SECRET_TTL_SECONDS,
): Promise<string> {
  if (ttlSeconds <= 0 || ttlSeconds > 15_777_000) throw new RangeError('Apple client secrets live at most 6 months.');
  const key = await importPKCS8(apple.privateKey, 'ES256');
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'ES256', kid: apple.keyId })
    .setIssuer(apple.teamId)
    .setSubject(apple.clientId)
    .setAudience(APPLE_AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlSeconds)
    .sign(key);
}

/** Plain http is allowed only for loopback issuers (local test and development providers). */
function isLoopbackHttp(issuer: URL): boolean {
  return issuer.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
}

function isApple(id: string, options: object): options is AppleProviderOptions {
  return id === 'apple' || ('teamId' in options && 'keyId' in options);
}

/**
 * Resolves the `providers` option into providers. Discovery happens on first use, so a provider
 * that is down does not stop the server from starting.
 */
export function resolveOAuthProviders(
  option: OAuthProvidersOption | undefined,
  now: () => Date,
): Map<string, OAuthProvider> {
  const providers = new Map<string, OAuthProvider>();
  for (const [id, options] of Object.entries(option ?? {})) {
    if (!options) continue;
    if (!/^[a-z][a-z0-9-]{0,31}$/.test(id))
      throw new Error(`OAuth provider id "${id}" must be lower-case letters, digits and dashes.`);
    const apple = isApple(id, options) ? options : undefined;
    const kind: OAuthProvider['kind'] = apple ? 'apple' : id === 'google' ? 'google' : 'oidc';
    const custom = options as Partial<CustomOidcProviderOptions>;
    const issuer =
      options.issuer ??
      (kind === 'apple' ? APPLE_AUDIENCE : kind === 'google' ? 'https://accounts.google.com' : undefined);
    if (!issuer) throw new Error(`OAuth provider "${id}" needs an issuer URL.`);
    const issuerUrl = new URL(issuer);
    const insecure = isLoopbackHttp(issuerUrl);

    const clientAuthentication: oidc.ClientAuth = apple
      ? async (_as, client, body) => {
          body.set('client_id', client.client_id);
          body.set('client_secret', await createAppleClientSecret(apple, now()));
        }
      : oidc.ClientSecretPost((options as GoogleProviderOptions).clientSecret);

    let configuration: Promise<oidc.Configuration> | undefined;
    let jwks: JWTVerifyGetKey | undefined;
    const provider: OAuthProvider = {
      id,
      kind,
      issuer: issuerUrl.href.replace(/\/$/, ''),
      clientId: options.clientId,
      responseMode: kind === 'apple' ? 'form_post' : (custom.responseMode ?? 'query'),
      scope: kind === 'apple' ? 'openid email name' : (custom.scope ?? 'openid email profile'),
      configuration: () =>
        (configuration ??= oidc
          .discovery(
            issuerUrl,
            options.clientId,
            undefined,
            clientAuthentication,
            insecure ? { execute: [oidc.allowInsecureRequests] } : {},
          )
          .catch((error: unknown) => {
            configuration = undefined; // try discovery again next time
            throw error;
          })),
      jwks: async () => {
        if (jwks) return jwks;
        const jwksUri = (await provider.configuration()).serverMetadata().jwks_uri;
        if (!jwksUri) throw new Error(`OAuth provider "${id}" publishes no jwks_uri.`);
        return (jwks = createRemoteJWKSet(new URL(jwksUri)));
      },
    };
    providers.set(id, provider);
  }
  return providers;
}
