/**
 * What the CDN bundle makes a page download. `dist/foyer.js` is an autoloader: it and its static
 * imports must hold no Lit, XState or zod and no element, only the registries. The auth widget's
 * chunk (and what it imports statically: everything a page with `<foyer-auth>` fetches before the
 * widget renders) must hold no code of the other features: no MFA, onboarding, sessions, phone or
 * account-deletion elements, machines, route tables or texts. The zxcvbn-ts dictionaries, the ALTCHA
 * widget and @simplewebauthn/browser stay in lazy chunks of their own. And each lazy import of the
 * loader fetches the chunk's static dependencies in parallel with it (no waterfall).
 *
 * Builds the bundle in memory with the rollup config of `npm run build` (same input, same
 * resolution; minification off for speed — it changes no module boundary) and checks the module
 * ids of each chunk, so it needs no prior build and never writes to dist/.
 */
import { rollup, type OutputChunk } from 'rollup';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ES module config without types
import config, { browserPlugins } from '../rollup.config.mjs';

const LAZY = {
  zxcvbn: /node_modules\/@zxcvbn-ts\/(core|language-common|language-en)\//,
  altcha: /node_modules\/altcha\//,
  simplewebauthn: /node_modules\/@simplewebauthn\/browser\//,
  mfaElements: /packages\/elements\/src\/(mfa-challenge|mfa-setup|passkey-button|step-up)\//,
};

/** Code a page with only `<foyer-auth>` must not download. */
const NOT_IN_AUTH_PAGE = {
  ...LAZY,
  onboarding:
    /packages\/(elements\/src\/(onboarding|step-\w+|completeness-meter)|core\/src\/(onboarding|onboarding-wizard))\//,
  otherElements:
    /packages\/elements\/src\/(sessions|phone-sign-in|account-delete|captcha|password-meter|social-buttons)\/[\w-]+\.(component|messages)\.ts$/,
  otherMachines:
    /packages\/core\/src\/(sessions|phone-sign-in|account-deletion|step-up|passkey|mfa-setup)\/[\w-]+\.machine\.ts$/,
  allMachinesAtOnce: /packages\/core\/src\/auth\/create-auth-machines\.ts$/,
  otherRoutes: /packages\/core\/src\/contracts\/(onboarding|phone|account-deletion|account|oauth)\.routes\.ts$/,
  otherEndpoints: /packages\/core\/src\/client\/(onboarding|phone|account-deletion|account)\.endpoints\.ts$/,
  onboardingContracts: /packages\/core\/src\/contracts\/onboarding\.contracts\.ts$/,
  allMessages: /packages\/elements\/src\/internal\/(en|mfa)\.messages\.ts$/,
};

let chunks: Map<string, OutputChunk>;

/** The chunk `fileName` and its static imports, transitively: what loads before it runs. */
function staticClosure(fileName: string): Set<string> {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const imported of chunks.get(name)?.imports ?? []) visit(imported);
  };
  visit(fileName);
  return seen;
}

const modulesOf = (fileNames: Iterable<string>) =>
  [...fileNames].flatMap((fileName) => Object.keys(chunks.get(fileName)?.modules ?? {}));

