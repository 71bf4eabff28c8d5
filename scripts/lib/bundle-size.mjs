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
