/**
 * @module The verdict of `npm test` (scripts/test.mjs): each step's status, a line per step, and
 * the totals line that ends the run — passed, failed and skipped test cases, and which services
 * (PostgreSQL, Redis) some suites skipped because they could not reach them. Under `CI=true` a
 * skipped service fails its step: CI must never pass with the PostgreSQL or Redis suites unrun.
 * Pure functions, checked by scripts/verdict.test.ts.
 */

/**
 * @typedef {{ passed: number, failed: number, skipped?: number }} Counts
 * @typedef {{ service: string, reason: string, suites: number }} SkippedService
 * @typedef {{ code: number, counts?: Counts | null, skippedServices?: SkippedService[] }} StepResult
 * @typedef {{ id: string, status: 'passed' | 'FAILED' | 'skipped' | 'not run', ms?: number,
 *   counts?: Counts | null, skippedServices?: SkippedService[] }} StepSummary
 */

/**
 * Reads the lines suites append to `FOYER_SKIPPED_SERVICES_FILE`
 * (server/src/test-support/skipped-services.ts): `service<TAB>reason`, one per suite file.
 *
 * @param {string} text
 * @returns {SkippedService[]} one entry per service, in first-seen order, with the first reason
 *   and how many suite files reported it
 * @example
 * parseSkippedServices('postgres\tECONNREFUSED\npostgres\tECONNREFUSED\n')
 * // [{ service: 'postgres', reason: 'ECONNREFUSED', suites: 2 }]
 */
export function parseSkippedServices(text) {
  /** @type {Map<string, SkippedService>} */
  const byService = new Map();
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const tab = line.indexOf('\t');
    const service = (tab === -1 ? line : line.slice(0, tab)).trim();
    const reason = tab === -1 ? '' : line.slice(tab + 1).trim();
    const known = byService.get(service);
    if (known) known.suites += 1;
    else byService.set(service, { service, reason, suites: 1 });
  }
  return [...byService.values()];
}

/**
 * Whether a step that ran passed: its runner exited 0, no test failed, and — under CI — no suite
 * skipped a service.
 *
 * @param {StepResult} result
 * @param {{ ci: boolean }} options
 * @returns {'passed' | 'FAILED'}
 */
export function stepStatus(result, { ci }) {
  if (result.code !== 0) return 'FAILED';
  if (result.counts && result.counts.failed > 0) return 'FAILED';
  if (ci && (result.skippedServices?.length ?? 0) > 0) return 'FAILED';
  return 'passed';
}

/** `CI` as CI systems set it (`true`, `1`); anything else, or unset, is a local run. */
export function isCi(env = process.env) {
  return env.CI === 'true' || env.CI === '1';
}

const seconds = (/** @type {number} */ ms) => `${(ms / 1000).toFixed(1)} s`;

/** `postgres skipped (12 suites: connect ECONNREFUSED 127.0.0.1:5432)` */
function describeSkip(/** @type {SkippedService} */ { service, reason, suites }) {
  const where = `${suites} ${suites === 1 ? 'suite' : 'suites'}`;
  return `${service} skipped (${where}${reason ? `: ${reason}` : ''})`;
}

/**
 * The summary printed at the end of `npm test`: a line per step, the skipped services, the total
 * time, and last the totals line `N passed, M failed, K skipped` (followed by `; postgres skipped`
 * for each service some suite skipped). A step that failed without a failed test counted (a
 * crashed runner, or a skipped service under CI) counts as one failure.
 *
 * @param {StepSummary[]} results
 * @param {{ ci: boolean, totalMs: number }} options
 * @returns {{ lines: string[], totals: { passed: number, failed: number, skipped: number },
 *   skippedServices: SkippedService[], exitCode: 0 | 1 }}
 */
export function summarize(results, { ci, totalMs }) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  /** @type {Map<string, SkippedService>} */
  const services = new Map();
  const lines = [];
  for (const { id, status, ms, counts, skippedServices = [] } of results) {
    let detail = '';
    if (counts) {
      passed += counts.passed;
      failed += counts.failed;
      skipped += counts.skipped ?? 0;
      detail = `${counts.passed} passed, ${counts.failed} failed, ${counts.skipped ?? 0} skipped`;
      // A runner that exited non-zero, or a skipped service under CI, with no failed test counted.
      if (status === 'FAILED' && counts.failed === 0) failed += 1;
    } else if (status === 'passed') {
      passed += 1;
    } else if (status === 'FAILED') {
      failed += 1;
    }
    for (const skip of skippedServices) {
      const known = services.get(skip.service);
      if (known) known.suites += skip.suites;
      else services.set(skip.service, { ...skip });
    }
    if (skippedServices.length > 0) {
      const listed = skippedServices.map(describeSkip).join(', ');
      detail = `${detail}${detail ? '; ' : ''}${listed}${ci ? ' — not allowed in CI' : ''}`;
    }
    const time = ms === undefined ? '' : seconds(ms);
    lines.push(`${status.padEnd(8)} ${id.padEnd(10)} ${time.padStart(7)}  ${detail}`.trimEnd());
  }
  const stopped = results.find((result) => result.status === 'FAILED');
  lines.push(`total ${seconds(totalMs)}${stopped ? `; stopped at "${stopped.id}"` : ''}`);
  const skippedServices = [...services.values()];
  if (skippedServices.length > 0) {
    lines.push(
      ci
        ? `CI=true: ${skippedServices.map((s) => s.service).join(' and ')} must be reachable; start the service (see .ci/run)`
        : `not a CI run: skipped services are reported, not failed (CI=true fails on them)`,
    );
  }
  const servicesNote = skippedServices.map((s) => `; ${s.service} skipped`).join('');
  lines.push(`${passed} passed, ${failed} failed, ${skipped} skipped${servicesNote}`);
  return { lines, totals: { passed, failed, skipped }, skippedServices, exitCode: stopped ? 1 : 0 };
}
