#!/usr/bin/env node
/**
 * `npm start`: builds what the server serves when it is missing or older than its sources
 * (dist/foyer.js, server/dist/main.js), then runs the server (`node server/dist/main.js`) with this
 * process's environment — PORT, DATABASE_URL, SMTP_URL, … (see docs/configuration.md).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runCommand } from './lib/run-command.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const OUTPUTS = ['dist/foyer.js', 'server/dist/main.js', 'packages/core/dist/index.js'];
const SOURCES = ['packages/core/src', 'packages/elements/src', 'server/src'];

/** Newest modification time of any file under `dir` (0 when it does not exist). */
function newestMtime(dir) {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    newest = Math.max(newest, statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return newest;
}

function buildNeeded() {
  const outputs = OUTPUTS.map((file) => join(root, file));
  const missing = outputs.filter((file) => !existsSync(file));
  if (missing.length > 0) return `missing ${missing.map((f) => f.slice(root.length)).join(', ')}`;
  const oldestOutput = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  const newestSource = Math.max(...SOURCES.map((dir) => newestMtime(join(root, dir))));
  return newestSource > oldestOutput ? 'sources changed since the last build' : null;
}

const reason = buildNeeded();
if (reason) {
  console.log(`Building first (${reason}) …`);
  const build = await runCommand(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root });
  if (build.code !== 0) {
    console.error('Build failed; not starting the server.');
    process.exit(build.code);
  }
}

const server = spawn(process.execPath, ['--enable-source-maps', join(root, 'server/dist/main.js')], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => server.kill(signal));
}
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
