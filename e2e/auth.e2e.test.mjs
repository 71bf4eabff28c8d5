/**
 * End to end: the example page in Chromium against a real server process on SQLite, or on a fresh
 * PostgreSQL database with FOYER_E2E_DATABASE=postgres (scripts/test.mjs runs both), under the
 * page's Content-Security-Policy (no inline script or style allowed).
 * Sign up → code from the dev outbox → verify → signed in → reload → sign out → sign in.
 *
 * Run after `npm run build` (scripts/test.mjs does): `node --test e2e/`.
 * Needs Chromium (scripts/ensure-chromium.mjs); FOYER_CHROMIUM overrides its path.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServerProcess } from '../scripts/lib/server-process.mjs';

const CHROMIUM = process.env.FOYER_CHROMIUM ?? '/usr/bin/chromium';
const STEP_TIMEOUT = 15_000;
const root = fileURLToPath(new URL('..', import.meta.url));

describe('example page: email sign-up, verification and sign-in', { timeout: 120_000 }, () => {
  /** @type {Awaited<ReturnType<typeof startServerProcess>>} */
  let server;
  /** @type {import('playwright-core').Browser} */
  let browser;
  /** @type {import('playwright-core').Page} */
  let page;
  const problems = [];
  const email = `e2e-${Date.now()}@example.com`;
  // Random, so no strength, breach or context-word rule of the password policy refuses it.
  const password = `${randomBytes(12).toString('base64url')}-Qz7`;
  let failed = false;
  /** A test whose failure also prints the server's output (once, at the end). */
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
    server = await startServerProcess({ name: 'e2e-server' });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    });
    const context = await browser.newContext();
    context.setDefaultTimeout(STEP_TIMEOUT);
    page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      // Failed requests are judged below by URL and status, not by Chromium's console line.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        problems.push(`console error: ${message.text()}`);
      }
    });
    page.on('response', (response) => {
      const { pathname } = new URL(response.url());
      // 401 from GET /auth/session is how a signed-out page learns it is signed out.
      const expected = response.status() === 401 && pathname === '/auth/session';
      if (response.status() >= 400 && !expected) problems.push(`HTTP ${response.status()} ${pathname}`);
    });
  });

  after(async () => {
    await browser?.close().catch(() => {});
    if (server) {
      await server.stop();
      if (failed) console.error(`--- server output (last 5000 chars) ---\n${server.logs().slice(-5000)}`);
    }
  });

  const auth = () => page.locator('foyer-auth');
  const hostAccount = () => page.locator('#host-account .who');
  const button = (name) => auth().getByRole('button', { name, exact: true });
  const field = (label) => auth().getByLabel(label, { exact: true });

  /** The switch between the two views is a button or a link; click whichever exists. */
  async function switchTo(name) {
    const control = auth()
      .getByRole('button', { name, exact: true })
      .or(auth().getByRole('link', { name, exact: true }));
    await control.first().click();
  }

  /**
   * Shows the view whose submit button is `submit`: waits until either view has rendered (the
   * element is defined before its first render), then switches with `switchName` if needed.
   */
  async function showView(submit, switchName) {
    const other = auth()
      .getByRole('button', { name: switchName, exact: true })
      .or(auth().getByRole('link', { name: switchName, exact: true }));
    await button(submit).or(other).first().waitFor();
    if (!(await button(submit).isVisible())) await switchTo(switchName);
  }

  async function expectSignedIn() {
    await auth().getByText(`Signed in as ${email}`).waitFor();
    await page.waitForFunction(
      (expected) => document.querySelector('#host-account .who')?.textContent?.trim() === expected,
      email,
    );
  }

  /** The newest verification mail to `to` from the dev outbox. */
  async function codeFromOutbox(to) {
    const deadline = Date.now() + STEP_TIMEOUT;
    while (Date.now() < deadline) {
      const response = await fetch(`${server.url}/dev/outbox.json`);
      assert.equal(response.status, 200, 'GET /dev/outbox.json');
      const mails = await response.json();
      const list = Array.isArray(mails) ? mails : (mails.messages ?? mails.mails ?? []);
      const mail = list.find((m) => String(m.to).includes(to));
      const code = mail?.text?.match(/\b(\d{6})\b/)?.[1];
      if (code) return code;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`no verification code for ${to} in /dev/outbox.json`);
  }

  step('the page loads the bundle and renders <foyer-auth>', async () => {
    const response = await page.goto(server.url);
    assert.equal(response?.status(), 200);
    // The page works under its strict policy (no inline code): any violation would be a console
    // error, which the last step refuses.
    const policy = response.headers()['content-security-policy'] ?? '';
    assert.match(policy, /script-src 'self'(;|$)/);
    assert.match(policy, /frame-ancestors 'none'/);
    assert.equal(response.headers()['x-content-type-options'], 'nosniff');
    await page.waitForFunction(() => customElements.get('foyer-auth') !== undefined);
    assert.equal((await hostAccount().textContent())?.trim(), 'Not signed in');
  });

  step('signs up', async () => {
    await showView('Create account', 'Create an account');
    await field('Email').fill(email);
    await field('Password').fill(password);
    await button('Create account').click();
    await field('Verification code').waitFor();
  });

  step('verifies the email with the code from the outbox and is signed in', async () => {
    const code = await codeFromOutbox(email);
    await field('Verification code').fill(code);
    await button('Verify').click();
    await expectSignedIn();
  });

  step('is still signed in after a reload', async () => {
    await page.reload();
    await expectSignedIn();
  });

  step('signs out', async () => {
    await button('Sign out').click();
    await page.waitForFunction(
      () => document.querySelector('#host-account .who')?.textContent?.trim() === 'Not signed in',
    );
    await auth().getByText(`Signed in as ${email}`).waitFor({ state: 'detached' });
    const session = await page.evaluate(() => fetch('/auth/session', { credentials: 'include' }).then((r) => r.status));
    assert.equal(session, 401, 'GET /auth/session after sign-out');
  });

  step('signs in again', async () => {
    await showView('Sign in', 'I already have an account');
    await field('Email').fill(email);
    await field('Password').fill(password);
    await button('Sign in').click();
    await expectSignedIn();
  });

  step('onboards as a studio: the draft autosaves to the server and survives a reload', async () => {
    const wizard = page.locator('foyer-onboarding');
    await page.getByRole('button', { name: 'I run a studio or space' }).click();
    await wizard.getByRole('navigation', { name: 'Onboarding steps' }).waitFor({ timeout: STEP_TIMEOUT });
    await wizard.getByLabel('Studio name').fill('Lichthof Studio');
    await wizard.getByRole('status').getByText('Saved').waitFor({ timeout: STEP_TIMEOUT });
    const overview = await page.evaluate(() => fetch('/onboarding', { credentials: 'include' }).then((r) => r.json()));
    const studio = overview.tracks[0].steps.find((step) => step.id === 'studio');
    assert.equal(studio.data.name, 'Lichthof Studio', 'the server has the autosaved draft');
    await page.reload();
    await page.locator('foyer-onboarding').getByLabel('Studio name').waitFor({ timeout: STEP_TIMEOUT });
    assert.equal(await page.locator('foyer-onboarding').getByLabel('Studio name').inputValue(), 'Lichthof Studio');
  });

  step('no console errors or uncaught exceptions', () => {
    assert.deepEqual(problems, []);
  });
});
