/**
 * @module Background priority for CPU-heavy password work (argon2id, zxcvbn) in worker threads.
 *
 * On a small machine a burst of sign-ups would otherwise take every core from the event loop, and
 * every cheap request (a session check on each page view) would wait behind hashes. Capping the
 * hashes to fewer threads than cores protects the event loop but leaves a core idle when nothing
 * else runs. Instead, each password worker lowers its own thread's scheduling priority (a higher
 * nice value, Linux `setpriority(2)` on the thread id): the hashes use every core the event loop
 * does not need, and yield to it — and to the other processes of the machine — when it does.
 */

/**
 * How much password worker threads lower their priority (nice increment, 0–19). `FOYER_WORKER_NICE`
 * overrides it; `0` keeps workers at the process's priority.
 */
export const WORKER_NICE_INCREMENT = clampNice(Number(process.env.FOYER_WORKER_NICE ?? 10));

function clampNice(value: number): number {
  return Number.isFinite(value) ? Math.min(19, Math.max(0, Math.round(value))) : 10;
}

/**
 * CommonJS source, run first in a worker thread: raises the nice value of that thread (not the
 * process) by `workerData.nice`. Linux only (the thread id comes from `/proc/thread-self`);
 * elsewhere, or when not permitted, the worker keeps its priority. Sets `globalThis.foyerNice` to
 * the nice value it ended with (or `null`), which the worker reports for tests and diagnostics.
 */
export const LOWER_THREAD_PRIORITY_SOURCE = `
globalThis.foyerNice = null;
try {
  const { readlinkSync } = require('node:fs');
  const os = require('node:os');
  const nice = Number(require('node:worker_threads').workerData.nice) || 0;
  const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
  if (Number.isInteger(tid) && tid > 0) {
    if (nice > 0) os.setPriority(tid, Math.min(19, os.getPriority(tid) + nice));
    globalThis.foyerNice = os.getPriority(tid);
  }
} catch {}
`;
