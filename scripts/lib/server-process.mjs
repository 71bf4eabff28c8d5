/**
 * @module Starts a real server process for the end-to-end test, the bench and the screenshot:
 * a free port, a temporary SQLite database, readiness polling, and a stop() that always kills it.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

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
 * Runs `node <script>` (default: the built Foyer server) on a free port with a fresh SQLite file,
 * waits until `readyPath` answers, and returns its URL and a `stop()`.
 *
 * @param {{ script?: string, env?: Record<string,string>, readyPath?: string, timeoutMs?: number,
 *   quiet?: boolean, name?: string }} [options]
 */
export async function startServerProcess({
  script = join(root, 'server/dist/main.js'),
  env = {},
  readyPath = '/auth/session',
  timeoutMs = 30_000,
  quiet = true,
  name = 'server',
} = {}) {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'foyer-'));
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
      DATABASE_URL: `sqlite:${join(dataDir, 'foyer.db')}`,
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
  return { url, port, child, stop, logs: () => logs, dataDir };
}
