/**
 * End to end: "Sign in with Google" on the example page in Chromium, against a real server process
 * configured (GOOGLE_CLIENT_ID / GOOGLE_CLIENT_SECRET / GOOGLE_ISSUER) for a real local OpenID
 * provider (`oidc-provider` on 127.0.0.1, Google-like: code flow + PKCE, email in the id_token).
 * Click the button → the provider's login page → submit → consent → back on the page, signed in.
 * Then the same with an Apple-like provider (`form_post`: a cross-site POST back to the callback,
 * which only carries the `SameSite=None; Secure` state cookie — Chromium sends it on http://localhost).
 *
 * Run after `npm run build`: `node --test e2e/oauth.e2e.test.mjs`.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { exportPKCS8, generateKeyPair, jwtVerify } from 'jose';
import Provider from 'oidc-provider';
import { chromium } from 'playwright-core';
import { startServerProcess } from '../scripts/lib/server-process.mjs';

const CHROMIUM = process.env.FOYER_CHROMIUM ?? '/usr/bin/chromium';
const STEP_TIMEOUT = 15_000;
const root = fileURLToPath(new URL('..', import.meta.url));
const CLIENT = { id: 'foyer-e2e.apps.googleusercontent.com', secret: 'e2e-google-secret' };
const APPLE = { clientId: 'com.example.foyer.e2e', teamId: 'TEAME2E123', keyId: 'KEYE2E4567' };

/**
 * A Google-like (query) or Apple-like (`form_post`, client secret = ES256 JWT by the team key)
 * OpenID provider whose issuer URL is known before its clients are.
 */
