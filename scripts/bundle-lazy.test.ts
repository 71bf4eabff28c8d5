/**
 * The initial browser bundle (`dist/foyer.js` and its static imports) must not contain the zxcvbn-ts
 * dictionaries, the ALTCHA widget, @simplewebauthn/browser or the MFA elements: all are dynamic imports that rollup
 * splits into lazy chunks, fetched on the first focus of a new-password field, when a
 * `<foyer-captcha>` connects, resp. when a passkey is first used.
 *
 * Builds the bundle in memory with the rollup config of `npm run build` (same input, same
 * resolution; minification off for speed — it changes no module boundary) and checks the module
 * ids of each chunk, so it needs no prior build and never writes to dist/.
 */
import { rollup, type OutputChunk } from 'rollup';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ES module config without types
import config, { browserPlugins } from '../rollup.config.mjs';

const LAZY = {
  zxcvbn: /node_modules\/@zxcvbn-ts\/(core|language-common|language-en)\//,
  altcha: /node_modules\/altcha\//,
  simplewebauthn: /node_modules\/@simplewebauthn\/browser\//,
  mfaElements: /packages\/elements\/src\/(mfa-challenge|mfa-setup|passkey-button|step-up)\//,
};

describe('initial bundle stays lean', { timeout: 180_000 }, () => {
  it('keeps the zxcvbn dictionaries, the ALTCHA widget and @simplewebauthn/browser in lazy chunks', async () => {
    const bundle = await rollup({ ...config, plugins: browserPlugins({ minify: false }), onwarn: () => {} });
    const { output } = await bundle.generate({ ...config.output, sourcemap: false });
    await bundle.close();
    const chunks = new Map(
      output.filter((item): item is OutputChunk => item.type === 'chunk').map((chunk) => [chunk.fileName, chunk]),
    );
    const entry = chunks.get('foyer.js');
    expect(entry, 'foyer.js entry chunk').toBeDefined();

    // The static import graph of the entry: what a page downloads before anything is used.
    const initial = new Set<string>();
    const visit = (fileName: string) => {
      if (initial.has(fileName)) return;
      initial.add(fileName);
      for (const imported of chunks.get(fileName)?.imports ?? []) visit(imported);
    };
    visit('foyer.js');
    const initialModules = [...initial].flatMap((fileName) => Object.keys(chunks.get(fileName)!.modules));
    for (const [name, pattern] of Object.entries(LAZY)) {
      expect(
        initialModules.filter((id) => pattern.test(id)),
        `${name} modules in the initial bundle`,
      ).toEqual([]);
      const lazy = [...chunks.values()].filter(
        (chunk) => !initial.has(chunk.fileName) && Object.keys(chunk.modules).some((id) => pattern.test(id)),
      );
      expect(lazy.length, `a lazy chunk with ${name}`).toBeGreaterThan(0);
    }
    // And the entry does reach them, through dynamic imports only.
    const reachable = new Set<string>();
    const reach = (fileName: string) => {
      if (reachable.has(fileName)) return;
      reachable.add(fileName);
      const chunk = chunks.get(fileName);
      for (const next of [...(chunk?.imports ?? []), ...(chunk?.dynamicImports ?? [])]) reach(next);
    };
    reach('foyer.js');
    const reachableModules = [...reachable].flatMap((fileName) => Object.keys(chunks.get(fileName)?.modules ?? {}));
    expect(reachableModules.some((id) => LAZY.zxcvbn.test(id))).toBe(true);
    expect(reachableModules.some((id) => LAZY.altcha.test(id))).toBe(true);
    expect(reachableModules.some((id) => LAZY.simplewebauthn.test(id))).toBe(true);
    expect(reachableModules.some((id) => LAZY.mfaElements.test(id))).toBe(true);
  });
});
