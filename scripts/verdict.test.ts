/**
 * The verdict of `npm test` (scripts/lib/verdict.mjs): skipped tests and skipped services are in
 * the last line, and with CI=true a suite that skipped PostgreSQL or Redis fails the run, so CI
 * can never pass with those suites unrun.
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without type declarations
import * as verdictModule from './lib/verdict.mjs';

interface SkippedService {
  service: string;
  reason: string;
  suites: number;
}
interface Counts {
  passed: number;
  failed: number;
  skipped?: number;
}
interface StepSummary {
  id: string;
  status: 'passed' | 'FAILED' | 'skipped' | 'not run';
  ms?: number;
  counts?: Counts | null;
  skippedServices?: SkippedService[];
}
const { isCi, parseSkippedServices, stepStatus, summarize } = verdictModule as {
  isCi(env: Record<string, string | undefined>): boolean;
  parseSkippedServices(text: string): SkippedService[];
  stepStatus(
    result: { code: number; counts?: Counts | null; skippedServices?: SkippedService[] },
    options: { ci: boolean },
  ): 'passed' | 'FAILED';
  summarize(
    results: StepSummary[],
    options: { ci: boolean; totalMs: number },
  ): {
    lines: string[];
    totals: { passed: number; failed: number; skipped: number };
    skippedServices: SkippedService[];
    exitCode: 0 | 1;
  };
};

const POSTGRES_DOWN = 'connect ECONNREFUSED 127.0.0.1:1';
const postgresSkipped: SkippedService = { service: 'postgres', reason: POSTGRES_DOWN, suites: 3 };

describe('parseSkippedServices', () => {
  it('one entry per service, counting the suite files that reported it, first reason kept', () => {
    const text = [
      `postgres\t${POSTGRES_DOWN}`,
      'redis\tconnect ECONNREFUSED 127.0.0.1:6379',
      `postgres\t${POSTGRES_DOWN}`,
      'postgres\tanother message',
      '',
    ].join('\n');
    expect(parseSkippedServices(text)).toEqual([
      { service: 'postgres', reason: POSTGRES_DOWN, suites: 3 },
      { service: 'redis', reason: 'connect ECONNREFUSED 127.0.0.1:6379', suites: 1 },
    ]);
  });
  it('nothing skipped: an empty file, or none', () => {
    expect(parseSkippedServices('')).toEqual([]);
    expect(parseSkippedServices('\n\n')).toEqual([]);
  });
});

describe('stepStatus', () => {
  const clean = { code: 0, counts: { passed: 10, failed: 0, skipped: 2 }, skippedServices: [] };
  it('passes a clean step locally and in CI; skipped tests alone do not fail it', () => {
    expect(stepStatus(clean, { ci: false })).toBe('passed');
    expect(stepStatus(clean, { ci: true })).toBe('passed');
  });
  it('fails on a non-zero exit or a failed test', () => {
    expect(stepStatus({ ...clean, code: 1 }, { ci: false })).toBe('FAILED');
    expect(stepStatus({ ...clean, counts: { passed: 9, failed: 1 } }, { ci: false })).toBe('FAILED');
  });
  it('a skipped service is reported locally, and fails the step in CI', () => {
    const skipped = { ...clean, skippedServices: [postgresSkipped] };
    expect(stepStatus(skipped, { ci: false })).toBe('passed');
    expect(stepStatus(skipped, { ci: true })).toBe('FAILED');
  });
});

describe('isCi', () => {
  it('reads CI=true and CI=1, nothing else', () => {
    expect([isCi({ CI: 'true' }), isCi({ CI: '1' }), isCi({ CI: 'false' }), isCi({})]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});

describe('summarize', () => {
  const vitest = (skippedServices: SkippedService[], status: 'passed' | 'FAILED'): StepSummary => ({
    id: 'vitest',
    status,
    ms: 80_000,
    counts: { passed: 900, failed: 0, skipped: 57 },
    skippedServices,
  });

  it('all there: exit 0, and the last line counts passed, failed and skipped tests', () => {
    const verdict = summarize(
      [
        { id: 'lint', status: 'passed', ms: 1000 },
        vitest([], 'passed'),
        { id: 'e2e', status: 'passed', ms: 5000, counts: { passed: 46, failed: 0, skipped: 0 } },
      ],
      { ci: true, totalMs: 86_000 },
    );
    expect(verdict.exitCode).toBe(0);
    expect(verdict.lines.at(-1)).toBe('947 passed, 0 failed, 57 skipped');
    expect(verdict.lines).toContain('passed   vitest      80.0 s  900 passed, 0 failed, 57 skipped');
  });

  it('locally, a skipped service passes but is named on the step and in the last line', () => {
    const verdict = summarize([vitest([postgresSkipped], 'passed')], { ci: false, totalMs: 80_000 });
    expect(verdict.exitCode).toBe(0);
    expect(verdict.lines[0]).toBe(
      `passed   vitest      80.0 s  900 passed, 0 failed, 57 skipped; postgres skipped (3 suites: ${POSTGRES_DOWN})`,
    );
    expect(verdict.lines.at(-1)).toBe('900 passed, 0 failed, 57 skipped; postgres skipped');
  });

  it('in CI, a skipped service fails the run: exit 1, one failure counted, the service named', () => {
    const redis = { service: 'redis', reason: 'connect ECONNREFUSED 127.0.0.1:6379', suites: 1 };
    const verdict = summarize([vitest([postgresSkipped, redis], 'FAILED'), { id: 'build', status: 'not run' }], {
      ci: true,
      totalMs: 80_000,
    });
    expect(verdict.exitCode).toBe(1);
    expect(verdict.totals).toEqual({ passed: 900, failed: 1, skipped: 57 });
    expect(verdict.lines[0]).toContain('postgres skipped (3 suites');
    expect(verdict.lines[0]).toMatch(/redis skipped \(1 suite: .*\) — not allowed in CI$/);
    expect(verdict.lines).toContain('total 80.0 s; stopped at "vitest"');
    expect(verdict.lines.at(-1)).toBe('900 passed, 1 failed, 57 skipped; postgres skipped; redis skipped');
  });

  it('services skipped by several steps are merged in the totals', () => {
    const e2e: StepSummary = {
      id: 'e2e',
      status: 'passed',
      ms: 1,
      counts: { passed: 23, failed: 0, skipped: 0 },
      skippedServices: [{ service: 'postgres', reason: POSTGRES_DOWN, suites: 4 }],
    };
    const verdict = summarize([vitest([postgresSkipped], 'passed'), e2e], { ci: false, totalMs: 1 });
    expect(verdict.skippedServices).toEqual([{ service: 'postgres', reason: POSTGRES_DOWN, suites: 7 }]);
    expect(verdict.lines.at(-1)).toBe('923 passed, 0 failed, 57 skipped; postgres skipped');
  });

  it('a runner that crashed without counts still counts as one failure', () => {
    const verdict = summarize([{ id: 'build', status: 'FAILED', ms: 1 }], { ci: false, totalMs: 1 });
    expect(verdict.exitCode).toBe(1);
    expect(verdict.lines.at(-1)).toBe('0 passed, 1 failed, 0 skipped');
  });
});
