/**
 * @module Social sign-in routes (`/auth/oauth/:provider/start` and `/callback`): OpenID Connect
 * authorization code flow with PKCE (S256), `state` and `nonce` in a signed 10-minute cookie, the
 * id_token verified with jose against the issuer's JWKS, then sign-in, sign-up or linking by
 * verified email (see docs/social-sign-in.md). Both routes are browser navigations answering 302.
 */
import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import * as oidc from 'openid-client';
import { jwtVerify, type JWTPayload } from 'jose';
import {
  emailSchema,
  FoyerError,
  oauthCallbackParamsSchema,
  OAUTH_ROUTES,
  oauthStartQuerySchema,
  OAUTH_RETURN_FLAGS,
  type ErrorCode,
} from '@foyer/core';
import { completeSignIn } from '../auth/complete-sign-in.js';
import { findUserByEmail, findUserById, insertUserIfEmailFree } from '../db/repositories/users.js';
import type { UserRow } from '../db/tables/user.table.js';
import { findOAuthAccount, insertOAuthAccount } from '../db/repositories/oauth-accounts.js';
import { writePendingLink } from '../oauth/account-linking.js';
import type { OAuthProvider } from '../oauth/providers.js';
import { readSignedCookieValue, signCookieValue } from '../oauth/signed-cookie.js';
import { recordAuditEvent } from '../security/audit-log.js';
import { hashPassword } from '../security/password-hashing.js';
import { generateToken } from '../security/tokens.js';
import type { FoyerServerContext } from '../server-context.js';
import type { MountRoute, RouteEnv } from './mount-route.js';

/** How long a started sign-in may take at the provider. */
export const OAUTH_FLOW_TTL_MS = 10 * 60 * 1000;
/** Clock skew tolerated on the id_token's `exp`, `iat` and `nbf`, in seconds. */
export const ID_TOKEN_CLOCK_TOLERANCE_S = 60;

/** The flow state kept in the signed cookie between start and callback. */
interface OAuthFlow extends Record<string, unknown> {
  state: string;
  nonce: string;
  verifier: string;
  returnTo: string;
}

const flowCookieName = (provider: OAuthProvider): string => `foyer_oauth_${provider.id.replace(/-/g, '_')}`;
const flowPurpose = (provider: OAuthProvider): string => `oauth-flow:${provider.id}`;

/** Constant-time string equality (lengths may leak, values not). */
function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** A verified identity from an id_token. */
interface ProviderIdentity {
  subject: string;
  email: string;
  emailVerified: boolean;
  name: string | null;
}

/** `email_verified` as Google (boolean) and Apple (sometimes the string "true") send it. */
function isTrue(value: unknown): boolean {
  return value === true || value === 'true';
}

/** Apple's first-sign-in `user` form field: `{"name":{"firstName","lastName"},"email"}`. */
function appleName(user: string | undefined): string | null {
  if (!user) return null;
  try {
    const parsed = JSON.parse(user) as { name?: { firstName?: unknown; lastName?: unknown } };
    const parts = [parsed.name?.firstName, parsed.name?.lastName].filter(
      (part): part is string => typeof part === 'string',
    );
    const name = parts.join(' ').trim().slice(0, 200);
    return name || null;
  } catch {
    return null;
  }
}

/**
 * Mounts social sign-in (`OAUTH_ROUTES`): start, and the callback by query (GET) or by Apple's
 * urlencoded `form_post` (POST; its body guard allows only that encoding, at most 16 KiB).
 *
 * @example
 * mountOAuthRoutes(createRouteMounter(app, ctx), ctx);
 */
