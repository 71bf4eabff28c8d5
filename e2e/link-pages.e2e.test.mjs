/**
 * End to end: the pages email links open, in Chromium against a real server process. Their inline
 * scripts run under a nonce-based CSP; a GET must not spend the token, the page's POST must.
 * Verify-email link → one click → signed in; password-reset link → new password → signed in.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { chromium } from 'playwright-core';
import { startServerProcess } from '../scripts/lib/server-process.mjs';

const CHROMIUM = process.env.FOYER_CHROMIUM ?? '/usr/bin/chromium';
const TIMEOUT = 15_000;

describe('email link pages', { timeout: 120_000 }, () => {
  /** @type {Awaited<ReturnType<typeof startServerProcess>>} */
  let server;
  /** @type {import('playwright-core').Browser} */
  let browser;
  const problems = [];
  const email = `links-${Date.now()}@example.com`;
  const password = `${randomBytes(12).toString('base64url')}-Qz7`;
  const json = { 'content-type': 'application/json' };

  /** The newest link of `path` mailed to `email`. */
  async function linkFromOutbox(path) {
    for (let i = 0; i < 50; i += 1) {
      const mails = await (await fetch(`${server.url}/dev/outbox.json`)).json();
      const mail = mails.find((m) => String(m.to).includes(email) && m.text.includes(path));
      const link = mail?.text.match(new RegExp(`https?://\\S+${path.replace(/\//g, '\\/')}\\?token=[\\w-]+`))?.[0];
      if (link) return link;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`no ${path} link in the outbox`);
  }

  async function openPage() {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    page.on('pageerror', (error) => problems.push(error.message));
    return page;
  }

  const sessionStatus = (page) =>
    page.evaluate(() => fetch('/auth/session', { credentials: 'include' }).then((r) => r.status));

  before(async () => {
    server = await startServerProcess({ name: 'links' });
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
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the verification link confirms the email in one click, and a reload of the GET spent nothing', async () => {
    const signUp = await fetch(`${server.url}/auth/sign-up`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email, password }),
    });
    assert.equal(signUp.status, 201);
    const link = await linkFromOutbox('/auth/verify-email/link');
    const page = await openPage();
    await page.goto(link);
    assert.equal(new URL(page.url()).search, '', 'the token is removed from the address bar');
    await page.goto(link); // a second GET (a mail scanner) must not spend it
    await page.getByRole('button', { name: 'Confirm my email' }).click();
    await page.waitForURL(`${server.url}/`, { timeout: TIMEOUT });
    assert.equal(await sessionStatus(page), 200, 'signed in after confirming');
    await page.context().close();
  });

  test('the reset link sets a new password (a weak one is refused first) and signs in', async () => {
    const forgot = await fetch(`${server.url}/auth/password/forgot`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email }),
    });
    assert.equal(forgot.status, 202);
    const link = await linkFromOutbox('/auth/password/reset/link');
    const page = await openPage();
    await page.goto(link);
    await page.getByLabel('New password').fill('password1');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page
      .getByRole('status')
      .getByText(/stronger|breach/i)
      .waitFor({ timeout: TIMEOUT });
    const newPassword = `${randomBytes(12).toString('base64url')}-Wx4`;
    await page.getByLabel('New password').fill(newPassword);
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.waitForURL(`${server.url}/`, { timeout: TIMEOUT });
    assert.equal(await sessionStatus(page), 200, 'signed in after the reset');
    const signIn = await fetch(`${server.url}/auth/sign-in`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email, password: newPassword }),
    });
    assert.equal(signIn.status, 200, 'the new password works');
    await page.context().close();
  });

  test('no console errors or CSP violations', () => {
    // The weak password answer is a 422 the page handles; Chromium logs failed fetches as errors.
    assert.deepEqual(
      problems.filter((text) => !/status of 422/.test(text)),
      [],
    );
  });
});
