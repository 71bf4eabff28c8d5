/**
 * The CDN bundle: `dist/foyer.js`, a small autoloader for hosts that load Foyer with
 * `<script type="module" src="/dist/foyer.js">`, plus the element chunks in `dist/chunks/` it
 * imports when a tag first appears (packages/elements/src/autoload.ts).
 *
 * The build is split in two, each tool doing the one thing it is best at (scripts/build.mjs runs both):
 * - `tsc -b` compiles every workspace package (core, elements, server) to its own `dist/` — ES
 *   modules, one file per source file, `.d.ts` + declaration maps — which is what npm consumers of
 *   `@foyer/core` / `@foyer/elements` import (their dependencies stay bare imports, so a host app
 *   dedupes Lit, XState and zod with its own copies). The `exports` maps point `import`/`types` there.
 * - rollup (this file) bundles everything, dependencies included, from the TypeScript sources for
 *   the `<script>` case: tree-shaken, Lit in production mode, minified with terser, code-split so
 *   that dynamic imports become `dist/chunks/*.js` fetched only when needed.
 *
 * Budget: dist/foyer.js + its static imports ≤ 30 KB min+gzip; `npm run build` and `npm run bench`
 * print it beside what a page with `<foyer-auth>` downloads before the widget renders.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

/**
 * Export conditions for the browser bundle: `foyer-source` takes our workspace packages from their
 * TypeScript sources (no need for a prior `tsc -b`); `production` (never `development`) keeps Lit's
 * dev-mode checks and warnings out of the bundle.
 */
export const BROWSER_CONDITIONS = ['foyer-source', 'browser', 'production', 'import', 'default'];

/**
 * Drops the prose of the route table (`summary: '…'` in packages/core/src/contracts/*.routes.ts)
 * from browser bundles: the client needs each route's method and path, not its documentation,
 * which the server and the API-docs generator read from the same file. A few KB gzip.
 * @returns {import('rollup').Plugin}
 */
export function stripRouteDocs() {
  return {
    name: 'foyer-strip-route-docs',
    transform(code, id) {
      if (!/[\\/]contracts[\\/][\w-]+\.routes\.ts$/.test(id)) return null;
      // Keeps line breaks, so lines (and the existing source map) stay where they were.
      return { code: code.replace(/summary:(\s*)'(?:[^'\\]|\\.)*'/g, "summary:$1''"), map: null };
    },
  };
}

/**
 * Avoids a request waterfall on lazy chunks (what Vite's preload helper does): rewrites every
 * dynamic `import('./chunk.js')` of the output to
 * `Promise.all([import('./chunk.js'), import('./shared-a.js'), …]).then((m) => m[0])`, the chunk
 * together with the chunks it imports statically (Lit, XState, zod, core), so the browser requests
 * them all at once instead of discovering them only once the chunk has arrived. Importing a module
 * twice is free (one instance per URL), and the order of evaluation stays the module graph's.
 * @returns {import('rollup').Plugin}
 */
export function preloadChunkImports() {
  return {
    name: 'foyer-preload-chunk-imports',
    renderDynamicImport({ chunk, getTargetChunkImports }) {
      const dependencies = (getTargetChunkImports?.() ?? [])
        // `targetChunk.dependencies`: its static imports; the importer itself is loaded already.
        .filter((imported) => imported.type === 'internal' && imported.fileName !== chunk.fileName)
        .map((imported) => imported.resolvedImportPath); // already quoted
      if (dependencies.length === 0) return null;
      const preloads = dependencies.map((path) => `import(${path})`).join(',');
      return { left: 'Promise.all([import(', right: `),${preloads}]).then((m) => m[0])` };
    },
  };
}

/**
 * The plugins of a browser bundle; reused by scripts/bench.mjs for the per-element measurement.
 * @param {{ minify?: boolean }} [options]
 */
