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
import { chunkGraph, fileSize, kb } from './lib/bundle-size.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);

const BUDGET_BYTES = 30_000;

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

  printSizes('dist/foyer.js');
  console.log(`build done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** The bundle, what it loads up front and what it may load later, raw and gzip. */
function printSizes(entry) {
  if (!existsSync(entry)) return;
  const { initial, lazy } = chunkGraph(entry);
  const rows = [];
  let initialGzip = 0;
  for (const file of initial) {
    const size = fileSize(file);
    initialGzip += size.gzip;
    rows.push([relative(root, file), 'initial', kb(size.raw), kb(size.gzip)]);
  }
  for (const file of lazy) {
    const size = fileSize(file);
    rows.push([relative(root, file), 'lazy', kb(size.raw), kb(size.gzip)]);
  }
  rows.push(['initial total', '', '', kb(initialGzip)]);
  const header = ['file', 'loaded', 'min', 'min+gzip'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i >= 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  const verdict = initialGzip <= BUDGET_BYTES ? 'within' : 'OVER';
  console.log(`initial load ${kb(initialGzip)} min+gzip: ${verdict} the ${kb(BUDGET_BYTES)} budget`);
}

main().catch((error) => {
  console.error(error?.stack ?? error);
  process.exit(1);
});
