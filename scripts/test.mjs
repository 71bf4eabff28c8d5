#!/usr/bin/env node
/**
 * `npm test`: every check of the repository, in order, stopping at the first failure:
 *   lint → typecheck → node tests (vitest) → build → element tests (web-test-runner, Chromium)
 *   → stories (storybook build + stories/test-stories.mjs) → end-to-end (e2e/, Chromium, once on
 *   SQLite and once on PostgreSQL).
 * Ends with one line `N passed, M failed, K skipped` (test cases counted across runners; a step
 * whose runner prints no count counts as one), followed by `; postgres skipped` / `; redis
 * skipped` when a suite could not reach that service. With `CI=true` a skipped service fails the
 * run (scripts/lib/verdict.mjs). CI judges by the exit code and that line.
 *
 * `node scripts/test.mjs --skip lint,stories` or `--only vitest,e2e` for local runs (after `--`,
 * vitest file filters: `--only vitest -- server/src/db`);
 * `FOYER_E2E_DATABASES=sqlite` runs the end-to-end files on one database only.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCommand, bin } from './lib/run-command.mjs';
import { postgresUnavailable } from './lib/server-process.mjs';
import { isCi, parseSkippedServices, stepStatus, summarize } from './lib/verdict.mjs';

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
  const skipped = output.match(/^[#ℹ] skipped (\d+)$/m);
  return pass && fail
    ? { passed: Number(pass[1]), failed: Number(fail[1]), skipped: skipped ? Number(skipped[1]) : 0 }
    : null;
}

/** The services the suites of a step reported skipping (server/src/test-support/skipped-services.ts). */
function skippedServicesIn(file) {
  return existsSync(file) ? parseSkippedServices(readFileSync(file, 'utf8')) : [];
}

const vitestReport = join(scratch, 'vitest.json');
const vitestSkips = join(scratch, 'vitest-skipped-services.txt');
/** After `--`: vitest file filters, for a local run of a few suites (`--only vitest -- server/src/db`). */
const vitestFilters = process.argv.includes('--') ? process.argv.slice(process.argv.indexOf('--') + 1) : [];
/** The databases the end-to-end files run on, in order. */
const E2E_DATABASES = (process.env.FOYER_E2E_DATABASES ?? 'sqlite,postgres').split(',').filter(Boolean);

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
        ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`, ...vitestFilters],
        { env: { ...env, FOYER_SKIPPED_SERVICES_FILE: vitestSkips } },
      );
      let counts = null;
      if (existsSync(vitestReport)) {
        const report = JSON.parse(readFileSync(vitestReport, 'utf8'));
        counts = {
          passed: report.numPassedTests,
          failed: report.numFailedTests,
          skipped: report.numPendingTests + report.numTodoTests,
        };
      }
      return { ...result, counts, skippedServices: skippedServicesIn(vitestSkips) };
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
      // Every file once per database; each server process gets a database of its own
      // (scripts/lib/server-process.mjs creates a PostgreSQL one and drops it after).
      let code = 0;
      const counts = { passed: 0, failed: 0, skipped: 0 };
      const skippedServices = [];
      for (const database of E2E_DATABASES) {
        if (database === 'postgres') {
          const unavailable = await postgresUnavailable();
          if (unavailable) {
            console.warn(`postgres skipped: ${unavailable}`);
            skippedServices.push({ service: 'postgres', reason: unavailable, suites: files.length });
            continue;
          }
        }
        console.log(`\n── e2e on ${database}`);
        const result = await runCommand(node, ['--test', '--test-reporter=spec', '--test-concurrency=1', ...files], {
          env: { ...env, FOYER_E2E_DATABASE: database },
          capture: true,
        });
        const run = countNodeTest(result.output);
        if (result.code !== 0) code = result.code;
        if (!run) {
          code ||= 1;
          break;
        }
        counts.passed += run.passed;
        counts.failed += run.failed;
        counts.skipped += run.skipped;
        if (run.failed > 0) break;
      }
      return { code, counts, skippedServices };
    },
  },
];

function selectedSteps(allArgs) {
  const argv = allArgs.includes('--') ? allArgs.slice(0, allArgs.indexOf('--')) : allArgs;
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

async function main() {
  const steps = selectedSteps(process.argv.slice(2));
  const ci = isCi();
  const results = [];
  const started = Date.now();
  let failedStep = null;
  for (const step of steps) {
    if (step.skipped || failedStep) {
      results.push({ id: step.id, status: failedStep ? 'not run' : 'skipped' });
      continue;
    }
    console.log(`\n━━ ${step.title}`);
    const stepStarted = Date.now();
    const result = await step.run();
    const status = stepStatus(result, { ci });
    results.push({
      id: step.id,
      status,
      ms: Date.now() - stepStarted,
      counts: result.counts,
      skippedServices: result.skippedServices,
    });
    if (status === 'FAILED') failedStep = step;
  }

  console.log('\n━━ summary');
  const verdict = summarize(results, { ci, totalMs: Date.now() - started });
  rmSync(scratch, { recursive: true, force: true });
  for (const line of verdict.lines) console.log(line);
  process.exit(verdict.exitCode);
}

main().catch((error) => {
  console.error(error?.stack ?? error);
  console.log('0 passed, 1 failed, 0 skipped');
  process.exit(1);
});
