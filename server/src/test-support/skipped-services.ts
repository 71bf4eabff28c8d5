/**
 * @module How a suite says it skipped a service (PostgreSQL, Redis) it could not reach: a warning
 * once per test run, and a line in the file `npm test` names in `FOYER_SKIPPED_SERVICES_FILE`, which
 * its verdict reports (and, under `CI=true`, fails on: scripts/lib/verdict.mjs).
 */
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A service some suites need and skip without. */
export type SkippableService = 'postgres' | 'redis';

/**
 * Records that the calling suite skips `service` because of `reason` (the connection error).
 * Call it once per suite file, at module level, where the service was probed.
 *
 * @example
 * if (redisUnavailable) reportSkippedService('redis', redisUnavailable);
 */
export function reportSkippedService(service: SkippableService, reason: string): void {
  const file = process.env.FOYER_SKIPPED_SERVICES_FILE;
  // One line per suite file, so the verdict can say how many skipped it.
  if (file) appendFileSync(file, `${service}\t${reason.replace(/\s+/g, ' ')}\n`);
  // Once per test run: the marker is keyed by the vitest main process (the parent of the workers).
  const marker = join(tmpdir(), `foyer-${service}-skipped-${process.ppid}`);
  if (!existsSync(marker)) {
    writeFileSync(marker, reason);
    console.warn(`${service} skipped: ${reason}`);
  }
}
