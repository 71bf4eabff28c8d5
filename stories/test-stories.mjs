#!/usr/bin/env node
/**
 * Stories as tests: opens every story of a built Storybook in Chromium, fails on any console error
 * or page error, and runs axe-core on the story root (axe sees into shadow DOM), failing on serious
 * or critical violations.
 *
 * Usage (from the repo root):
 *   npm run build-storybook && node stories/test-stories.mjs
 * Options: STORYBOOK_DIR (default storybook-static), CHROME_PATH (default /usr/bin/chromium),
 *          STORY_FILTER (substring of story ids to run), COLOR_SCHEME=dark (audit the dark theme).
 * Prints one line per story and a final line "N passed, M failed"; exit code 1 on any failure.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const root = resolve(process.env.STORYBOOK_DIR ?? 'storybook-static');
const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const filter = process.env.STORY_FILTER ?? '';
const require = createRequire(import.meta.url);
const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** A tiny static server for the built Storybook (no directory listings, no path escapes). */
function serve(dir) {
  const server = createServer(async (req, res) => {
    try {
      const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
      let file = join(dir, path);
      if (!file.startsWith(dir)) throw new Error('outside');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      await stat(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((resolvePort) => server.listen(0, '127.0.0.1', () => resolvePort(server)));
}

let index;
try {
  index = JSON.parse(await readFile(join(root, 'index.json'), 'utf8'));
} catch {
  console.error(`No ${join(root, 'index.json')}: build Storybook first (npm run build-storybook).`);
  process.exit(1);
}
const stories = Object.values(index.entries).filter((entry) => entry.type === 'story' && entry.id.includes(filter));

const server = await serve(root);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
});

let passed = 0;
let failed = 0;
const started = Date.now();
try {
  const context = await browser.newContext({ colorScheme: process.env.COLOR_SCHEME === 'dark' ? 'dark' : 'light' });
  for (const story of stories) {
    const page = await context.newPage();
    const problems = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
        problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('response', (response) => {
      // The browser's own favicon probe is not the story's business.
      if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) {
        problems.push(`HTTP ${response.status()} ${response.url().replace(base, '')}`);
      }
    });
    try {
      await page.goto(`${base}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`, { waitUntil: 'load' });
      // Storybook's render phases end in "finished" (play function included) or "errored"/"aborted".
      const phase = await page
        .waitForFunction(
          () => {
            const phase = globalThis.__STORYBOOK_PREVIEW__?.currentRender?.phase;
            return ['finished', 'errored', 'aborted'].includes(phase) ? phase : false;
          },
          undefined,
          { timeout: 10_000, polling: 50 },
        )
        .then((handle) => handle.jsonValue());
      if (phase !== 'finished') problems.push(`story render ${phase}`);
      const shown = await page.evaluate(() => {
        const el = document.querySelector('#storybook-root');
        return !!el && el.childElementCount > 0 && !document.body.classList.contains('sb-show-errordisplay');
      });
      if (!shown) problems.push('nothing rendered in #storybook-root');
      // Let pending updates and transitions settle before the audit.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        const result = await globalThis.axe.run(document.querySelector('#storybook-root'), {
          resultTypes: ['violations'],
        });
        return result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' >>> ')).join(', ')})`);
      });
      problems.push(...violations.map((v) => `axe ${v}`));
    } catch (error) {
      problems.push(`error: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    } finally {
      await page.close();
    }
    if (problems.length === 0) {
      passed++;
      console.log(`ok   ${story.id}`);
    } else {
      failed++;
      console.log(`FAIL ${story.id}`);
      for (const problem of problems) console.log(`     ${problem}`);
    }
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`(${stories.length} stories in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || stories.length === 0 ? 1 : 0);