describe('CDN bundle: a small loader, lean lazy chunks', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    const bundle = await rollup({ ...config, plugins: browserPlugins({ minify: false }), onwarn: () => {} });
    const { output } = await bundle.generate({ ...config.output, sourcemap: false });
    await bundle.close();
    chunks = new Map(
      output.filter((item): item is OutputChunk => item.type === 'chunk').map((chunk) => [chunk.fileName, chunk]),
    );
  });

  it('dist/foyer.js and its static imports hold no Lit, XState, zod or element', () => {
    expect(chunks.get('foyer.js'), 'foyer.js entry chunk').toBeDefined();
    const initial = modulesOf(staticClosure('foyer.js'));
    expect(initial.filter((id) => /node_modules\//.test(id))).toEqual([]);
    expect(initial.filter((id) => /\.component\.ts$|foyer-element\.ts$|machine\.ts$/.test(id))).toEqual([]);
    expect(initial.some((id) => id.endsWith('packages/elements/src/autoload.ts'))).toBe(true);
  });

  it('the auth widget chunk and its static imports hold none of the other features', () => {
    const widget = [...chunks.values()].find((chunk) =>
      chunk.facadeModuleId?.endsWith('packages/elements/src/auth-widget.ts'),
    );
    expect(widget, 'an auth-widget chunk').toBeDefined();
    const authPage = modulesOf(new Set([...staticClosure('foyer.js'), ...staticClosure(widget!.fileName)]));
    expect(authPage.some((id) => id.endsWith('packages/elements/src/sign-in/sign-in.component.ts'))).toBe(true);
    for (const [name, pattern] of Object.entries(NOT_IN_AUTH_PAGE)) {
      expect(
        authPage.filter((id) => pattern.test(id)),
        `${name} modules fetched with <foyer-auth>`,
      ).toEqual([]);
    }
  });

  it('a page with only <foyer-sessions> or <foyer-onboarding> does not download the auth widget', () => {
    const widget =
      /packages\/elements\/src\/(auth|sign-in|sign-up|verify-email)\/[\w-]+\.component\.ts$|credentials-form\.ts$/;
    for (const entry of ['packages/elements/src/sessions/sessions.ts', 'packages/elements/src/onboarding.ts']) {
      const chunk = [...chunks.values()].find((c) => c.facadeModuleId?.endsWith(entry));
      expect(chunk, `a chunk for ${entry}`).toBeDefined();
      const page = modulesOf(new Set([...staticClosure('foyer.js'), ...staticClosure(chunk!.fileName)]));
      expect(
        page.filter((id) => widget.test(id)),
        `auth widget modules fetched with ${entry}`,
      ).toEqual([]);
    }
  });

  it('keeps the zxcvbn dictionaries, the ALTCHA widget and @simplewebauthn/browser in lazy chunks the loader can reach', () => {
    const initial = staticClosure('foyer.js');
    for (const [name, pattern] of Object.entries(LAZY)) {
      const lazy = [...chunks.values()].filter(
        (chunk) => !initial.has(chunk.fileName) && Object.keys(chunk.modules).some((id) => pattern.test(id)),
      );
      expect(lazy.length, `a lazy chunk with ${name}`).toBeGreaterThan(0);
    }
    const reachable = new Set<string>();
    const reach = (fileName: string) => {
      if (reachable.has(fileName)) return;
      reachable.add(fileName);
      const chunk = chunks.get(fileName);
      for (const next of [...(chunk?.imports ?? []), ...(chunk?.dynamicImports ?? [])]) reach(next);
    };
    reach('foyer.js');
    const reachableModules = modulesOf(reachable);
    for (const [name, pattern] of Object.entries(LAZY))
      expect(
        reachableModules.some((id) => pattern.test(id)),
        `${name} reachable from foyer.js`,
      ).toBe(true);
  });

  it('imports each lazy chunk together with its static dependencies, so they download in parallel', () => {
    const loader = chunks.get('foyer.js')!;
    expect(loader.dynamicImports.length).toBeGreaterThan(5);
    for (const target of loader.dynamicImports) {
      const dependencies = (chunks.get(target)?.imports ?? []).filter((name) => name !== 'foyer.js');
      if (dependencies.length === 0) continue;
      const call = new RegExp(
        `Promise\\.all\\(\\[import\\(["']\\./${target.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']\\)([^\\]]*)\\]`,
      );
      const match = call.exec(loader.code);
      expect(match, `import of ${target} with its dependencies`).not.toBeNull();
      for (const dependency of dependencies) expect(match![1]).toContain(`./${dependency}`);
    }
  });
});
