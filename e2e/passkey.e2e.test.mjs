/**
 * End to end: passkeys in real Chromium (CDP virtual authenticator: CTAP2, internal, resident
 * keys, user verification) against a real server process (SQLite, or PostgreSQL with
 * FOYER_E2E_DATABASE=postgres). Sign up and verify → register
 * a passkey on the signed-in page → sign out → sign in with the passkey (discoverable credential,
 * no email typed) → the password now needs a second factor, and the passkey completes it → a
 * passkey step-up unlocks a sensitive route. A second user's sign-in cannot use the first user's
 * credential as a second factor.
 *
 * Run after `npm run build` (or `npx tsc -b`): `node --test e2e/passkey.e2e.test.mjs`.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServerProcess } from '../scripts/lib/server-process.mjs';

const CHROMIUM = process.env.FOYER_CHROMIUM ?? '/usr/bin/chromium';
const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Runs in the page: the WebAuthn ceremony the way @simplewebauthn/browser does it (JSON options
 * with base64url fields in, JSON response out), then POSTs the response to `verifyPath`.
 */
async function ceremonyInPage({ kind, optionsPath, optionsBody, verifyPath, extra }) {
  const toBytes = (value) =>
    Uint8Array.from(
      atob(
        value
          .replace(/-/g, '+')
          .replace(/_/g, '/')
          .padEnd(Math.ceil(value.length / 4) * 4, '='),
      ),
      (c) => c.charCodeAt(0),
    );
  const toB64url = (buffer) =>
    btoa(String.fromCharCode(...new Uint8Array(buffer)))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
  const post = async (path, body) => {
    const response = await fetch(path, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: await response.json().catch(() => null) };
  };
  const options = await post(optionsPath, optionsBody);
  if (options.status !== 200) return { step: 'options', ...options };
  const json = options.body;
  let response;
  if (kind === 'register') {
    const credential = await navigator.credentials.create({
      publicKey: {
        ...json,
        challenge: toBytes(json.challenge),
        user: { ...json.user, id: toBytes(json.user.id) },
        excludeCredentials: (json.excludeCredentials ?? []).map((c) => ({ ...c, id: toBytes(c.id) })),
      },
    });
    response = {
      id: credential.id,
      rawId: toB64url(credential.rawId),
      type: credential.type,
      clientExtensionResults: credential.getClientExtensionResults(),
      response: {
        clientDataJSON: toB64url(credential.response.clientDataJSON),
        attestationObject: toB64url(credential.response.attestationObject),
        transports: credential.response.getTransports?.() ?? [],
      },
    };
  } else {
    const credential = await navigator.credentials.get({
      publicKey: {
        ...json,
        challenge: toBytes(json.challenge),
        allowCredentials: (json.allowCredentials ?? []).map((c) => ({ ...c, id: toBytes(c.id) })),
      },
    });
    response = {
      id: credential.id,
      rawId: toB64url(credential.rawId),
      type: credential.type,
      clientExtensionResults: credential.getClientExtensionResults(),
      response: {
        clientDataJSON: toB64url(credential.response.clientDataJSON),
        authenticatorData: toB64url(credential.response.authenticatorData),
        signature: toB64url(credential.response.signature),
        userHandle: credential.response.userHandle ? toB64url(credential.response.userHandle) : undefined,
      },
    };
  }
  const verified = await post(verifyPath, { ...extra, response });
  return { step: 'verify', credentialId: response.id, ...verified };
}

