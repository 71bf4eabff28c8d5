#!/usr/bin/env node
/**
 * `npm test`: every check of the repository, in order, stopping at the first failure:
 *   lint → typecheck → node tests (vitest) → build → element tests (web-test-runner, Chromium)
 *   → stories (storybook build + stories/test-stories.mjs) → end-to-end (e2e/, Chromium).
 * Ends with one line `N passed, M failed` (test cases counted across runners; a step whose
 * runner prints no count counts as one). CI judges by the exit code and that line.
 *
 * `node scripts/test.mjs --skip lint,stories` or `--only vitest,e2e` for local runs.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCommand, bin } from './lib/run-command.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);
const node = process.execPath;
const scratch = mkdtempSync(join(tmpdir(), 'foyer-test-'));
const env = { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' };
// Plain logs when not on a terminal (CI): runners started through pipes otherwise guess.
if (!process.stdout.isTTY) {
  env.NO_COLOR = '1';
  delete env.FORCE_COLOR;
}

/** Counts from the usual `N passed, M failed` line (web-test-runner, stories script). */
function countPassedFailed(output) {
  const matches = [...output.matchAll(/(\d+) passed, (\d+) failed/g)];
  const last = matches.at(-1);
  return last ? { passed: Number(last[1]), failed: Number(last[2]) } : null;
}

/** Counts from node's test runner summary (spec: `ℹ pass 7`, tap: `# pass 7`). */
function countNodeTest(output) {
  const pass = output.match(/^[#ℹ] pass (\d+)$/m);
  const fail = output.match(/^[#ℹ] fail (\d+)$/m);
  return pass && fail ? { passed: Number(pass[1]), failed: Number(fail[1]) } : null;
}

const vitestReport = join(scratch, 'vitest.json');

/** @type {{ id: string, title: string, run: () => Promise<{ code: number, counts?: { passed: number, failed: number } | null }> }[]} */
const STEPS = [
  {
    id: 'lint',
    title: 'lint (eslint + prettier --check)',
    async run() {
      const eslint = await runCommand(bin('eslint'), ['.', '--max-warnings=0'], { env });
      if (eslint.code !== 0) return eslint;
      return runCommand(bin('prettier'), ['--check', '.', '--log-level=warn'], { env });
    },
  },
  {
    id: 'typecheck',
    title: 'typecheck (tsc -b, then the node tests with tsconfig.test.json)',
    async run() {
      const build = await runCommand(bin('tsc'), ['-b'], { env });
      if (build.code !== 0) return build;
      return runCommand(bin('tsc'), ['-p', 'tsconfig.test.json'], { env });
    },
  },
  {
    id: 'vitest',
    title: 'node tests (vitest run: core, server on SQLite + PostgreSQL, scripts)',
    async run() {
      const result = await runCommand(
        bin('vitest'),
        ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`],
        { env },
      );
      let counts = null;
      if (existsSync(vitestReport)) {
        const report = JSON.parse(readFileSync(vitestReport, 'utf8'));
        counts = { passed: report.numPassedTests, failed: report.numFailedTests };
      }
      return { ...result, counts };
    },
  },
  {
    id: 'build',
    title: 'build (tsc -b + rollup → dist/foyer.js)',
    run: () => runCommand(node, ['scripts/build.mjs'], { env }),
  },
  {
    id: 'wtr',
    title: 'element tests (web-test-runner, Chromium)',
    async run() {
      const chromium = await runCommand(node, ['scripts/ensure-chromium.mjs'], { env });
      if (chromium.code !== 0) return chromium;
      const result = await runCommand(bin('web-test-runner'), ['--static-logging'], { env, capture: true });
      return { ...result, counts: countPassedFailed(result.output) };
    },
  },
  {
    id: 'stories',
    title: 'stories (storybook build + stories/test-stories.mjs)',
    async run() {
      const build = await runCommand(bin('storybook'), ['build', '-o', 'storybook-static', '--quiet'], { env });
      if (build.code !== 0) return build;
      const result = await runCommand(node, ['stories/test-stories.mjs'], { env, capture: true });
      return { ...result, counts: countPassedFailed(result.output) };
    },
  },
  {
    id: 'e2e',
    title: 'end-to-end (e2e/*.e2e.test.mjs, Chromium against a real server)',
    async run() {
      const chromium = await runCommand(node, ['scripts/ensure-chromium.mjs'], { env });
      if (chromium.code !== 0) return chromium;
      const files = readdirSync('e2e')
        .filter((name) => name.endsWith('.e2e.test.mjs'))
        .sort()
        .map((name) => `e2e/${name}`);
      const result = await runCommand(node, ['--test', '--test-reporter=spec', '--test-concurrency=1', ...files], {
        env,
        capture: true,
      });
      return { ...result, counts: countNodeTest(result.output) };
    },
  },
];

function selectedSteps(argv) {
  const list = (flag) => {
    const index = argv.indexOf(flag);
    return index === -1 ? null : (argv[index + 1] ?? '').split(',').filter(Boolean);
  };
  const only = list('--only');
  const skip = list('--skip') ?? [];
  const known = new Set(STEPS.map((s) => s.id));
  for (const id of [...(only ?? []), ...skip]) {
    if (!known.has(id)) throw new Error(`unknown step "${id}"; steps: ${[...known].join(', ')}`);
  }
  return STEPS.map((step) => ({ ...step, skipped: (only && !only.includes(step.id)) || skip.includes(step.id) }));
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

async function main() {
  const steps = selectedSteps(process.argv.slice(2));
  const results = [];
  const started = Date.now();
  let failedStep = null;
  for (const step of steps) {
    if (step.skipped || failedStep) {
      results.push({ step, status: failedStep ? 'not run' : 'skipped' });
      continue;
    }
    console.log(`\n━━ ${step.title}`);
    const stepStarted = Date.now();
    const { code, counts } = await step.run();
    const ms = Date.now() - stepStarted;
    const ok = code === 0 && (!counts || counts.failed === 0);
    results.push({ step, status: ok ? 'passed' : 'FAILED', ms, counts, code });
    if (!ok) failedStep = step;
  }

  let passed = 0;
  let failed = 0;
  console.log('\n━━ summary');
  for (const { step, status, ms, counts } of results) {
    let detail = '';
    if (counts) {
      passed += counts.passed;
      failed += counts.failed;
      detail = `${counts.passed} passed, ${counts.failed} failed`;
    } else if (status === 'passed') {
      passed += 1;
    } else if (status === 'FAILED') {
      failed += 1;
    }
    // A runner that exited non-zero with no failed test counted (crash, config error) still fails.
    if (status === 'FAILED' && counts && counts.failed === 0) failed += 1;
    const time = ms === undefined ? '' : seconds(ms);
    console.log(`${status.padEnd(8)} ${step.id.padEnd(10)} ${time.padStart(7)}  ${detail}`);
  }
  console.log(`total ${seconds(Date.now() - started)}${failedStep ? `; stopped at "${failedStep.id}"` : ''}`);
  rmSync(scratch, { recursive: true, force: true });
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failedStep ? 1 : 0);
}

main().catch((error) => {
  console.error(error?.stack ?? error);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
