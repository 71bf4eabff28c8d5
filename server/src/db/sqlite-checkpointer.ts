/**
 * @module WAL checkpoints of SQLite databases off the event loop.
 *
 * In WAL mode SQLite copies the log back into the database file (a checkpoint, with an fsync)
 * inside whichever commit crosses `wal_autocheckpoint` pages. On the server that commit runs on the
 * event loop: a sign-in that happened to cross it stalled every request for up to ~20 ms (seen in
 * a profile of `npm run bench`). Here one worker thread per process holds its own connection to
 * each open database file and runs a `PASSIVE` checkpoint every {@link CHECKPOINT_INTERVAL_MS}
 * (never waiting for readers or writers); the serving connection keeps a large automatic
 * checkpoint only as a backstop, for when the worker cannot run.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the worker checkpoints each database. */
export const CHECKPOINT_INTERVAL_MS = 500;

/**
 * `wal_autocheckpoint` of a serving connection whose file has a checkpointer: 10,000 pages
 * (~40 MB of log) before a commit on the event loop checkpoints by itself. SQLite's default is 1,000.
 */
export const BACKSTOP_AUTOCHECKPOINT_PAGES = 10_000;

// CommonJS, evaluated in the worker: a connection per registered path, a PASSIVE checkpoint of
// each on a timer. A failing checkpoint (e.g. the file was removed) drops that path quietly.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driverPath);
const connections = new Map();
parentPort.on('message', ({ op, path }) => {
  if (op === 'add' && !connections.has(path)) {
    try {
      const db = new Database(path, { fileMustExist: true });
      db.pragma('busy_timeout = 0');
      connections.set(path, db);
    } catch {}
  } else if (op === 'remove') {
    const db = connections.get(path);
    connections.delete(path);
    try { db && db.close(); } catch {}
  }
});
setInterval(() => {
  for (const [path, db] of connections) {
    try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (error) {
      if (!/busy|locked/i.test(String(error && error.message))) { connections.delete(path); try { db.close(); } catch {} }
    }
  }
}, workerData.intervalMs).unref();
`;

let worker: Worker | undefined;
let failed = false;
const registered = new Set<string>();

function checkpointWorker(): Worker | undefined {
  if (failed) return undefined;
  if (worker) return worker;
  try {
    const driverPath = createRequire(import.meta.url).resolve('better-sqlite3');
    worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { driverPath, intervalMs: CHECKPOINT_INTERVAL_MS },
      execArgv: [],
    });
    worker.on('error', () => {
      failed = true;
      worker = undefined;
    });
    // Never keeps the process alive.
    worker.unref();
    return worker;
  } catch {
    failed = true;
    return undefined;
  }
}

/**
 * Starts checkpointing the database file at `path` in the background. Returns `false` when no
 * worker could start (the caller keeps SQLite's automatic checkpoints then).
 */
export function startCheckpointing(path: string): boolean {
  const target = checkpointWorker();
  if (!target) return false;
  registered.add(path);
  target.postMessage({ op: 'add', path });
  return true;
}

/** Stops checkpointing `path` and closes the worker's connection to it. */
export function stopCheckpointing(path: string): void {
  if (!registered.delete(path)) return;
  worker?.postMessage({ op: 'remove', path });
}

/** Paths being checkpointed in the background (for tests and diagnostics). */
export function checkpointedPaths(): string[] {
  return [...registered];
}
