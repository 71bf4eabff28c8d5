/**
 * OpenID Connect Core 1.0 §3.1.2.1 / §3.1.3.7 and RFC 9700 (OAuth 2.0 Security BCP) §2.1, §4.1,
 * §4.2: social sign-in runs the authorization code flow with PKCE S256, `state` and `nonce` bound to
 * a signed cookie; the id_token is verified (signature by the issuer's JWKS, issuer, audience,
 * nonce, expiry); a tampered state, a replayed code, a wrong nonce and an expired id_token sign
 * nobody in; `return_to` only goes to configured origins (no open redirect). Accounts link by
 * email only when both the provider and Foyer hold it verified; otherwise the account's password
 * must be entered once (pre-account-takeover defence). Run against a real local `oidc-provider`
 * as a Google-like (query) and an Apple-like (`form_post`, ES256 client-secret JWT) issuer.
 */
import { exportPKCS8, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../test-support/dialects.js';
import {
  CookieJar,
  jarFetch,
  signInAtProvider,
  startTestOidcProvider,
  type ProviderReturn,
  type TestOidcProvider,
} from '../test-support/oidc-test-provider.js';
import { latestReset } from '../test-support/password-mail.js';
import { createVerifiedUser, GOOD_PASSWORD, startTestServer, type TestServer } from '../test-support/test-server.js';

const GOOGLE_CLIENT = { clientId: 'foyer-test.apps.googleusercontent.com', clientSecret: 'google-test-secret' };
const PARTNER = 'https://app.partner.example';
const APPLE = { clientId: 'com.example.foyer.web', teamId: 'TEAM123456', keyId: 'KEY9876543' };

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.available)(`social sign-in over OpenID Connect [${dialect.name}]`, () => {
    let server: TestServer;
    let google: TestOidcProvider;
    let apple: TestOidcProvider;
    let skewMs = 0;
    let page: string;

    beforeAll(async () => {
      const appleKey = await generateKeyPair('ES256', { extractable: true });
      google = await startTestOidcProvider({ kind: 'google', ...GOOGLE_CLIENT });
      apple = await startTestOidcProvider({
        kind: 'apple',
        clientId: APPLE.clientId,
        apple: { ...APPLE, publicKey: appleKey.publicKey },
      });
      server = await startTestServer(dialect, {
        // Real time (the provider stamps real times), movable for the expiry test.
        now: () => new Date(Date.now() + skewMs),
        rateLimits: { 'sign-in': false, 'password-forgot': false, 'password-reset': false },
        origins: [PARTNER],
        providers: {
          google: { issuer: google.issuer, ...GOOGLE_CLIENT },
          apple: { issuer: apple.issuer, ...APPLE, privateKey: await exportPKCS8(appleKey.privateKey) },
        },
      });
      google.configure(`${server.url}/auth/oauth/google/callback`);
      apple.configure(`${server.url}/auth/oauth/apple/callback`);
      page = `${server.url}/app/welcome?tab=1`;
    });
    afterAll(async () => {
      await server?.close();
      await google?.close();
      await apple?.close();
    });

    /** Starts at Foyer, signs in at the provider as `accountId`, returns to Foyer's callback. */
    async function runFlow(
      providerId: 'google' | 'apple',
      accountId: string,
      options: {
        jar?: CookieJar;
        returnTo?: string;
        editAuthorizationUrl?: (url: URL) => void;
        editReturn?: (back: ProviderReturn) => void;
      } = {},
    ) {
      const jar = options.jar ?? new CookieJar();
      const start = await jarFetch(
        jar,
        `${server.url}/auth/oauth/${providerId}/start?return_to=${encodeURIComponent(options.returnTo ?? page)}`,
      );
      expect(start.status).toBe(302);
      const authorizationUrl = new URL(start.headers.get('location') ?? '');
      options.editAuthorizationUrl?.(authorizationUrl);
      const back = await signInAtProvider(
        jar,
        authorizationUrl.href,
        accountId,
        `${server.url}/auth/oauth/${providerId}/callback`,
      );
      options.editReturn?.(back);
      const flowCookie = jar.get(server.url, `foyer_oauth_${providerId}`);
      const callback = await sendCallback(jar, back, providerId === 'apple' ? apple.issuer : undefined);
      return {
        jar,
        start,
        authorizationUrl,
        back,
        flowCookie,
        callback,
        location: new URL(callback.headers.get('location') ?? 'about:blank'),
      };
    }

    /** The browser's trip back: a GET, or Apple's cross-site form POST (Origin of the provider). */
    function sendCallback(jar: CookieJar, back: ProviderReturn, crossSiteOrigin?: string): Promise<Response> {
      if (back.method === 'GET') return jarFetch(jar, back.url);
      return jarFetch(jar, back.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          ...(crossSiteOrigin ? { origin: crossSiteOrigin, 'sec-fetch-site': 'cross-site' } : {}),
        },
        body: new URLSearchParams(back.fields).toString(),
      });
    }

    const sessionUser = async (jar: CookieJar) => {
      const token = jar.get(server.url, 'foyer_session');
      if (!token) return undefined;
      const response = await server.request('/auth/session', { session: token });
      return response.status === 200
        ? (response.body as { user: { id: string; email: string; emailVerified: boolean } }).user
        : undefined;
    };
    const links = (email: string) =>
      server.foyer.db.selectFrom('oauth_accounts').selectAll().where('email', '=', email).execute();

    it('start: 302 to the provider with code + PKCE S256, state, nonce; a signed, HttpOnly, 10-minute state cookie', async () => {
      const jar = new CookieJar();
      const start = await jarFetch(jar, `${server.url}/auth/oauth/google/start?return_to=${encodeURIComponent(page)}`);
      expect(start.status).toBe(302);
      const url = new URL(start.headers.get('location') ?? '');
      expect(url.origin).toBe(google.issuer);
      expect(url.searchParams.get('response_type')).toBe('code');
      expect(url.searchParams.get('code_challenge_method')).toBe('S256');
      expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
      expect(url.searchParams.get('state')).toMatch(/^[\w-]{43}$/);
      expect(url.searchParams.get('nonce')).toMatch(/^[\w-]{43}$/);
      expect(url.searchParams.get('redirect_uri')).toBe(`${server.url}/auth/oauth/google/callback`);
      const cookie = start.headers.getSetCookie().find((line) => line.startsWith('foyer_oauth_google='));
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
      expect(cookie).toMatch(/Path=\/auth\/oauth\/google\/callback/);
      expect(cookie).toMatch(/Max-Age=600|Expires=/i);
    });

    it('new user (Google): account created with a verified email, signed in, back on return_to', async () => {
      google.accounts.set('g-new', { email: 'new.google@example.com', emailVerified: true, name: 'New Google' });
      const flow = await runFlow('google', 'g-new');
      expect(flow.callback.status).toBe(302);
      expect(flow.location.href).toBe(page);
      // Neither redirect may be kept by a cache (apiHeaders), and return_to never learns the callback URL.
      expect([flow.start.headers.get('cache-control'), flow.callback.headers.get('cache-control')]).toEqual([
        'no-store',
        'no-store',
      ]);
      expect(flow.callback.headers.get('referrer-policy')).toBe('no-referrer');
      const user = await sessionUser(flow.jar);
      expect(user).toMatchObject({ email: 'new.google@example.com', emailVerified: true });
      expect(await links('new.google@example.com')).toEqual([
        expect.objectContaining({ provider: 'google', subject: 'g-new', user_id: user?.id, name: 'New Google' }),
      ]);
      // No usable password: password sign-in fails like any wrong password.
      const signIn = await server.request('/auth/sign-in', {
        json: { email: 'new.google@example.com', password: GOOD_PASSWORD },
      });
      expect(signIn.status).toBe(401);
      expect((signIn.body as { error: { code: string } }).error.code).toBe('invalid_credentials');
      const events = await server.foyer.db
        .selectFrom('audit_events')
        .select(['type', 'details'])
        .where('user_id', '=', user?.id ?? '')
        .execute();
      expect(events.map((event) => event.type)).toEqual(expect.arrayContaining(['sign_up', 'sign_in.succeeded']));
      const signedIn = events.find((event) => event.type === 'sign_in.succeeded');
      expect(JSON.parse(signedIn?.details ?? '{}')).toEqual({ method: 'oauth', provider: 'google' });
      expect(JSON.stringify(events)).not.toMatch(/eyJ/); // no tokens in the audit log
    });

    it('returning user: the same (provider, subject) signs in to the same account, even after an email change at the provider', async () => {
      google.accounts.set('g-back', { email: 'back@example.com', emailVerified: true });
      const first = await sessionUser((await runFlow('google', 'g-back')).jar);
      google.accounts.set('g-back', { email: 'back.renamed@example.com', emailVerified: true });
      const second = await sessionUser((await runFlow('google', 'g-back')).jar);
      expect(second?.id).toBe(first?.id);
      expect(second?.email).toBe('back@example.com');
    });

    it('links to an existing account when both the provider and Foyer hold the email verified', async () => {
      await createVerifiedUser(server, 'linked@example.com');
      google.accounts.set('g-linked', { email: 'linked@example.com', emailVerified: true });
      const flow = await runFlow('google', 'g-linked');
      const user = await sessionUser(flow.jar);
      expect(user?.email).toBe('linked@example.com');
      expect(await links('linked@example.com')).toHaveLength(1);
      // The password keeps working.
      expect(
        (await server.request('/auth/sign-in', { json: { email: 'linked@example.com', password: GOOD_PASSWORD } }))
          .status,
      ).toBe(200);
    });

    it('an unverified Foyer account is not linked: foyer_link=google, then the next password sign-in links it', async () => {
      const email = 'pending@example.com';
      expect((await server.request('/auth/sign-up', { json: { email, password: GOOD_PASSWORD } })).status).toBe(201);
      google.accounts.set('g-pending', { email, emailVerified: true });
      const flow = await runFlow('google', 'g-pending');
      expect(flow.location.searchParams.get('foyer_link')).toBe('google');
      expect(flow.jar.get(server.url, 'foyer_session')).toBeUndefined();
      expect(flow.jar.get(server.url, 'foyer_oauth_link')).toBeDefined();
      expect(await links(email)).toHaveLength(0);
      // The owner verifies the email (which does not link: a code proves the mailbox, not the password)…
      const { code } = await server.latestVerification(email);
      const verify = await jarFetch(flow.jar, `${server.url}/auth/verify-email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, code }),
      });
      expect(verify.status).toBe(200);
      expect(await links(email)).toHaveLength(0);
      // …then signs in with the password: linked.
      const signIn = await jarFetch(flow.jar, `${server.url}/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: GOOD_PASSWORD }),
      });
      expect(signIn.status).toBe(200);
      expect(await links(email)).toEqual([expect.objectContaining({ provider: 'google', subject: 'g-pending' })]);
      expect(flow.jar.get(server.url, 'foyer_oauth_link')).toBeUndefined();
      const again = await runFlow('google', 'g-pending');
      expect((await sessionUser(again.jar))?.email).toBe(email);
    });

    it('a pending link is completed by a password reset too, and never for another account', async () => {
      const email = 'squatted@example.com';
      await server.request('/auth/sign-up', { json: { email, password: 'attacker picked this one' } });
      google.accounts.set('g-victim', { email, emailVerified: true });
      const flow = await runFlow('google', 'g-victim');
      expect(flow.location.searchParams.get('foyer_link')).toBe('google');
      // Signing in to a different account with the cookie present links nothing.
      await createVerifiedUser(server, 'other@example.com');
      const other = await jarFetch(flow.jar, `${server.url}/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'other@example.com', password: GOOD_PASSWORD }),
      });
      expect(other.status).toBe(200);
      expect(await links('other@example.com')).toHaveLength(0);
      // The real owner resets the password (replacing the squatter's) with a fresh pending link.
      const retry = await runFlow('google', 'g-victim');
      await server.request('/auth/password/forgot', { json: { email } });
      const { code } = await latestReset(server, email);
      const reset = await jarFetch(retry.jar, `${server.url}/auth/password/reset`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, code, password: 'violet tugboat marmalade drifts' }),
      });
      expect(reset.status).toBe(200);
      expect(await links(email)).toHaveLength(1);
    });

    it('a user with MFA gets no session yet: back to return_to with foyer_mfa=1 (the second factor is pending)', async () => {
      google.accounts.set('g-mfa', { email: 'mfa@example.com', emailVerified: true });
      const first = await runFlow('google', 'g-mfa');
      const user = await sessionUser(first.jar);
      const now = new Date().toISOString();
      await server.foyer.db
        .insertInto('mfa_factors')
        .values({
          id: `factor-${user?.id}`,
          user_id: user?.id ?? '',
          type: 'totp',
          label: 'Phone',
          totp_secret: 'sealed',
          credential_id: null,
          public_key: null,
          transports: null,
          confirmed_at: now,
          created_at: now,
          last_used_at: null,
        })
        .execute();
      const second = await runFlow('google', 'g-mfa');
      expect(second.location.searchParams.get('foyer_mfa')).toBe('1');
      expect(second.jar.get(server.url, 'foyer_session')).toBeUndefined();
    });

    it('an email the provider does not assert as verified is refused: no account, no session', async () => {
      google.accounts.set('g-unverified', { email: 'unverified@example.com', emailVerified: false });
      const flow = await runFlow('google', 'g-unverified');
      expect(flow.location.searchParams.get('foyer_oauth_error')).toBe('oauth_failed');
      expect(flow.jar.get(server.url, 'foyer_session')).toBeUndefined();
      const user = await server.foyer.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', 'unverified@example.com')
        .executeTakeFirst();
      expect(user).toBeUndefined();
    });

    it('a tampered state is refused', async () => {
      google.accounts.set('g-state', { email: 'state@example.com', emailVerified: true });
      const flow = await runFlow('google', 'g-state', {
        editReturn: (back) => {
          const url = new URL(back.url);
          url.searchParams.set('state', `${url.searchParams.get('state')?.slice(0, -2)}xx`);
          back.url = url.href;
        },
      });
      expect(flow.location.searchParams.get('foyer_oauth_error')).toBe('oauth_failed');
      expect(flow.jar.get(server.url, 'foyer_session')).toBeUndefined();
    });

    it('a callback without the state cookie (another browser) is refused with 400 oauth_failed', async () => {
      google.accounts.set('g-nocookie', { email: 'nocookie@example.com', emailVerified: true });
      const jar = new CookieJar();
      const start = await jarFetch(jar, `${server.url}/auth/oauth/google/start?return_to=${encodeURIComponent(page)}`);
      const back = await signInAtProvider(
        jar,
        start.headers.get('location') ?? '',
        'g-nocookie',
        `${server.url}/auth/oauth/google/callback`,
      );
      const response = await fetch(back.url, { redirect: 'manual' });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('oauth_failed');
      expect(response.headers.getSetCookie().some((line) => line.startsWith('foyer_session='))).toBe(false);
    });

    it('a replayed code is refused (the provider accepts each code once)', async () => {
      google.accounts.set('g-replay', { email: 'replay@example.com', emailVerified: true });
      const flow = await runFlow('google', 'g-replay');
      expect(flow.location.href).toBe(page);
      const attacker = new CookieJar();
      attacker.set(server.url, 'foyer_oauth_google', flow.flowCookie ?? '');
      const replay = await sendCallback(attacker, flow.back);
      expect(new URL(replay.headers.get('location') ?? '').searchParams.get('foyer_oauth_error')).toBe('oauth_failed');
      expect(attacker.get(server.url, 'foyer_session')).toBeUndefined();
    });

    it('an id_token with another nonce is refused', async () => {
      google.accounts.set('g-nonce', { email: 'nonce@example.com', emailVerified: true });
      const flow = await runFlow('google', 'g-nonce', {
        editAuthorizationUrl: (url) => url.searchParams.set('nonce', 'attacker-chosen-nonce-0123456789abcdefghijk'),
      });
      expect(flow.location.searchParams.get('foyer_oauth_error')).toBe('oauth_failed');
      expect(flow.jar.get(server.url, 'foyer_session')).toBeUndefined();
    });

    it('an expired id_token is refused', async () => {
      google.accounts.set('g-expired', { email: 'expired@example.com', emailVerified: true });
      google.idTokenTtl = 5;
      try {
        const jar = new CookieJar();
        const start = await jarFetch(
          jar,
          `${server.url}/auth/oauth/google/start?return_to=${encodeURIComponent(page)}`,
        );
        const back = await signInAtProvider(
          jar,
          start.headers.get('location') ?? '',
          'g-expired',
          `${server.url}/auth/oauth/google/callback`,
        );
        skewMs = 5 * 60_000; // the id_token (5 s, 60 s tolerance) is stale; the 10-minute state cookie is not
        const callback = await sendCallback(jar, back);
        expect(new URL(callback.headers.get('location') ?? '').searchParams.get('foyer_oauth_error')).toBe(
          'oauth_failed',
        );
        expect(jar.get(server.url, 'foyer_session')).toBeUndefined();
      } finally {
        google.idTokenTtl = 3600;
        skewMs = 0;
      }
    });

    it('return_to only to the server’s own or configured origins: open redirects are 400', async () => {
      for (const returnTo of [
        'https://evil.example/',
        '//evil.example/x',
        'javascript:alert(1)',
        `${server.url}.evil.example/`,
        `http://user:pw@${new URL(server.url).host}/`,
        '/relative/path',
        '',
      ]) {
        const response = await fetch(
          `${server.url}/auth/oauth/google/start?return_to=${encodeURIComponent(returnTo)}`,
          { redirect: 'manual' },
        );
        expect(response.status, returnTo).toBe(400);
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe('invalid_input');
      }
      expect((await fetch(`${server.url}/auth/oauth/google/start`, { redirect: 'manual' })).status).toBe(400);
    });

    it('return_to may be a configured partner origin', async () => {
      const start = await fetch(
        `${server.url}/auth/oauth/google/start?return_to=${encodeURIComponent(`${PARTNER}/welcome`)}`,
        {
          redirect: 'manual',
        },
      );
      expect(start.status).toBe(302);
    });

    it('a social-only account: password sign-in fails like a wrong password; a reset sets a password', async () => {
      google.accounts.set('g-reset', { email: 'social.only@example.com', emailVerified: true });
      await runFlow('google', 'g-reset');
      const signIn = (password: string) =>
        server.request('/auth/sign-in', { json: { email: 'social.only@example.com', password } });
      expect((await signIn('')).status).toBe(400);
      expect((await signIn('!oauth')).status).toBe(401);
      await server.request('/auth/password/forgot', { json: { email: 'social.only@example.com' } });
      const { code } = await latestReset(server, 'social.only@example.com');
      const newPassword = 'violet tugboat marmalade drifts';
      expect(
        (
          await server.request('/auth/password/reset', {
            json: { email: 'social.only@example.com', code, password: newPassword },
          })
        ).status,
      ).toBe(200);
      expect((await signIn(newPassword)).status).toBe(200);
    });

    it('an unknown provider is 404', async () => {
      expect(
        (
          await fetch(`${server.url}/auth/oauth/facebook/start?return_to=${encodeURIComponent(page)}`, {
            redirect: 'manual',
          })
        ).status,
      ).toBe(404);
      expect(
        (await fetch(`${server.url}/auth/oauth/facebook/callback?state=x&code=y`, { redirect: 'manual' })).status,
      ).toBe(404);
    });

    it('Apple: form_post cross-site callback (CSRF-exempt), "true" as a string, ES256 client secret accepted by the issuer', async () => {
      apple.accounts.set('a-new', { email: 'abc123@privaterelay.appleid.com', emailVerified: true });
      const before = apple.appleSecretsAccepted;
      const flow = await runFlow('apple', 'a-new');
      expect(flow.authorizationUrl.searchParams.get('response_mode')).toBe('form_post');
      expect(flow.authorizationUrl.searchParams.get('scope')).toBe('openid email name');
      expect(flow.back.method).toBe('POST');
      const startCookie = flow.start.headers.getSetCookie().find((line) => line.startsWith('foyer_oauth_apple='));
      expect(startCookie).toMatch(/SameSite=None/i);
      expect(startCookie).toMatch(/Secure/i);
      expect(flow.callback.status).toBe(302);
      expect(flow.location.href).toBe(page);
      expect((await sessionUser(flow.jar))?.email).toBe('abc123@privaterelay.appleid.com');
      expect(apple.appleSecretsAccepted).toBe(before + 1);
    });

    it('Apple: the name from the first sign-in’s `user` field is kept on the link', async () => {
      apple.accounts.set('a-named', { email: 'named@example.com', emailVerified: true });
      const flow = await runFlow('apple', 'a-named', {
        editReturn: (back) => {
          if (back.method === 'POST')
            back.fields.user = JSON.stringify({
              name: { firstName: 'Grace', lastName: 'Hopper' },
              email: 'named@example.com',
            });
        },
      });
      expect(flow.location.href).toBe(page);
      expect(await links('named@example.com')).toEqual([
        expect.objectContaining({ provider: 'apple', subject: 'a-named', name: 'Grace Hopper' }),
      ]);
    });

    it('Apple: the CSRF exemption covers only the form_post callback', async () => {
      const evil = {
        origin: 'https://evil.example',
        'sec-fetch-site': 'cross-site',
        'content-type': 'application/x-www-form-urlencoded',
      };
      const google = await fetch(`${server.url}/auth/oauth/google/callback`, {
        method: 'POST',
        headers: evil,
        body: 'state=x&code=y',
        redirect: 'manual',
      });
      expect(google.status).toBe(403);
      const signOut = await fetch(`${server.url}/auth/sign-out`, { method: 'POST', headers: evil, redirect: 'manual' });
      expect(signOut.status).toBe(403);
      const apple = await fetch(`${server.url}/auth/oauth/apple/callback`, {
        method: 'POST',
        headers: evil,
        body: 'state=x&code=y',
        redirect: 'manual',
      });
      expect(apple.status).toBe(400); // reached the handler: no state cookie → oauth_failed
    });
  });
}