async function startProvider({ apple } = {}) {
  let handler;
  const http = createServer((req, res) => (handler ? handler(req, res) : res.writeHead(503).end()));
  await new Promise((resolve) => http.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${http.address().port}`;
  return {
    issuer,
    configure(redirectUri) {
      const provider = new Provider(issuer, {
        clients: [
          {
            client_id: apple ? APPLE.clientId : CLIENT.id,
            client_secret: apple ? 'checked-as-a-jwt' : CLIENT.secret,
            redirect_uris: [redirectUri],
            response_types: ['code'],
            grant_types: ['authorization_code'],
            token_endpoint_auth_method: 'client_secret_post',
          },
        ],
        pkce: { required: () => true },
        conformIdTokenClaims: false,
        claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], name: ['name'] },
        scopes: ['openid', 'email', 'profile', 'name'],
        features: { devInteractions: { enabled: true } },
        ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 600, Grant: 600 },
        findAccount: (_ctx, id) => ({
          accountId: id,
          claims: () => ({ sub: id, email: `${id}@example.com`, email_verified: apple ? 'true' : true }),
        }),
      });
      if (apple) {
        provider.Client.prototype.compareClientSecret = async (secret) => {
          const { payload, protectedHeader } = await jwtVerify(secret, apple.publicKey, {
            algorithms: ['ES256'],
            issuer: APPLE.teamId,
            subject: APPLE.clientId,
            audience: 'https://appleid.apple.com',
          }).catch(() => ({}));
          return protectedHeader?.kid === APPLE.keyId && payload !== undefined;
        };
      }
      handler = provider.callback();
    },
    close: () =>
      new Promise((resolve) => {
        http.close(resolve);
        http.closeAllConnections();
      }),
  };
}

describe('example page: Sign in with Google and with Apple (OpenID Connect)', { timeout: 120_000 }, () => {
  let server;
  let provider;
  let appleProvider;
  let browser;
  let page;
  const problems = [];
  const login = `e2e-google-${Date.now()}`;
  const email = `${login}@example.com`;
  let failed = false;
  const step = (name, fn) =>
    test(name, async (t) => {
      if (failed) return t.skip('an earlier step failed');
      try {
        await fn();
      } catch (error) {
        failed = true;
        throw error;
      }
    });

  before(async () => {
    assert.ok(existsSync(`${root}/server/dist/main.js`), 'server/dist/main.js is missing: run `npm run build` first');
    assert.ok(existsSync(`${root}/dist/foyer.js`), 'dist/foyer.js is missing: run `npm run build` first');
    provider = await startProvider();
    const appleKey = await generateKeyPair('ES256', { extractable: true });
    appleProvider = await startProvider({ apple: { publicKey: appleKey.publicKey } });
    server = await startServerProcess({
      name: 'oauth-e2e-server',
      env: {
        GOOGLE_CLIENT_ID: CLIENT.id,
        GOOGLE_CLIENT_SECRET: CLIENT.secret,
        GOOGLE_ISSUER: provider.issuer,
        APPLE_CLIENT_ID: APPLE.clientId,
        APPLE_TEAM_ID: APPLE.teamId,
        APPLE_KEY_ID: APPLE.keyId,
        APPLE_PRIVATE_KEY: (await exportPKCS8(appleKey.privateKey)).replace(/\n/g, '\\n'),
        APPLE_ISSUER: appleProvider.issuer,
      },
    });
    provider.configure(`${server.url}/auth/oauth/google/callback`);
    appleProvider.configure(`${server.url}/auth/oauth/apple/callback`);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
    });
    const context = await browser.newContext();
    context.setDefaultTimeout(STEP_TIMEOUT);
    page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('response', (response) => {
      const url = new URL(response.url());
      // Only Foyer's own answers are judged; 401 from GET /auth/session means "signed out".
      if (url.origin !== server.url) return;
      const expected = response.status() === 401 && url.pathname === '/auth/session';
      if (response.status() >= 400 && !expected) problems.push(`HTTP ${response.status()} ${url.pathname}`);
    });
  });

  after(async () => {
    await browser?.close().catch(() => {});
    if (server) {
      await server.stop();
      if (failed) console.error(`--- server output (last 5000 chars) ---\n${server.logs().slice(-5000)}`);
    }
    await provider?.close();
    await appleProvider?.close();
  });

  const auth = () => page.locator('foyer-auth');

  step('the example page shows "Sign in with Google" when <foyer-auth providers="google">', async () => {
    const response = await page.goto(server.url);
    assert.equal(response?.status(), 200);
    await page.waitForFunction(() => customElements.get('foyer-auth') !== undefined);
    await page.evaluate(() => document.querySelector('foyer-auth')?.setAttribute('providers', 'google'));
    const toSignIn = auth().getByRole('button', { name: 'I already have an account', exact: true });
    const google = auth().getByRole('link', { name: 'Sign in with Google', exact: true });
    // The element is defined before its first render: wait until a view shows, then switch if needed.
    await toSignIn.or(google).first().waitFor();
    if (await toSignIn.isVisible()) await toSignIn.click();
    await google.waitFor();
  });

  step('the button goes to the provider’s login page', async () => {
    await auth().getByRole('link', { name: 'Sign in with Google', exact: true }).click();
    await page.waitForURL((url) => url.origin === provider.issuer, { waitUntil: 'domcontentloaded' });
    await page.locator('input[name="login"]').waitFor();
  });

  step('signing in and consenting at the provider comes back to the page, signed in', async () => {
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('any password');
    await page.locator('button[type="submit"]').click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL((url) => url.origin === server.url, { waitUntil: 'domcontentloaded' });
    await auth().getByText(`Signed in as ${email}`).waitFor();
    const session = await page.evaluate(() => fetch('/auth/session', { credentials: 'include' }).then((r) => r.json()));
    assert.equal(session.user.email, email);
    assert.equal(session.user.emailVerified, true);
  });

  step(
    'Sign in with Apple: the provider’s cross-site form_post comes back with the SameSite=None state cookie',
    async () => {
      const context = await browser.newContext();
      context.setDefaultTimeout(STEP_TIMEOUT);
      const applePage = await context.newPage();
      applePage.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      await applePage.goto(server.url);
      await applePage.waitForFunction(() => customElements.get('foyer-auth') !== undefined);
      await applePage.evaluate(() => document.querySelector('foyer-auth')?.setAttribute('providers', 'apple'));
      const appleAuth = applePage.locator('foyer-auth');
      const toSignIn = appleAuth.getByRole('button', { name: 'I already have an account', exact: true });
      const apple = appleAuth.getByRole('link', { name: 'Sign in with Apple', exact: true });
      await toSignIn.or(apple).first().waitFor();
      if (await toSignIn.isVisible()) await toSignIn.click();
      await apple.click();
      await applePage.waitForURL((url) => url.origin === appleProvider.issuer, { waitUntil: 'domcontentloaded' });
      const appleLogin = `${login}-apple`;
      await applePage.locator('input[name="login"]').fill(appleLogin);
      await applePage.locator('input[name="password"]').fill('any password');
      await applePage.locator('button[type="submit"]').click();
      await applePage.getByRole('button', { name: 'Continue' }).click();
      await applePage.waitForURL((url) => url.origin === server.url && url.pathname === '/', {
        waitUntil: 'domcontentloaded',
      });
      await appleAuth.getByText(`Signed in as ${appleLogin}@example.com`).waitFor();
      await context.close();
    },
  );

  step('no uncaught exceptions and no failed Foyer requests', () => {
    assert.deepEqual(problems, []);
  });
});