export function browserPlugins({ minify = true } = {}) {
  return [
    stripRouteDocs(),
    replace({
      preventAssignment: true,
      values: { 'process.env.NODE_ENV': JSON.stringify('production') },
    }),
    // Before node-resolve: maps the `./x.js` specifiers of NodeNext TypeScript to `./x.ts`, and
    // compiles each file with its nearest tsconfig.json — so the elements get their
    // `experimentalDecorators` / `useDefineForClassFields: false` settings (Lit decorators).
    esbuild({ target: 'es2022', sourceMap: true }),
    nodeResolve({
      browser: true,
      exportConditions: BROWSER_CONDITIONS,
      extensions: ['.ts', '.mjs', '.js', '.json'],
    }),
    preloadChunkImports(),
    minify &&
      terser({
        ecma: 2022,
        module: true,
        compress: { passes: 2 },
        format: { comments: false },
      }),
  ].filter(Boolean);
}

/**
 * A readable name for a lazy chunk: the npm package it starts in (`zxcvbn-ts-language-en`, not the
 * `dist` of `…/dist/index.js`), else rollup's own (the module's file name).
 * @param {import('rollup').PreRenderedChunk} chunk
 */
function chunkName(chunk) {
  const id = chunk.facadeModuleId ?? chunk.moduleIds.at(-1) ?? '';
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id.replace(/\\/g, '/'));
  const name = match ? match[1].replace(/^@/, '').replace(/\//g, '-') : chunk.name;
  return name.replace(/[^a-zA-Z0-9_-]/g, '_');
}

const elementsSideEffects = new Set(
  JSON.parse(readFileSync(new URL('packages/elements/package.json', import.meta.url), 'utf8'))
    .sideEffects.filter((path) => path.startsWith('./src/'))
    .map((path) => fileURLToPath(new URL(`packages/elements/${path.slice(2)}`, import.meta.url))),
);

/**
 * The `sideEffects` of our own package.json files, for the modules our sources import relatively
 * (esbuild resolves those, so node-resolve never applies the field to them): `@foyer/core` has
 * none, `@foyer/elements` only its defining files. Without this, a barrel import
 * (`../contracts/index.js`) keeps every contract module's schemas in whichever chunk imports it.
 * @param {string} id
 */
export function workspaceSideEffects(id) {
  const path = id.replace(/\\/g, '/');
  if (path.includes('/packages/core/src/')) return false;
  if (path.includes('/packages/elements/src/')) return elementsSideEffects.has(id);
  return true;
}

export default defineConfig({
  // The autoloader (packages/elements/src/autoload.ts): registers every tag lazily, defines none, and
  // contains no Lit, XState or zod; each tag's chunk (the auth widget's four tags share one) loads
  // when the tag first appears. npm's `@foyer/elements` (index.ts) still defines the widget at once.
  input: { foyer: 'packages/elements/src/autoload.ts' },
  output: {
    dir: 'dist',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: (chunk) => `chunks/${chunkName(chunk)}-[hash].js`,
    sourcemap: true,
  },
  plugins: browserPlugins(),
  // The entry may export more than autoload.ts does, so code the loader shares with lazy chunks (the
  // lazy and message registries) stays in foyer.js: one instance, no second up-front request.
  preserveEntrySignatures: 'allow-extension',
  // Lit and XState are written as side-effect-free modules; this keeps unused exports out.
  treeshake: { preset: 'recommended', moduleSideEffects: workspaceSideEffects },
  onwarn(warning, warn) {
    // Lit's and XState's `this` at module level in their own ESM builds is harmless.
    if (warning.code === 'THIS_IS_UNDEFINED') return;
    // zod places explanatory comments next to its `@__PURE__` annotations; rollup drops them, fine.
    if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules')) return;
    // A circular import inside a dependency is not ours to fix; inside our sources it is.
    if (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.every((id) => id.includes('node_modules'))) return;
    warn(warning);
  },
});
