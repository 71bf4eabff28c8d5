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
import { LOWER_THREAD_PRIORITY_SOURCE, WORKER_NICE_INCREMENT } from './background-priority.js';

/** A pool of background-priority workers running one kind of task. */
export interface BackgroundPool<T, R> {
  /** Runs a task in the next free worker (or inline, after a fallback). Rejects with the task's error. */
  run(task: T): Promise<R>;
  /** `workers` while the pool serves, `inline` after a worker failed or the pool closed. */
  readonly mode: 'workers' | 'inline';
  /** The nice value a worker last reported (Linux), `null` where it could not be set or read; `undefined` before any answer. */
  readonly workerNice: number | null | undefined;
  /** Stops the workers; what is queued or running finishes inline. */
  close(): Promise<void>;
}

/** Options of {@link createBackgroundPool}. */
export interface BackgroundPoolOptions<T, R> {
  /**
   * CommonJS source run once in each worker, after it lowered its priority: it must define
   * `runTask(task)`, returning the result or a promise of it. `workerData` is in scope via
   * `require('node:worker_threads')`.
   */
  source: string;
  /** Handed to each worker as `workerData` (plus `nice`). Structured-cloneable. */
  workerData?: Record<string, unknown>;
  /** How many workers. */
  size: number;
  /** Nice increment of the workers' threads. @default WORKER_NICE_INCREMENT */
  nice?: number;
  /** Runs a task on this thread: the fallback. */
  inline: (task: T) => Promise<R>;
}

type Reply<R> = { id: number; result?: R; error?: string; nice?: number | null };
type Entry<T, R> = { task: T; resolve: (value: R) => void; reject: (error: Error) => void };

// Appended to every pool's source: one task at a time, answered with the worker's nice value.
const DISPATCH_SOURCE = `
require('node:worker_threads').parentPort.on('message', async ({ id, task }) => {
  const port = require('node:worker_threads').parentPort;
  try {
    port.postMessage({ id, result: await runTask(task), nice: globalThis.foyerNice });
  } catch (error) {
    port.postMessage({ id, error: String((error && error.message) || error), nice: globalThis.foyerNice });
  }
});
`;

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
  let mode: BackgroundPool<T, R>['mode'] = 'workers';
  let workerNice: number | null | undefined;
  const all: Worker[] = [];
  const idle: Worker[] = [];
  const queue: Entry<T, R>[] = [];
  const running = new Map<Worker, Entry<T, R>>();
  let nextId = 0;

  // What was waiting or running in a worker runs inline instead: nothing is lost.
  const drainInline = () => {
    const orphans = [...running.values(), ...queue.splice(0)];
    running.clear();
    idle.length = 0;
    for (const entry of orphans) inline(entry.task).then(entry.resolve, entry.reject);
  };

  const fallBack = () => {
    if (mode === 'inline') return;
    mode = 'inline';
    for (const worker of all.splice(0)) void worker.terminate();
    drainInline();
  };

  const dispatch = () => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop()!;
      const entry = queue.shift()!;
      running.set(worker, entry);
      worker.ref();
      worker.postMessage({ id: nextId++, task: entry.task });
    }
  };

  try {
    const source = `${LOWER_THREAD_PRIORITY_SOURCE}\n${options.source}\n${DISPATCH_SOURCE}`;
    const workerData = { ...options.workerData, nice: options.nice ?? WORKER_NICE_INCREMENT };
    for (let index = 0; index < options.size; index += 1) {
      // execArgv: [] — the host process's flags (test conditions, --inspect) are not the worker's.
      const worker = new Worker(source, { eval: true, workerData, execArgv: [] });
      worker.on('message', (reply: Reply<R>) => {
        workerNice = reply.nice;
        const entry = running.get(worker);
        running.delete(worker);
        worker.unref();
        idle.push(worker);
        if (entry) {
          if (reply.error !== undefined) entry.reject(new Error(reply.error));
          else entry.resolve(reply.result as R);
        }
        dispatch();
      });
      worker.on('error', fallBack);
      worker.on('exit', fallBack);
      // After the listeners: adding a 'message' listener refs the worker again.
      worker.unref();
      all.push(worker);
      idle.push(worker);
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
    run(task) {
      if (mode === 'inline') return inline(task);
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
