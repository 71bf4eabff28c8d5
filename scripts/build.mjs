#!/usr/bin/env node
/**
 * `npm run build`: compiles every workspace package with `tsc -b` (JS + .d.ts into each package's
 * dist/), then bundles dist/foyer.js (+ dist/chunks/) with rollup, and prints the bundle sizes.
 * See rollup.config.mjs for why the work is split this way.
 */
import { rmSync, existsSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';
import { loadConfigFile } from 'rollup/loadConfigFile';
import { runCommand, bin } from './lib/run-command.mjs';
import { bundleReport, fileSize, INITIAL_BUDGET_BYTES, kb, measureAlone } from './lib/bundle-size.mjs';
import { browserPlugins } from '../rollup.config.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);

async function main() {
  const started = Date.now();

  console.log('› tsc -b (packages/core, packages/elements, server → */dist)');
  const tsc = await runCommand(bin('tsc'), ['-b'], { cwd: root });
  if (tsc.code !== 0) throw new Error(`tsc -b failed (exit ${tsc.code})`);

  console.log('› rollup -c (dist/foyer.js + dist/chunks/)');
  rmSync('dist', { recursive: true, force: true });
  const { options, warnings } = await loadConfigFile(`${root}/rollup.config.mjs`, {});
  warnings.flush();
  for (const inputOptions of options) {
    const bundle = await rollup(inputOptions);
    try {
      await Promise.all(inputOptions.output.map((output) => bundle.write(output)));
    } finally {
      await bundle.close();
    }
  }

  await printSizes('dist/foyer.js');
  console.log(`build done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * The bundle's table: each file, when a page fetches it (`initial`: with dist/foyer.js; `auth page`:
 * with the auth widget, i.e. on any page showing <foyer-auth>; `lazy`: when its tag appears), raw
 * and gzip; then the initial figure against its budget, right beside it what a page with
 * <foyer-auth> really downloads, and <foyer-sign-in> alone.
 */
async function printSizes(entry) {
  if (!existsSync(entry)) return;
  const { initial, authPage, lazy } = bundleReport(entry);
  const rows = [];
  for (const file of initial.files) {
    const size = fileSize(file);
    rows.push([relative(root, file), 'initial', kb(size.raw), kb(size.gzip)]);
  }
  for (const chunk of lazy) {
    rows.push([relative(root, chunk.file), chunk.inAuthPage ? 'auth page' : 'lazy', kb(chunk.raw), kb(chunk.gzip)]);
  }
  const header = ['file', 'loaded', 'min', 'min+gzip'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i >= 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  const signIn = await measureAlone({ rollup, plugins: browserPlugins() });
  const verdict = initial.gzip <= INITIAL_BUDGET_BYTES ? 'within' : 'OVER';
  const figures = [
    ['initial: dist/foyer.js + static imports', kb(initial.gzip), `${verdict} the ${kb(INITIAL_BUDGET_BYTES)} budget`],
    [
      'page with <foyer-auth>: loader + everything fetched before the widget renders',
      kb(authPage.gzip),
      `${authPage.files.length} files, in parallel`,
    ],
    ['<foyer-sign-in> alone: its own bundle with Lit, XState, zod/mini, core', kb(signIn), ''],
  ];
  const width = Math.max(...figures.map(([what]) => what.length));
  console.log('');
  for (const [what, size, note] of figures)
    console.log(`${what.padEnd(width)}  ${size.padStart(8)} min+gzip  ${note}`.trimEnd());
}

main().catch((error) => {
  console.error(error?.stack ?? error);
  process.exit(1);
});
