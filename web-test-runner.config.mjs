/**
 * web-test-runner: the browser tests of @foyer/elements, in the system Chromium.
 * Run with `npx web-test-runner` (or `npm run test:browser`) from the repo root.
 */
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';

const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export default {
  files: 'packages/elements/src/**/*.test.ts',
  nodeResolve: { exportConditions: ['foyer-source', 'browser', 'import'] },
  concurrency: 2,
  testsFinishTimeout: 120_000,
  // A safety net for a test that hangs, not a speed limit: tests wait for events and states, and a
  // loaded 2-core machine (other suites, other checkouts) must make them slower, never red.
  testFramework: { config: { timeout: 30_000 } },
  plugins: [
    // The elements' tsconfig has experimentalDecorators + useDefineForClassFields: false; keep esbuild in step.
    esbuildPlugin({
      ts: true,
      tsconfig: new URL('./packages/elements/tsconfig.json', import.meta.url).pathname,
      target: 'es2022',
    }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: ['--no-sandbox', '--disable-dev-shm-usage', '--headless=new'],
      },
    }),
  ],
};