describe('passkeys in Chromium with a virtual authenticator', { timeout: 120_000 }, () => {
  let server;
  let browser;
  let page;
  const email = `passkey-${Date.now()}@example.com`;
  const password = `${randomBytes(12).toString('base64url')}-Qz7`;

  const call = (path, init = {}) =>
    page.evaluate(
      async ({ path, init }) => {
        const response = await fetch(path, {
          credentials: 'include',
          ...init,
          headers: init.body ? { 'content-type': 'application/json' } : {},
        });
        return { status: response.status, body: await response.json().catch(() => null) };
      },
      { path, init },
    );

  async function codeFromOutbox(to) {
    for (let i = 0; i < 50; i++) {
      const mails = await (await fetch(`${server.url}/dev/outbox.json`)).json();
      const code = mails.find((mail) => mail.to === to)?.text?.match(/\b(\d{6})\b/)?.[1];
      if (code) return code;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`no code for ${to}`);
  }

  async function signUpInPage(address) {
    assert.equal(
      (await call('/auth/sign-up', { method: 'POST', body: JSON.stringify({ email: address, password }) })).status,
      201,
    );
    const verified = await call('/auth/verify-email', {
      method: 'POST',
      body: JSON.stringify({ email: address, code: await codeFromOutbox(address) }),
    });
    assert.equal(verified.status, 200);
  }

  before(async () => {
    assert.ok(existsSync(`${root}/server/dist/main.js`), 'server/dist/main.js is missing: run `npm run build` first');
    server = await startServerProcess({ name: 'passkey-e2e' });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-dev-shm-usage', '--no-first-run'],
    });
    const context = await browser.newContext();
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
      },
    });
    // Same origin as the API (http://localhost is a secure context, so WebAuthn works).
    await page.goto(`${server.url}/auth/session`);
  });

  after(async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
  });

  let credentialId;

  test('registers a passkey on a signed-in page (first factor → recovery codes too)', async () => {
    await signUpInPage(email);
    // Adding a passkey is a step-up action: without MFA yet, the password.
    assert.equal((await call('/auth/passkeys/register/options', { method: 'POST', body: '{}' })).status, 403);
    assert.equal(
      (await call('/auth/step-up', { method: 'POST', body: JSON.stringify({ factor: 'password', password }) })).status,
      200,
    );
    const result = await page.evaluate(ceremonyInPage, {
      kind: 'register',
      optionsPath: '/auth/passkeys/register/options',
      optionsBody: {},
      verifyPath: '/auth/passkeys/register/verify',
      extra: { label: 'Virtual authenticator' },
    });
    assert.equal(result.status, 200, JSON.stringify(result));
    assert.equal(result.body.factor.type, 'passkey');
    assert.equal(result.body.recoveryCodes.length, 10);
    credentialId = result.credentialId;
    const factors = await call('/auth/mfa');
    assert.deepEqual(
      factors.body.factors.map((factor) => factor.type),
      ['passkey', 'recovery_codes'],
    );
  });

  test('signs out, then signs in with the passkey alone (discoverable credential, no email)', async () => {
    assert.equal((await call('/auth/sign-out', { method: 'POST' })).status, 204);
    assert.equal((await call('/auth/session')).status, 401);
    const result = await page.evaluate(ceremonyInPage, {
      kind: 'authenticate',
      optionsPath: '/auth/passkeys/authenticate/options',
      optionsBody: {},
      verifyPath: '/auth/passkeys/authenticate/verify',
    });
    assert.equal(result.status, 200, JSON.stringify(result));
    assert.equal(result.body.user.email, email);
    assert.equal((await call('/auth/session')).status, 200);
    // A passkey sign-in is a fresh step-up: a sensitive route works right away.
    assert.equal(
      (await call('/account/email', { method: 'POST', body: JSON.stringify({ newEmail: `new-${email}` }) })).status,
      202,
    );
  });

  test('the password now needs a second factor, and the passkey completes it', async () => {
    await call('/auth/sign-out', { method: 'POST' });
    const first = await call('/auth/sign-in', { method: 'POST', body: JSON.stringify({ email, password }) });
    assert.equal(first.status, 200);
    assert.deepEqual(first.body, { mfaRequired: true, factors: ['passkey', 'recovery_code'] });
    assert.equal((await call('/auth/session')).status, 401);
    const result = await page.evaluate(ceremonyInPage, {
      kind: 'authenticate',
      optionsPath: '/auth/passkeys/authenticate/options',
      optionsBody: {},
      verifyPath: '/auth/mfa/verify',
      extra: { factor: 'passkey' },
    });
    assert.equal(result.status, 200, JSON.stringify(result));
    assert.equal((await call('/auth/session')).status, 200);
  });

  test('step-up with the passkey', async () => {
    const result = await page.evaluate(ceremonyInPage, {
      kind: 'authenticate',
      optionsPath: '/auth/passkeys/authenticate/options',
      optionsBody: {},
      verifyPath: '/auth/step-up',
      extra: { factor: 'passkey' },
    });
    assert.equal(result.status, 200, JSON.stringify(result));
    assert.ok(Date.parse(result.body.stepUpUntil) > Date.now());
  });

  test("another user's pending sign-in cannot be completed with this user's passkey (foreign credential → 400)", async () => {
    const other = `other-${email}`;
    await call('/auth/sign-out', { method: 'POST' });
    await signUpInPage(other);
    // Give the other user MFA (a TOTP authenticator) so password sign-in is pending.
    await call('/auth/step-up', { method: 'POST', body: JSON.stringify({ factor: 'password', password }) });
    const setup = await call('/auth/mfa/totp/setup', { method: 'POST' });
    const { TOTP, Secret } = await import('otpauth');
    const code = new TOTP({ secret: Secret.fromBase32(setup.body.secret) }).generate();
    assert.equal(
      (await call('/auth/mfa/totp/confirm', { method: 'POST', body: JSON.stringify({ code }) })).status,
      200,
    );
    await call('/auth/sign-out', { method: 'POST' });
    const first = await call('/auth/sign-in', { method: 'POST', body: JSON.stringify({ email: other, password }) });
    assert.equal(first.body.mfaRequired, true);
    // The options list only the other user's passkeys (none); the discoverable credential of the first user answers anyway.
    const result = await page.evaluate(ceremonyInPage, {
      kind: 'authenticate',
      optionsPath: '/auth/passkeys/authenticate/options',
      optionsBody: {},
      verifyPath: '/auth/mfa/verify',
      extra: { factor: 'passkey' },
    });
    assert.equal(result.status, 400, JSON.stringify(result));
    assert.equal(result.body.error.code, 'invalid_code');
    assert.equal(result.credentialId, credentialId);
    assert.equal((await call('/auth/session')).status, 401);
  });
});