export function mountOAuthRoutes(mount: MountRoute, ctx: FoyerServerContext): void {
  const providerOf = (c: Context): OAuthProvider => {
    const provider = ctx.oauthProviders.get(c.req.param('provider') ?? '');
    if (!provider) throw new FoyerError('not_found');
    return provider;
  };

  /** Origins `return_to` may point at: the public URL's and the configured ones (never the request's `Host`). */
  const returnToOrigins = new Set([new URL(ctx.publicUrl).origin, ...ctx.allowedOrigins]);
  const isAllowedReturnTo = (returnTo: string): boolean => {
    let url: URL;
    try {
      url = new URL(returnTo);
    } catch {
      return false;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
    if (url.username || url.password) return false;
    return returnToOrigins.has(url.origin);
  };

  /** The redirect URI registered with the provider: on the public URL, never on the request's `Host`. */
  const redirectUri = (provider: OAuthProvider): string => `${ctx.publicUrl}/auth/oauth/${provider.id}/callback`;

  /** `return_to` with the widget's flags set (old ones removed). */
  const backTo = (
    c: Context,
    returnTo: string,
    flags: Partial<Record<(typeof OAUTH_RETURN_FLAGS)[number], string>>,
  ): Response => {
    const url = new URL(returnTo);
    for (const flag of OAUTH_RETURN_FLAGS) url.searchParams.delete(flag);
    for (const [flag, value] of Object.entries(flags)) url.searchParams.set(flag, value);
    c.header('Referrer-Policy', 'no-referrer');
    return c.redirect(url.href, 302);
  };

  mount(OAUTH_ROUTES.start, async (c) => {
    const provider = providerOf(c);
    const query = oauthStartQuerySchema.safeParse({ return_to: c.req.query('return_to') });
    if (!query.success || !isAllowedReturnTo(query.data.return_to)) {
      throw new FoyerError('invalid_input', {
        fields: { return_to: 'return_to must be a page of this site or of a configured origin.' },
      });
    }
    const returnTo = query.data.return_to;
    let configuration: oidc.Configuration;
    try {
      configuration = await provider.configuration();
    } catch (error) {
      ctx.logger?.error({ err: error, provider: provider.id }, 'OpenID provider discovery failed');
      return backTo(c, returnTo, { foyer_oauth_error: 'oauth_failed' });
    }
    const verifier = oidc.randomPKCECodeVerifier();
    const flow: OAuthFlow = { state: oidc.randomState(), nonce: oidc.randomNonce(), verifier, returnTo };
    const parameters: Record<string, string> = {
      redirect_uri: redirectUri(provider),
      scope: provider.scope,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
    };
    if (provider.responseMode === 'form_post') parameters.response_mode = 'form_post';
    const expires = new Date(ctx.now().getTime() + OAUTH_FLOW_TTL_MS);
    const callbackPath = new URL(c.req.url).pathname.replace(/\/start$/, '/callback');
    // form_post arrives as a cross-site POST, which SameSite=Lax cookies do not join: None (needs Secure).
    const crossSitePost = provider.responseMode === 'form_post';
    setCookie(c, flowCookieName(provider), signCookieValue(ctx.secret, flowPurpose(provider), flow, expires), {
      httpOnly: true,
      path: callbackPath,
      sameSite: crossSitePost ? 'None' : 'Lax',
      secure: crossSitePost ? true : ctx.secureCookies,
      expires,
    });
    return c.redirect(oidc.buildAuthorizationUrl(configuration, parameters).href, 302);
  });

  /** Verifies the id_token ourselves with jose (issuer, audience, signature by the JWKS, nonce, expiry, iat). */
  const verifyIdToken = async (
    provider: OAuthProvider,
    configuration: oidc.Configuration,
    idToken: string,
    nonce: string,
  ): Promise<JWTPayload> => {
    const { payload } = await jwtVerify(idToken, await provider.jwks(), {
      issuer: configuration.serverMetadata().issuer,
      audience: provider.clientId,
      currentDate: ctx.now(),
      clockTolerance: ID_TOKEN_CLOCK_TOLERANCE_S,
      maxTokenAge: OAUTH_FLOW_TTL_MS / 1000,
      requiredClaims: ['sub', 'exp', 'iat', 'nonce'],
    });
    if (typeof payload.nonce !== 'string' || !safeEqual(payload.nonce, nonce))
      throw new Error('id_token nonce mismatch');
    return payload;
  };

  const identityOf = (claims: JWTPayload, userField: string | undefined, provider: OAuthProvider): ProviderIdentity => {
    const email = emailSchema.safeParse(claims.email);
    if (!email.success || typeof claims.sub !== 'string' || claims.sub.length === 0 || claims.sub.length > 255) {
      throw new Error('id_token without a usable sub or email');
    }
    const name =
      provider.kind === 'apple'
        ? appleName(userField)
        : typeof claims.name === 'string'
          ? claims.name.slice(0, 200)
          : null;
    return { subject: claims.sub, email: email.data, emailVerified: isTrue(claims.email_verified), name };
  };

  /** Reads the callback parameters: the query, or Apple's urlencoded `form_post` body. */
  const callbackParams = async (c: Context): Promise<Record<string, string>> => {
    if (c.req.method !== 'POST') return c.req.query();
    // Content type and size were checked by the route's body guard.
    return Object.fromEntries(new URLSearchParams(await c.req.text()));
  };

  /** The user for this identity: linked, linked now, created, or `undefined` when the password is needed first. */
  const resolveUser = async (
    c: Context,
    provider: OAuthProvider,
    identity: ProviderIdentity,
  ): Promise<{ user: UserRow; created: boolean } | { linkRequired: true }> => {
    const linked = await findOAuthAccount(ctx.db, provider.id, identity.subject);
    if (linked) {
      const user = await findUserById(ctx.db, linked.user_id);
      if (user) return { user, created: false };
    }
    const now = ctx.now().toISOString();
    const link = { provider: provider.id, subject: identity.subject, email: identity.email, name: identity.name };
    const existing = await findUserByEmail(ctx.db, identity.email);
    if (!existing) {
      // No password: the hash of a random one nobody knows, so password sign-in fails in the usual time.
      const passwordHash = await hashPassword(generateToken(32));
      const user: UserRow = {
        id: randomUUID(),
        email: identity.email,
        password_hash: passwordHash,
        email_verified_at: now,
        created_at: now,
        updated_at: now,
      };
      const created = await ctx.db.transaction().execute(async (trx) => {
        if (!(await insertUserIfEmailFree(trx, user))) return false;
        await insertOAuthAccount(trx, { ...link, userId: user.id }, now);
        return true;
      });
      if (created) {
        await recordAuditEvent(ctx, c, {
          type: 'sign_up',
          userId: user.id,
          details: { method: 'oauth', provider: provider.id },
        });
        return { user, created: true };
      }
    }
    const owner = existing ?? (await findUserByEmail(ctx.db, identity.email));
    if (!owner) throw new Error('account vanished while linking');
    // Both sides assert the email: link. Otherwise the account's password must prove ownership first.
    if (owner.email_verified_at === null) return { linkRequired: true };
    if (await insertOAuthAccount(ctx.db, { ...link, userId: owner.id }, now)) {
      await recordAuditEvent(ctx, c, {
        type: 'oauth.linked',
        userId: owner.id,
        details: { provider: provider.id, via: 'verified_email' },
      });
    }
    return { user: owner, created: false };
  };

  const callback = async (c: Context<RouteEnv>) => {
    const provider = providerOf(c);
    const rawParams = await callbackParams(c);
    const parsed = oauthCallbackParamsSchema.safeParse(rawParams);
    const cookieName = flowCookieName(provider);
    const crossSitePost = provider.responseMode === 'form_post';
    const flow = readSignedCookieValue<OAuthFlow>(
      ctx.secret,
      flowPurpose(provider),
      getCookie(c, cookieName),
      ctx.now(),
    );
    // One flow, one callback: the cookie goes whatever happens next.
    deleteCookie(c, cookieName, {
      path: new URL(c.req.url).pathname,
      httpOnly: true,
      sameSite: crossSitePost ? 'None' : 'Lax',
      secure: crossSitePost ? true : ctx.secureCookies,
    });
    if (!flow || typeof flow.returnTo !== 'string') throw new FoyerError('oauth_failed');
    const fail = (code: ErrorCode, reason: string, error?: unknown): Response => {
      ctx.logger?.warn(
        {
          provider: provider.id,
          reason,
          err: error instanceof Error ? { name: error.name, message: error.message } : undefined,
        },
        'social sign-in failed',
      );
      return backTo(c, flow.returnTo, { foyer_oauth_error: code });
    };
    if (!parsed.success) return fail('oauth_failed', 'malformed callback');
    const params = parsed.data;
    if (params.error) return fail('oauth_failed', `provider answered ${params.error}`);
    if (!params.state || !safeEqual(params.state, flow.state) || !params.code)
      return fail('oauth_failed', 'state mismatch');

    let identity: ProviderIdentity;
    try {
      const configuration = await provider.configuration();
      const currentUrl = new URL(redirectUri(provider));
      for (const [key, value] of Object.entries(rawParams)) if (key !== 'user') currentUrl.searchParams.set(key, value);
      const tokens = await oidc.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      if (!tokens.id_token) throw new Error('no id_token');
      identity = identityOf(
        await verifyIdToken(provider, configuration, tokens.id_token, flow.nonce),
        params.user,
        provider,
      );
    } catch (error) {
      return fail('oauth_failed', 'code exchange or id_token verification failed', error);
    }
    if (!identity.emailVerified) return fail('oauth_failed', 'provider did not assert the email as verified');

    const resolved = await resolveUser(c, provider, identity);
    if ('linkRequired' in resolved) {
      writePendingLink(ctx, c, {
        provider: provider.id,
        subject: identity.subject,
        email: identity.email,
        name: identity.name,
      });
      return backTo(c, flow.returnTo, { foyer_link: provider.id });
    }
    const answer: object = await completeSignIn(ctx, c, resolved.user, { method: 'oauth', quiet: resolved.created });
    if ('mfaRequired' in answer && answer.mfaRequired) return backTo(c, flow.returnTo, { foyer_mfa: '1' });
    await recordAuditEvent(ctx, c, {
      type: 'sign_in.succeeded',
      userId: resolved.user.id,
      details: { method: 'oauth', provider: provider.id },
    });
    return backTo(c, flow.returnTo, {});
  };

  mount(OAUTH_ROUTES.callback, callback);
  mount(OAUTH_ROUTES.callbackFormPost, callback);
}

/** Paths of the form_post callbacks, which CSRF lets through (state, nonce and PKCE protect them). */
export function isFormPostCallback(ctx: FoyerServerContext, path: string): boolean {
  const match = /\/auth\/oauth\/([a-z][a-z0-9-]{0,31})\/callback$/.exec(path);
  return match !== null && ctx.oauthProviders.get(match[1] ?? '')?.responseMode === 'form_post';
}
