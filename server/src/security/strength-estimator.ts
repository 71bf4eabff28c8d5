/**
 * @module Password strength (zxcvbn-ts) off the main thread. One estimate costs 5–60 ms of pure
 * CPU; run inline, a burst of sign-ups would stall every other request of the event loop (session
 * checks fell to 3 % of their solo rate in `npm run bench`). A small worker pool runs the same
 * core estimator at background priority; if the worker cannot start (e.g. core is not built yet), estimates run inline.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { loadPasswordStrength, type PasswordContext, type PasswordStrength } from '@foyer/core';
import { BackgroundPoolBusyError, createBackgroundPool } from './background-pool.js';

/** Estimates password strength, in a worker when it can. */
export interface StrengthEstimator {
  /**
   * The verdict on a password. Rejects with `BackgroundPoolBusyError` (./background-pool.ts) when
   * the estimates already queued would keep this one waiting over `maxWaitMs`.
   */
  estimate(password: string, context?: PasswordContext): Promise<PasswordStrength>;
  /** `worker` once a worker answered, `inline` when estimates run on the main thread. */
  readonly mode: 'worker' | 'inline' | 'starting';
  close(): Promise<void>;
}

// Run in each worker (./background-pool.ts): imports the built @foyer/core by URL (handed over by
// the main thread, so resolution does not depend on the working directory) and loads the
// dictionaries once.
const WORKER_SOURCE = `
const ready = import(require('node:worker_threads').workerData.coreUrl).then((core) => core.loadPasswordStrength());
globalThis.foyerReady = ready.catch(() => {});
const runTask = async ({ password, context }) => (await ready)(password, context);
`;

/** The file URL of the built `@foyer/core` (its `dist/index.js`), or `undefined` when it cannot be resolved. */
export function builtCoreUrl(): string | undefined {
  try {
    // Under a resolver that prefers sources (`--conditions=foyer-source` in tests), this finds
    // `src/index.ts`; the worker is plain Node and needs the built twin.
    const resolved = createRequire(import.meta.url)
      .resolve('@foyer/core')
      .replace(/[\\/]src[\\/]index\.ts$/, '/dist/index.js');
    return pathToFileURL(resolved).href;
  } catch {
    return undefined;
  }
}

type Task = { password: string; context?: PasswordContext };

/** How long a password-setting request may wait for the strength worker before it is refused. */
export const DEFAULT_STRENGTH_MAX_WAIT_MS = 5_000;

/**
 * A pool of `size` workers (./background-pool.ts), each loading the zxcvbn dictionaries once.
 * One estimate takes 10–200 ms for ordinary passwords and up to 0.7 s for 64 characters chosen
 * to be slow, so a burst of such passwords could queue sign-ups for minutes: an estimate that
 * would wait longer than `maxWaitMs` is refused at once instead.
 *
 * @example
 * const strength = createStrengthEstimator();
 * const { score } = await strength.estimate('correct horse battery staple', { email });
 */
export function createStrengthEstimator({
  size = 1,
  coreUrl = builtCoreUrl(),
  maxWaitMs = DEFAULT_STRENGTH_MAX_WAIT_MS,
}: { size?: number; coreUrl?: string; maxWaitMs?: number } = {}): StrengthEstimator {
  const inline = async ({ password, context }: Task) => (await loadPasswordStrength())(password, context);
  const pool = coreUrl
    ? createBackgroundPool<Task, PasswordStrength>({
        source: WORKER_SOURCE,
        workerData: { coreUrl },
        size,
        maxWaitMs,
        inline,
      })
    : undefined;
  let answered = false;

  return {
    get mode() {
      if (!pool || pool.mode === 'inline') return 'inline';
      return answered ? 'worker' : 'starting';
    },
    async estimate(password, context) {
      const task: Task = context ? { password, context } : { password };
      if (!pool) return inline(task);
      try {
        const result = await pool.run(task);
        answered ||= pool.mode === 'workers';
        return result;
      } catch (error) {
        if (error instanceof BackgroundPoolBusyError) throw error;
        // A worker that cannot estimate (core failed to load) must not fail a sign-up: estimate
        // here, now and from now on.
        await pool.close();
        return inline(task);
      }
    },
    close: async () => pool?.close(),
  };
}
