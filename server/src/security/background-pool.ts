/**
 * @module The one worker pool for CPU-heavy password work (argon2id hashes, zxcvbn estimates):
 * worker threads at background priority (./background-priority.ts), a queue in arrival order, and
 * a fallback to this thread that loses nothing.
 *
 * A worker keeps the process alive only while it works, so a script waiting on a task does not
 * exit early and an idle pool never holds a process open. If a worker fails or exits, or the pool
 * is closed, what was queued or running runs inline (the `inline` function) and so does every
 * later task.
 */
import { Worker } from 'node:worker_threads';
import { LOWER_THREAD_PRIORITY_SOURCE, WORKER_SCHED_IDLE, WORKER_NICE_INCREMENT } from './background-priority.js';

/**
 * Thrown by {@link BackgroundPool.run} when a new task would wait longer than the pool's
 * `maxWaitMs`: the caller answers "busy, retry after `retryAfterSeconds`" instead of queueing
 * without bound (load shedding).
 */
export class BackgroundPoolBusyError extends Error {
  override readonly name = 'BackgroundPoolBusyError';
  constructor(
    /** The wait the task would have had, estimated from the queue and recent task times. */
    readonly estimatedWaitMs: number,
  ) {
    super(`background pool busy: a new task would wait about ${Math.round(estimatedWaitMs)} ms`);
  }

  /** When to try again: the estimated wait, in whole seconds (at least 1). */
  get retryAfterSeconds(): number {
    return Math.max(1, Math.ceil(this.estimatedWaitMs / 1000));
  }
}

/** A pool of background-priority workers running one kind of task. */
export interface BackgroundPool<T, R> {
  /**
   * Runs a task in the next free worker (or inline, after a fallback). Rejects with the task's
   * error, or at once with {@link BackgroundPoolBusyError} when it would wait over `maxWaitMs`.
   */
  run(task: T): Promise<R>;
  /** How long a task handed over now would wait for a worker, in ms (0 until a task has finished). */
  readonly estimatedWaitMs: number;
  /** `workers` while the pool serves, `inline` after a worker failed or the pool closed. */
  readonly mode: 'workers' | 'inline';
  /** The nice value a worker last reported (Linux), `null` where it could not be set or read; `undefined` before any answer. */
  readonly workerNice: number | null | undefined;
  /** The scheduling policy a worker last reported (Linux), `null` where it could not be read; `undefined` before any answer. */
  readonly workerPolicy: 'idle' | 'normal' | null | undefined;
  /** Stops the workers; what is queued or running finishes inline. */
  close(): Promise<void>;
}

/** Options of {@link createBackgroundPool}. */
export interface BackgroundPoolOptions<T, R> {
  /**
   * CommonJS source run once in each worker, after it lowered its priority: it must define
   * `runTask(task)`, returning the result or a promise of it. `workerData` is in scope via
   * `require('node:worker_threads')`. A source with slow setup (loading dictionaries) sets
   * `globalThis.foyerReady` to a promise of it: tasks wait for it before their time is measured.
   */
  source: string;
  /** Handed to each worker as `workerData` (plus `nice` and `idle`). Structured-cloneable. */
  workerData?: Record<string, unknown>;
  /** How many workers. */
  size: number;
  /** Nice increment of the workers' threads. @default WORKER_NICE_INCREMENT */
  nice?: number;
  /** Whether the workers also move to `SCHED_IDLE` (only with a nice increment above 0). @default WORKER_SCHED_IDLE */
  idle?: boolean;
  /**
   * Tasks handed to one worker at once. Above 1, a worker that finishes a task starts the next
   * one from its own message queue instead of idling until the busy event loop hands it over
   * (measured: the workers' cores were 11 % idle during a sign-in burst with 1). @default 2
   */
  prefetch?: number;
  /**
   * Refuse a task (with {@link BackgroundPoolBusyError}) when the work ahead of it — queued and
   * handed-out tasks times the recent mean task time, shared among the workers — exceeds this.
   * The bound is in time, not tasks: it lets hundreds of ordinary tasks queue, but only a few
   * of the slowest. Not applied after a fallback to inline. @default Infinity
   */
  maxWaitMs?: number;
  /** Runs a task on this thread: the fallback. */
  inline: (task: T) => Promise<R>;
}

type Reply<R> = {
  id: number;
  /** How long the task ran in the worker (ms). */
  ms: number;
  result?: R;
  error?: string;
  nice?: number | null;
  policy?: 'idle' | 'normal' | null;
};
type Entry<T, R> = { task: T; resolve: (value: R) => void; reject: (error: Error) => void };

// Appended to every pool's source: one task at a time, answered with its run time and the
// worker's priority.
const DISPATCH_SOURCE = `
require('node:worker_threads').parentPort.on('message', async ({ id, task }) => {
  const port = require('node:worker_threads').parentPort;
  await globalThis.foyerReady; // setup time is not task time (the pool's wait estimate)
  const started = performance.now();
  const about = () => ({ id, ms: performance.now() - started, nice: globalThis.foyerNice, policy: globalThis.foyerPolicy });
  try {
    const result = await runTask(task);
    port.postMessage({ ...about(), result });
  } catch (error) {
    port.postMessage({ ...about(), error: String((error && error.message) || error) });
  }
});
`;

