#!/usr/bin/env node
/**
 * `npm run docs:screenshot`: renders examples/plain-html (served by the real server, after
 * `npm run build`) in Chromium and saves docs/images/example-page.png for the README.
 */
/* global document, customElements -- evaluated in the page */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServerProcess } from './lib/server-process.mjs';

const output = fileURLToPath(new URL('../docs/images/example-page.png', import.meta.url));
const server = await startServerProcess({ name: 'screenshot-server' });
const browser = await chromium.launch({
  executablePath: process.env.FOYER_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 720 }, deviceScaleFactor: 1 });
  await page.goto(server.url);
  await page.waitForFunction(() => customElements.get('foyer-auth') !== undefined);
  await page.locator('foyer-auth').getByLabel('Email', { exact: true }).waitFor();
  await page.evaluate(() => document.fonts.ready);
  mkdirSync(new URL('../docs/images/', import.meta.url), { recursive: true });
  await page.screenshot({ path: output, fullPage: true });
  console.log(`wrote ${output}`);
} finally {
  await browser.close();
  await server.stop();
}
