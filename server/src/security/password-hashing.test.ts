/**
 * argon2id off the event loop: a pool of worker threads at background priority (Linux), the same
 * PHC strings as the library, and nothing lost when the pool closes or cannot run.
 */
import { execFile, execFileSync } from 'node:child_process';
import { platform } from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { verify } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import { WORKER_SCHED_IDLE, WORKER_NICE_INCREMENT } from './background-priority.js';
import { ARGON2_OPTIONS, createPasswordHasher, hashPassword, verifyPassword } from './password-hashing.js';

const PASSWORD = 'correct horse battery staple';

/** Why the SCHED_IDLE test cannot run here, or `undefined` when it can (Linux with util-linux `chrt`). */
function schedIdleUnavailable(): string | undefined {
  if (platform() !== 'linux') return `SCHED_IDLE is Linux-only (this is ${platform()})`;
  try {
    execFileSync('chrt', ['--version'], { stdio: 'ignore' });
    return undefined;
  } catch {
    return 'util-linux chrt is not installed';
  }
}
const SCHED_IDLE_UNAVAILABLE = schedIdleUnavailable();
if (SCHED_IDLE_UNAVAILABLE) console.log(`skipping the SCHED_IDLE worker test: ${SCHED_IDLE_UNAVAILABLE}`);

describe('createPasswordHasher', () => {
  it('hashes in workers with the OWASP parameters, and verifies right and wrong passwords', async () => {
    const hasher = createPasswordHasher({ size: 2 });
    try {
      const hash = await hasher.hash(PASSWORD);
      expect(hash).toMatch(
        new RegExp(`^\\$argon2id\\$v=19\\$m=${ARGON2_OPTIONS.memoryCost},t=${ARGON2_OPTIONS.timeCost},p=1\\$`),
      );
      expect(hasher.mode).toBe('workers');
      // The library itself agrees: same format, same parameters.
      expect(await verify(hash, PASSWORD)).toBe(true);
      const answers = await Promise.all([
        hasher.verify(hash, PASSWORD),
        hasher.verify(hash, `${PASSWORD}!`),
        hasher.verify(hash, PASSWORD),
        hasher.verify(hash, ''),
        hasher.verify(hash, PASSWORD),
      ]);
      expect(answers).toEqual([true, false, true, false, true]);
    } finally {
      await hasher.close();
    }
  });

  it.skipIf(platform() !== 'linux')('runs its workers at a lower scheduling priority (Linux)', async () => {
    const hasher = createPasswordHasher({ size: 1, nice: 7 });
    try {
      await hasher.hash(PASSWORD);
      // Relative to the test process's own nice value (0 here, capped at 19).
      expect(hasher.workerNice).toBe(Math.min(19, 7));
    } finally {
      await hasher.close();
    }
    expect(WORKER_NICE_INCREMENT).toBeGreaterThan(0);
  });

  it.skipIf(SCHED_IDLE_UNAVAILABLE !== undefined)(
    'moves its workers to SCHED_IDLE, so a waking event loop preempts a hash at once (Linux, chrt)',
    async () => {
      const idle = createPasswordHasher({ size: 1, nice: 5 });
      const normal = createPasswordHasher({ size: 1, nice: 5, idle: false });
      try {
        await Promise.all([idle.hash(PASSWORD), normal.hash(PASSWORD)]);
        expect(idle.workerPolicy).toBe('idle');
        expect(normal.workerPolicy).toBe('normal');
        expect([idle.workerNice, normal.workerNice]).toEqual([5, 5]);
      } finally {
        await Promise.all([idle.close(), normal.close()]);
      }
      expect(WORKER_SCHED_IDLE).toBe(true);
    },
  );

  it('refuses a malformed hash (verifyPassword answers false)', async () => {
    const hasher = createPasswordHasher({ size: 1 });
    try {
      await expect(hasher.verify('not-a-phc-string', PASSWORD)).rejects.toThrow();
    } finally {
      await hasher.close();
    }
    expect(await verifyPassword('$argon2id$v=19$m=19456,t=2,p=1$broken', PASSWORD)).toBe(false);
    expect(await verifyPassword(await hashPassword(PASSWORD), PASSWORD)).toBe(true);
  });

  it('finishes queued work inline when closed, and keeps answering after', async () => {
    const hasher = createPasswordHasher({ size: 1 });
    const hash = await hasher.hash(PASSWORD);
    const queued = [hasher.verify(hash, PASSWORD), hasher.verify(hash, 'wrong'), hasher.verify(hash, PASSWORD)];
    await hasher.close();
    expect(await Promise.all(queued)).toEqual([true, false, true]);
    expect(hasher.mode).toBe('inline');
    expect(await hasher.verify(hash, PASSWORD)).toBe(true);
  });

  it('keeps a script alive while it hashes, and lets it exit when idle', async () => {
    // A child process whose only pending work is a hash: it must print the result (not exit
    // early), then exit by itself although the shared pool is never closed.
    const moduleUrl = new URL('./password-hashing.ts', import.meta.url).href;
    const script = `const m = await import(${JSON.stringify(moduleUrl)}); const h = await m.hashPassword('x'); console.log(await m.verifyPassword(h, 'x'));`;
    const root = fileURLToPath(new URL('../../..', import.meta.url));
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '--eval', script],
      { cwd: root, timeout: 30_000 },
    );
    expect(stdout.trim()).toBe('true');
  });
});