/** Weight of the newest task time in the running mean. */
const TASK_TIME_SMOOTHING = 0.2;

/**
 * Starts `size` workers over `source`. Tasks queue in arrival order and each worker takes the
 * next one when it is free.
 *
 * @example
 * const pool = createBackgroundPool<string, number>({
 *   source: 'const runTask = (text) => text.length;',
 *   size: 2,
 *   inline: async (text) => text.length,
 * });
 * await pool.run('four'); // 4, computed in a worker
 */
export function createBackgroundPool<T, R>(options: BackgroundPoolOptions<T, R>): BackgroundPool<T, R> {
  const { inline } = options;
  const prefetch = Math.max(1, options.prefetch ?? 2);
  let mode: BackgroundPool<T, R>['mode'] = 'workers';
  let workerNice: number | null | undefined;
  let workerPolicy: BackgroundPool<T, R>['workerPolicy'];
  const all: Worker[] = [];
  const queue: Entry<T, R>[] = [];
  // Handed to a worker and not answered yet, by task id (in the order they were handed out).
  const inFlight = new Map<number, { worker: Worker; entry: Entry<T, R> }>();
  const load = new Map<Worker, number>();
  let nextId = 0;
  const maxWaitMs = options.maxWaitMs ?? Number.POSITIVE_INFINITY;
  // Running mean of task times in the workers; undefined until a task has finished.
  let meanTaskMs: number | undefined;
  const estimatedWaitMs = () =>
    meanTaskMs === undefined ? 0 : ((queue.length + inFlight.size) * meanTaskMs) / Math.max(1, all.length);

  // What was waiting or running in a worker runs inline instead: nothing is lost.
  const drainInline = () => {
    const orphans = [...[...inFlight.values()].map(({ entry }) => entry), ...queue.splice(0)];
    inFlight.clear();
    load.clear();
    for (const entry of orphans) inline(entry.task).then(entry.resolve, entry.reject);
  };

  const fallBack = () => {
    if (mode === 'inline') return;
    mode = 'inline';
    for (const worker of all.splice(0)) void worker.terminate();
    drainInline();
  };

  // Each task goes to the least loaded worker with room; a worker is ref'd while it has work.
  const dispatch = () => {
    while (queue.length > 0) {
      let worker: Worker | undefined;
      let least = prefetch;
      for (const candidate of all) {
        const tasks = load.get(candidate) ?? 0;
        if (tasks < least) [worker, least] = [candidate, tasks];
      }
      if (!worker) return;
      const entry = queue.shift()!;
      const id = nextId++;
      inFlight.set(id, { worker, entry });
      load.set(worker, least + 1);
      if (least === 0) worker.ref();
      worker.postMessage({ id, task: entry.task });
    }
  };

  try {
    const source = `${LOWER_THREAD_PRIORITY_SOURCE}\n${options.source}\n${DISPATCH_SOURCE}`;
    const workerData = {
      ...options.workerData,
      nice: options.nice ?? WORKER_NICE_INCREMENT,
      idle: options.idle ?? WORKER_SCHED_IDLE,
    };
    for (let index = 0; index < options.size; index += 1) {
      // execArgv: [] — the host process's flags (test conditions, --inspect) are not the worker's.
      const worker = new Worker(source, { eval: true, workerData, execArgv: [] });
      worker.on('message', (reply: Reply<R>) => {
        workerNice = reply.nice;
        workerPolicy = reply.policy;
        meanTaskMs = meanTaskMs === undefined ? reply.ms : meanTaskMs + TASK_TIME_SMOOTHING * (reply.ms - meanTaskMs);
        const handed = inFlight.get(reply.id);
        // Not handed out (any more): answered inline after the pool closed.
        if (!handed) return;
        inFlight.delete(reply.id);
        const tasks = (load.get(worker) ?? 1) - 1;
        load.set(worker, tasks);
        if (tasks === 0) worker.unref();
        if (reply.error !== undefined) handed.entry.reject(new Error(reply.error));
        else handed.entry.resolve(reply.result as R);
        dispatch();
      });
      worker.on('error', fallBack);
      worker.on('exit', fallBack);
      // After the listeners: adding a 'message' listener refs the worker again.
      worker.unref();
      all.push(worker);
    }
  } catch {
    fallBack();
  }

  return {
    get mode() {
      return mode;
    },
    get workerNice() {
      return workerNice;
    },
    get workerPolicy() {
      return workerPolicy;
    },
    get estimatedWaitMs() {
      return mode === 'inline' ? 0 : estimatedWaitMs();
    },
    run(task) {
      if (mode === 'inline') return inline(task);
      const wait = estimatedWaitMs();
      if (wait > maxWaitMs) return Promise.reject(new BackgroundPoolBusyError(wait));
      return new Promise<R>((resolve, reject) => {
        queue.push({ task, resolve, reject });
        dispatch();
      });
    },
    async close() {
      const workers = all.splice(0);
      // Closing is not a failure: what still waits runs inline.
      mode = 'inline';
      drainInline();
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
