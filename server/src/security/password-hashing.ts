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
import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';
import { BackgroundPoolBusyError, createBackgroundPool } from './background-pool.js';
import { WORKER_SCHED_IDLE, WORKER_NICE_INCREMENT } from './background-priority.js';
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

// Each worker runs the library's synchronous calls, so the thread that works is the one at
// background priority (not a libuv thread of the worker).
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const argon2 = require(workerData.argon2Path);
const runTask = (task) => task.op === 'hash'
  ? argon2.hashSync(task.password, workerData.options)
  : argon2.verifySync(task.passwordHash, task.password);
`;

/** Runs argon2 tasks: in background-priority workers, or on the libuv pool as a fallback. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** `false` for a mismatch; rejects when the hash is malformed. */
  verify(passwordHash: string, password: string): Promise<boolean>;
  /** `workers` while the pool serves, `inline` after falling back to the libuv thread pool. */
  readonly mode: 'workers' | 'inline';
  /** How long a hash or verify asked for now would wait for a worker, in ms (./background-pool.ts). */
  readonly estimatedWaitMs: number;
  /** The nice value the workers reported (Linux), `null` where it could not be set or read. */
  readonly workerNice: number | null | undefined;
  /** The scheduling policy the workers reported (Linux: `idle` for `SCHED_IDLE`), `null` where it could not be read. */
  readonly workerPolicy: 'idle' | 'normal' | null | undefined;
  close(): Promise<void>;
}

/**
 * A pool of `size` argon2 workers at background priority (./background-pool.ts). The fallback
 * runs on the libuv pool, at most cores − 1 hashes at once so request handling keeps a core.
 *
 * @example
 * const hasher = createPasswordHasher();
 * const ok = await hasher.verify(user.password_hash, password);
 */
export function createPasswordHasher({
  size = HASH_CONCURRENCY,
  nice = WORKER_NICE_INCREMENT,
  idle = WORKER_SCHED_IDLE,
  options = ARGON2_OPTIONS,
}: { size?: number; nice?: number; idle?: boolean; options?: Options } = {}): PasswordHasher {
  const gate = createConcurrencyGate(Math.max(1, availableParallelism() - 1));
  const pool = createBackgroundPool<Task, string | boolean>({
    source: WORKER_SOURCE,
    workerData: { argon2Path: createRequire(import.meta.url).resolve('@node-rs/argon2'), options },
    size,
    nice,
    idle,
    inline: (task) =>
      gate.run<string | boolean>(() =>
        task.op === 'hash' ? hash(task.password, options) : verify(task.passwordHash, task.password),
      ),
  });
  return {
    get mode() {
      return pool.mode;
    },
    get workerNice() {
      return pool.workerNice;
    },
    get workerPolicy() {
      return pool.workerPolicy;
    },
    get estimatedWaitMs() {
      return pool.estimatedWaitMs;
    },
    hash: async (password) => (await pool.run({ op: 'hash', password })) as string,
    verify: async (passwordHash, password) => (await pool.run({ op: 'verify', passwordHash, password })) as boolean,
    close: () => pool.close(),
  };
}

let shared: PasswordHasher | undefined;

/** The process's hasher, started on first use (workers are unref'd: they never keep it alive). */
export function passwordHasher(): PasswordHasher {
  return (shared ??= createPasswordHasher());
}

/** How long a request may wait for a password hash or verify before it is refused. */
export const DEFAULT_HASH_MAX_WAIT_MS = 5_000;

/**
 * Load shedding for routes that hash or verify a password: throws `BackgroundPoolBusyError`
 * (answered `429 rate_limited` with `Retry-After`) when a hash asked for now would wait longer
 * than `maxWaitMs` behind the queued ones. Call it before anything is counted or stored: a
 * refused sign-in must not spend a lockout attempt, and `verifyPassword` reads any error as a
 * mismatch, so the pool itself is not bounded.
 */
export function assertHashCapacity(maxWaitMs: number): void {
  const wait = passwordHasher().estimatedWaitMs;
  if (wait > maxWaitMs) throw new BackgroundPoolBusyError(wait);
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
