/** @module Runs a command with inherited stdio and resolves with its exit code (never throws). */
import { spawn } from 'node:child_process';

/**
 * @param {string} command
 * @param {string[]} args
 * @param {import('node:child_process').SpawnOptions & { capture?: boolean, echo?: boolean }} [options]
 *   `capture: true` also collects stdout+stderr into `output`; they are still echoed unless `echo: false`.
 * @returns {Promise<{ code: number, output: string }>}
 */
export function runCommand(command, args, { capture = false, echo = true, ...options } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      ...options,
    });
    let output = '';
    if (capture) {
      for (const stream of [child.stdout, child.stderr]) {
        stream.on('data', (chunk) => {
          output += chunk;
          if (echo) (stream === child.stdout ? process.stdout : process.stderr).write(chunk);
        });
      }
    }
    child.on('error', (error) => {
      output += String(error);
      console.error(error);
      resolve({ code: 127, output });
    });
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), output }));
  });
}

/** Path of a package's bin inside node_modules/.bin, so scripts never depend on `npx` lookups. */
export function bin(name) {
  return new URL(`../../node_modules/.bin/${name}`, import.meta.url).pathname;
}
