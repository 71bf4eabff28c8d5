/** @module Sizes of built bundles: raw and gzip bytes, and which chunks an entry loads up front. */
import { readFileSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Bytes of `file` raw and after gzip -9 (what a CDN serves). */
export function fileSize(file) {
  const content = readFileSync(file);
  return { raw: content.length, gzip: gzipSync(content, { level: 9 }).length };
}

// Static `import … from "./x.js"` / `export … from "./x.js"` / bare `import "./x.js"` in minified
// rollup output (relative specifiers only: the bundle has no bare imports left).
const STATIC_IMPORT = /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'](\.{1,2}\/[^"']+)["']/g;
const DYNAMIC_IMPORT = /\bimport\s*\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g;

/**
 * The chunks `entry` loads before it runs (itself and its static imports, transitively) and the
 * chunks it may load later (dynamic imports anywhere in that graph, and what they import).
 * @returns {{ initial: string[], lazy: string[] }} absolute paths
 */
export function chunkGraph(entry) {
  const initial = new Set();
  const lazyRoots = new Set();
  const visit = (file, into, collectLazy) => {
    if (into.has(file) || !existsSync(file)) return;
    into.add(file);
    const code = readFileSync(file, 'utf8');
    for (const [, spec] of code.matchAll(STATIC_IMPORT)) visit(resolve(dirname(file), spec), into, collectLazy);
    if (collectLazy) for (const [, spec] of code.matchAll(DYNAMIC_IMPORT)) lazyRoots.add(resolve(dirname(file), spec));
  };
  visit(resolve(entry), initial, true);
  const lazy = new Set();
  for (const root of lazyRoots) visit(root, lazy, true);
  for (const file of initial) lazy.delete(file);
  return { initial: [...initial], lazy: [...lazy] };
}

/** `12.3 KB` (1 KB = 1000 bytes, as budgets are usually quoted). */
export function kb(bytes) {
  return `${(bytes / 1000).toFixed(1)} KB`;
}

/** The budget of the initial load: dist/foyer.js and its static imports, min+gzip. */
export const INITIAL_BUDGET_BYTES = 30_000;

/**
 * What the CDN bundle costs a page, from the files in `dist/` (min+gzip, gzip -9 per file):
 * - `initial`: dist/foyer.js (the autoloader) and its static imports — the budgeted figure;
 * - `authPage`: a page with `<foyer-auth>`: the loader plus the auth widget chunk and every chunk it
 *   imports statically (fetched in parallel by the loader), i.e. everything fetched before the
 *   widget renders — the true cost of a sign-in page;
 * - `lazy`: every other chunk the loader may fetch, each with the gzip of the file alone.
 * @param {string} entry path of dist/foyer.js
 */
export function bundleReport(entry) {
  const { initial, lazy } = chunkGraph(entry);
  const widget = lazy.find((file) => /[\\/]auth-widget-[\w-]+\.js$/.test(file));
  if (!widget) throw new Error(`no auth-widget chunk among the lazy chunks of ${entry}`);
  const authPage = [...new Set([...initial, ...chunkGraph(widget).initial])];
  const sum = (files) => files.reduce((total, file) => total + fileSize(file).gzip, 0);
  return {
    initial: { files: initial, gzip: sum(initial) },
    authPage: { files: authPage, gzip: sum(authPage) },
    lazy: lazy.map((file) => ({ file, ...fileSize(file), inAuthPage: authPage.includes(file) })),
  };
}

/**
 * `<foyer-sign-in>` alone: its defining module bundled on its own with the plugins of the CDN build
 * (rollup + terser), the sum of gzip -9 of the chunks it loads up front. What an npm host that
 * imports only `@foyer/elements/sign-in/sign-in` ships for it.
 * @param {{ rollup: typeof import('rollup').rollup, plugins: import('rollup').Plugin[], input?: string }} options
 */
export async function measureAlone({ rollup, plugins, input = 'packages/elements/src/sign-in/sign-in.ts' }) {
  const bundle = await rollup({ input, plugins, onwarn: () => {} });
  const { output } = await bundle.generate({ format: 'es', dir: 'dist-bench' });
  await bundle.close();
  const entry = output.find((chunk) => chunk.type === 'chunk' && chunk.isEntry);
  const byName = new Map(output.map((chunk) => [chunk.fileName, chunk]));
  const seen = new Set();
  const visit = (chunk) => {
    if (seen.has(chunk.fileName)) return;
    seen.add(chunk.fileName);
    for (const name of chunk.imports) visit(byName.get(name));
  };
  visit(entry);
  return [...seen].reduce((sum, name) => sum + gzipSync(byName.get(name).code, { level: 9 }).length, 0);
}
