import { defineConfig } from 'vitest/config';

// Node-side tests: core machines and contracts, the server over real HTTP. Browser tests of the
// elements run in Chromium through web-test-runner (web-test-runner.config.mjs).
export default defineConfig({
  resolve: { conditions: ['foyer-source'] },
  ssr: { resolve: { conditions: ['foyer-source'] } },
  test: {
    include: ['packages/core/src/**/*.test.ts', 'server/src/**/*.test.ts', 'scripts/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