describe('the MFA elements of the bundle, with a virtual authenticator', { timeout: 120_000 }, () => {
  let server;
  let browser;
  let page;
  const problems = [];
  const email = `elements-${Date.now()}@example.com`;
  const password = `${randomBytes(12).toString('base64url')}-Qz7`;

  before(async () => {
    assert.ok(existsSync(`${root}/dist/foyer.js`), 'dist/foyer.js is missing: run `npm run build` first');
    server = await startServerProcess({ name: 'passkey-elements-e2e' });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-dev-shm-usage', '--no-first-run'],
    });
    const context = await browser.newContext();
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
      },
    });
    await page.goto(`${server.url}/`);
  });

  after(async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
  });

  const call = (path, init = {}) =>
    page.evaluate(
      async ({ path, init }) => {
        const response = await fetch(path, {
          credentials: 'include',
          ...init,
          headers: init.body ? { 'content-type': 'application/json' } : {},
        });
        return { status: response.status, body: await response.json().catch(() => null) };
      },
      { path, init },
    );

  test('<foyer-mfa-setup> adds a passkey (lazy chunks), shows the recovery codes, then lists it', async () => {
    assert.equal(
      (await call('/auth/sign-up', { method: 'POST', body: JSON.stringify({ email, password }) })).status,
      201,
    );
    let code;
    for (let i = 0; i < 50 && !code; i++) {
      const mails = await (await fetch(`${server.url}/dev/outbox.json`)).json();
      code = mails.find((mail) => mail.to === email)?.text?.match(/\b(\d{6})\b/)?.[1];
      if (!code) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(
      (await call('/auth/verify-email', { method: 'POST', body: JSON.stringify({ email, code }) })).status,
      200,
    );
    const before = await page.evaluate(() => Boolean(customElements.get('foyer-mfa-setup')));
    assert.equal(before, false, 'the MFA elements are not in the initial bundle');
    // Wrapped in <foyer-step-up>: adding a factor needs a fresh step-up (here: the password).
    await page.evaluate(() => {
      const guard = document.createElement('foyer-step-up');
      guard.append(document.createElement('foyer-mfa-setup'));
      document.body.append(guard);
    });
    await page.getByLabel('Passkey name').fill('Virtual key');
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await page.getByRole('heading', { name: 'Confirm it’s you' }).waitFor();
    await page.getByLabel('Password').last().fill(password);
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByRole('heading', { name: 'Save your recovery codes' }).waitFor();
    assert.equal(await page.locator('foyer-mfa-setup').locator('[part~="recovery-codes"] li').count(), 10);
    await page.getByRole('button', { name: 'I saved them' }).click();
    await page.getByRole('rowheader', { name: 'Virtual key' }).waitFor();
  });

  test('<foyer-passkey-button> signs in with it', async () => {
    assert.equal((await call('/auth/sign-out', { method: 'POST' })).status, 204);
    await page.evaluate(() => {
      window.__passkeySignIns = [];
      document.addEventListener('foyer-passkey-sign-in-complete', (event) =>
        window.__passkeySignIns.push(event.detail.user.email),
      );
      document.body.append(document.createElement('foyer-passkey-button'));
    });
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await page.waitForFunction(() => window.__passkeySignIns.length === 1);
    assert.deepEqual(await page.evaluate(() => window.__passkeySignIns), [email]);
    assert.equal((await call('/auth/session')).status, 200);
    assert.deepEqual(problems, []);
  });
});
