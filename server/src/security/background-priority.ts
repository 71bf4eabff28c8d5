/**
 * @module Background priority for CPU-heavy password work (argon2id, zxcvbn) in worker threads.
 *
 * On a small machine a burst of sign-ups would otherwise take every core from the event loop, and
 * every cheap request (a session check on each page view) would wait behind hashes. Capping the
 * hashes to fewer threads than cores protects the event loop but leaves a core idle when nothing
 * else runs. Instead, each password worker lowers its own thread's scheduling priority: the hashes
 * use every core the event loop does not need, and yield to it — and to the other processes of the
 * machine — when it does.
 *
 * On Linux a worker raises its thread's nice value (`setpriority(2)` on the thread id) and then
 * moves the thread to `SCHED_IDLE` (with util-linux `chrt`; Node has no binding for
 * `sched_setscheduler(2)`). Nice alone is not enough: the kernel lets a running nice thread finish
 * its time slice before a woken event loop gets the core, and in `npm run bench` the event loop
 * spent 22 % of a mixed run (session checks during a burst of sign-ups) waiting for the CPU, its
 * session rate falling to 45–57 % of its solo rate. A `SCHED_IDLE` thread is preempted as soon as
 * any normal thread wakes: 61–62 % in the same runs, with the same sign-in rate. The price: under a
 * load that keeps every core busy with normal work, hashes wait until a core is free.
 */

/**
 * How much password worker threads lower their priority (nice increment, 0–19). `FOYER_WORKER_NICE`
 * overrides it; `0` keeps workers at the process's priority.
 */
export const WORKER_NICE_INCREMENT = clampNice(Number(process.env.FOYER_WORKER_NICE ?? 10));

/**
 * Whether password workers also move to `SCHED_IDLE` (Linux, when `chrt` is there). `FOYER_WORKER_IDLE=0`
 * keeps them at `SCHED_OTHER` with only the nice increment.
 */
export const WORKER_SCHED_IDLE = process.env.FOYER_WORKER_IDLE !== '0';

function clampNice(value: number): number {
  return Number.isFinite(value) ? Math.min(19, Math.max(0, Math.round(value))) : 10;
}

/**
 * CommonJS source, run first in a worker thread: raises the nice value of that thread (not the
 * process) by `workerData.nice`, then, when `workerData.idle` is set, moves it to `SCHED_IDLE`.
 * Linux only (the thread id comes from `/proc/thread-self`); elsewhere, or when not permitted, the
 * worker keeps its priority. Sets `globalThis.foyerNice` to the nice value it ended with and
 * `globalThis.foyerPolicy` to `'idle'` or `'normal'` (or `null` for both where they cannot be read),
 * which the worker reports for tests and diagnostics.
 */
export const LOWER_THREAD_PRIORITY_SOURCE = `
globalThis.foyerNice = null;
globalThis.foyerPolicy = null;
try {
  const { readFileSync, readlinkSync } = require('node:fs');
  const os = require('node:os');
  const { workerData } = require('node:worker_threads');
  const nice = Number(workerData.nice) || 0;
  const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
  if (Number.isInteger(tid) && tid > 0) {
    if (nice > 0) os.setPriority(tid, Math.min(19, os.getPriority(tid) + nice));
    globalThis.foyerNice = os.getPriority(tid);
    if (nice > 0 && workerData.idle) {
      try {
        require('node:child_process').execFileSync('chrt', ['--idle', '--pid', '0', String(tid)], { stdio: 'ignore', timeout: 5000 });
      } catch {}
    }
    // Field 41 of /proc/<tid>/stat is the scheduling policy; 5 is SCHED_IDLE.
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
    globalThis.foyerPolicy = Number(fields[38]) === 5 ? 'idle' : 'normal';
  }
} catch {}
`;
