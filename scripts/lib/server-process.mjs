/**
 * @module Starts a real server process for the end-to-end test, the bench and the screenshot:
 * a free port, a temporary database (a SQLite file, or a fresh PostgreSQL database), readiness
 * polling, and a stop() that always kills it and removes the database.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Where PostgreSQL databases are created and dropped (the server suites use the same variable). */
export const PG_URL = process.env.PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Runs one statement on the `PG_URL` database (CREATE / DROP DATABASE cannot run in a pool's transaction). */
async function adminQuery(statement) {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * Whether PostgreSQL answers at `PG_URL`.
 * @returns {Promise<string | undefined>} why not, or `undefined` when it does
 */
export async function postgresUnavailable() {
  try {
    await adminQuery('select 1');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * A fresh, empty PostgreSQL database next to `PG_URL`'s, and how to drop it.
 * @returns {Promise<{ url: string, drop: () => Promise<void> }>}
 */
export async function createPostgresDatabase(prefix = 'foyer_e2e') {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  // FORCE: the server process is gone by then; a connection it leaked must not keep the database.
  return { url: url.href, drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** A TCP port that was free a moment ago. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Runs `node <script>` (default: the built Foyer server) on a free port with a fresh database,
 * waits until `readyPath` answers, and returns its URL and a `stop()`.
 *
 * `database`: `sqlite` (a file in a temporary directory) or `postgres` (a database created at
 * `PG_URL`'s server for this process and dropped by `stop()`). Defaults to the
 * `FOYER_E2E_DATABASE` environment variable, else `sqlite`: scripts/test.mjs runs the
 * end-to-end files once per database this way.
 *
 * @param {{ script?: string, env?: Record<string,string>, readyPath?: string, timeoutMs?: number,
 *   quiet?: boolean, name?: string, database?: 'sqlite' | 'postgres' }} [options]
 */
export async function startServerProcess({
  script = join(root, 'server/dist/main.js'),
  env = {},
  readyPath = '/auth/session',
  timeoutMs = 30_000,
  quiet = true,
  name = 'server',
  database = /** @type {'sqlite' | 'postgres'} */ (process.env.FOYER_E2E_DATABASE || 'sqlite'),
} = {}) {
  if (database !== 'sqlite' && database !== 'postgres') throw new Error(`unknown database "${database}"`);
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'foyer-'));
  const postgres = database === 'postgres' ? await createPostgresDatabase() : null;
  const url = `http://localhost:${port}`;
  const child = spawn(process.execPath, ['--enable-source-maps', script], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      PUBLIC_URL: url,
      DATABASE_URL: postgres ? postgres.url : `sqlite:${join(dataDir, 'foyer.db')}`,
      SMTP_URL: '',
      ...env,
    },
  });
  let logs = '';
  const collect = (chunk) => {
    logs += chunk;
    if (logs.length > 200_000) logs = logs.slice(-100_000);
    if (!quiet) process.stderr.write(`[${name}] ${chunk}`);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  let exited = null;
  const exitPromise = new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      resolve(exited);
    }),
  );

  const stop = async () => {
    if (!exited) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exitPromise;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
    await postgres?.drop();
  };
  // Never leave a server behind, whatever happens to the parent.
  process.once('exit', () => child.kill('SIGKILL'));

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) {
      await stop();
      throw new Error(`${name} exited early (${JSON.stringify(exited)}):\n${logs}`);
    }
    try {
      const response = await fetch(`${url}${readyPath}`);
      await response.arrayBuffer();
      break;
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`${name} did not answer on ${url}${readyPath} within ${timeoutMs} ms:\n${logs}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return { url, port, child, stop, logs: () => logs, dataDir, database };
}
