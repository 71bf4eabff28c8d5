/**
 * @module argon2id password hashing with OWASP parameters (m=19456 KiB, t=2, p=1), off the event
 * loop: callers must not hold a database transaction across it.
 *
 * Hashes run in a pool of worker threads, one per core, each at background priority
 * (./background-priority.ts): a sign-in alone gets every core, and a burst of sign-ups never takes
 * the CPU from everyone else's requests, which the scheduler serves first. If the workers cannot
 * start, hashes run on the libuv thread pool instead, at most cores − 1 at once so request
 * handling keeps a core.
 */
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';
import { LOWER_THREAD_PRIORITY_SOURCE, WORKER_NICE_INCREMENT } from './background-priority.js';
import { createConcurrencyGate } from './concurrency-gate.js';

/**
 * How many argon2 hashes or verifies run at once in this process: one per core (the workers run
 * at background priority). `FOYER_HASH_CONCURRENCY` overrides it.
 */
export const HASH_CONCURRENCY = Math.max(1, Number(process.env.FOYER_HASH_CONCURRENCY) || availableParallelism());

/** argon2id parameters; OWASP Password Storage Cheat Sheet, 2nd recommended configuration. */
export const ARGON2_OPTIONS: Options = {
  // `Algorithm.Argon2id`: a const enum, which `verbatimModuleSyntax` cannot read from a .d.ts.
  algorithm: 2 as Algorithm,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
};

type Task = { op: 'hash'; password: string } | { op: 'verify'; passwordHash: string; password: string };
type Reply = { id: number; result?: string | boolean; error?: string; nice?: number | null };

// CommonJS, evaluated in each worker after it lowered its priority: one task at a time, with the
// library's synchronous calls (the worker's thread is the one that runs at background priority).
const WORKER_SOURCE = `${LOWER_THREAD_PRIORITY_SOURCE}
const { parentPort, workerData } = require('node:worker_threads');
const argon2 = require(workerData.argon2Path);
parentPort.on('message', ({ id, task }) => {
  try {
    const result = task.op === 'hash'
      ? argon2.hashSync(task.password, workerData.options)
      : argon2.verifySync(task.passwordHash, task.password);
    parentPort.postMessage({ id, result, nice: globalThis.foyerNice });
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.message) || error), nice: globalThis.foyerNice });
  }
});
`;

/** Runs argon2 tasks: in background-priority workers, or on the libuv pool as a fallback. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** `false` for a mismatch; rejects when the hash is malformed. */
  verify(passwordHash: string, password: string): Promise<boolean>;
  /** `workers` while the pool serves, `inline` after falling back to the libuv thread pool. */
  readonly mode: 'workers' | 'inline';
  /** The nice value the workers reported (Linux), `null` where it could not be set or read. */
  readonly workerNice: number | null | undefined;
  close(): Promise<void>;
}

/**
 * A pool of `size` argon2 workers at background priority. Tasks queue in arrival order and each
 * worker takes the next one when it is free.
 *
 * @example
 * const hasher = createPasswordHasher();
 * const ok = await hasher.verify(user.password_hash, password);
 */
export function createPasswordHasher({
  size = HASH_CONCURRENCY,
  nice = WORKER_NICE_INCREMENT,
  options = ARGON2_OPTIONS,
}: { size?: number; nice?: number; options?: Options } = {}): PasswordHasher {
  const gate = createConcurrencyGate(Math.max(1, availableParallelism() - 1));
  const runInline = (task: Task): Promise<string | boolean> =>
    gate.run<string | boolean>(() =>
      task.op === 'hash' ? hash(task.password, options) : verify(task.passwordHash, task.password),
    );

  let mode: PasswordHasher['mode'] = 'workers';
  let workerNice: number | null | undefined;
  const idle: Worker[] = [];
  const all: Worker[] = [];
  const queue: { task: Task; resolve: (value: string | boolean) => void; reject: (error: Error) => void }[] = [];
  const running = new Map<Worker, (typeof queue)[number]>();
  let nextId = 0;

  // What was waiting or running in a worker runs inline instead: nothing is lost.
  const drainInline = () => {
    const orphans = [...running.values(), ...queue.splice(0)];
    running.clear();
    idle.length = 0;
    for (const entry of orphans) runInline(entry.task).then(entry.resolve, entry.reject);
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
      // A worker keeps the process alive only while it works (idle workers never hold it open).
      worker.ref();
      worker.postMessage({ id: nextId++, task: entry.task });
    }
  };

  try {
    const argon2Path = createRequire(import.meta.url).resolve('@node-rs/argon2');
    for (let index = 0; index < size; index += 1) {
      // execArgv: [] — the host process's flags (test conditions, --inspect) are not the worker's.
      const worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { argon2Path, options, nice },
        execArgv: [],
      });
      worker.on('message', (reply: Reply) => {
        workerNice = reply.nice;
        const entry = running.get(worker);
        running.delete(worker);
        worker.unref();
        idle.push(worker);
        if (entry) {
          if (reply.error !== undefined) entry.reject(new Error(reply.error));
          else entry.resolve(reply.result!);
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

  const run = (task: Task): Promise<string | boolean> => {
    if (mode === 'inline') return runInline(task);
    return new Promise((resolve, reject) => {
      queue.push({ task, resolve, reject });
      dispatch();
    });
  };

  return {
    get mode() {
      return mode;
    },
    get workerNice() {
      return workerNice;
    },
    hash: async (password) => (await run({ op: 'hash', password })) as string,
    verify: async (passwordHash, password) => (await run({ op: 'verify', passwordHash, password })) as boolean,
    async close() {
      const workers = all.splice(0);
      // Closing is not a failure: what still waits runs inline.
      mode = 'inline';
      drainInline();
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

let shared: PasswordHasher | undefined;

/** The process's hasher, started on first use (workers are unref'd: they never keep it alive). */
export function passwordHasher(): PasswordHasher {
  return (shared ??= createPasswordHasher());
}

/** Hashes a password to a PHC string. */
export async function hashPassword(password: string): Promise<string> {
  return passwordHasher().hash(password);
}

/** Verifies a password against a PHC string; a malformed hash counts as a mismatch. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await passwordHasher().verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * A hash of a random password with the same parameters, verified against when the email is
 * unknown so that "no such user" takes as long as "wrong password".
 */
export async function createDummyPasswordHash(): Promise<string> {
  return hashPassword(randomBytes(24).toString('base64url'));
}
