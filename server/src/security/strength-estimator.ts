/**
 * @module Password strength (zxcvbn-ts) off the main thread. One estimate costs 5–60 ms of pure
 * CPU; run inline, a burst of sign-ups would stall every other request of the event loop (session
 * checks fell to 3 % of their solo rate in `npm run bench`). A small worker pool runs the same
 * core estimator at background priority; if the worker cannot start (e.g. core is not built yet), estimates run inline.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { loadPasswordStrength, type PasswordContext, type PasswordStrength } from '@foyer/core';
import { LOWER_THREAD_PRIORITY_SOURCE, WORKER_NICE_INCREMENT } from './background-priority.js';

/** Estimates password strength, in a worker when it can. */
export interface StrengthEstimator {
  estimate(password: string, context?: PasswordContext): Promise<PasswordStrength>;
  /** `worker` once a worker answered, `inline` when estimates run on the main thread. */
  readonly mode: 'worker' | 'inline' | 'starting';
  close(): Promise<void>;
}

// A CommonJS script evaluated in the worker: imports the built @foyer/core by URL (handed over by
// the main thread, so resolution does not depend on the working directory) and answers requests.
// It first lowers its thread's priority (./background-priority.ts), like the argon2 workers.
const WORKER_SOURCE = `${LOWER_THREAD_PRIORITY_SOURCE}
const { parentPort, workerData } = require('node:worker_threads');
const ready = import(workerData.coreUrl).then((core) => core.loadPasswordStrength());
parentPort.on('message', async ({ id, password, context }) => {
  try {
    const estimate = await ready;
    parentPort.postMessage({ id, result: estimate(password, context) });
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.message) || error) });
  }
});
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

type Pending = { resolve: (value: PasswordStrength) => void; reject: (error: Error) => void };

/**
 * A pool of `size` workers (round robin), each loading the zxcvbn dictionaries once.
 *
 * @example
 * const strength = createStrengthEstimator();
 * const { score } = await strength.estimate('correct horse battery staple', { email });
 */
export function createStrengthEstimator({
  size = 1,
  coreUrl = builtCoreUrl(),
}: { size?: number; coreUrl?: string } = {}): StrengthEstimator {
  const pending = new Map<number, Pending>();
  const workers: Worker[] = [];
  let mode: StrengthEstimator['mode'] = coreUrl ? 'starting' : 'inline';
  let nextId = 0;
  let turn = 0;

  const failAll = (error: Error) => {
    mode = 'inline';
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };

  if (coreUrl) {
    for (let index = 0; index < size; index += 1) {
      // execArgv: [] — the host process's flags (test-runner conditions, --inspect) are not the worker's.
      const worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { coreUrl, nice: WORKER_NICE_INCREMENT },
        execArgv: [],
      });
      worker.unref();
      worker.on('message', (message: { id: number; result?: PasswordStrength; error?: string }) => {
        const entry = pending.get(message.id);
        if (!entry) return;
        pending.delete(message.id);
        if (message.result) {
          mode = 'worker';
          entry.resolve(message.result);
        } else entry.reject(new Error(message.error ?? 'strength worker failed'));
      });
      worker.on('error', (error) => failAll(error));
      worker.on('exit', () => failAll(new Error('strength worker exited')));
      workers.push(worker);
    }
  }

  const inline = async (password: string, context?: PasswordContext) =>
    (await loadPasswordStrength())(password, context);

  return {
    get mode() {
      return mode;
    },
    async estimate(password, context) {
      const worker = workers[turn++ % Math.max(1, workers.length)];
      if (mode === 'inline' || !worker) return inline(password, context);
      const id = nextId++;
      try {
        return await new Promise<PasswordStrength>((resolve, reject) => {
          pending.set(id, { resolve, reject });
          worker.postMessage({ id, password, context });
        });
      } catch {
        // A broken worker must not fail a sign-up: estimate here instead.
        mode = 'inline';
        return inline(password, context);
      }
    },
    async close() {
      const all = workers.splice(0);
      await Promise.all(all.map((worker) => worker.terminate()));
    },
  };
}
