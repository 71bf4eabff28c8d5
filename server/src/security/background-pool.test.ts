/**
 * The worker pool behind argon2 and zxcvbn: tasks run in workers, in arrival order; a worker that
 * dies or a pool that closes loses nothing (the rest runs inline), and task errors reach the caller.
 */
import { threadId } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { BackgroundPoolBusyError, createBackgroundPool } from './background-pool.js';

type Task = { n: number; crash?: boolean; fail?: boolean; waitMs?: number };
const SOURCE = `
const { threadId } = require('node:worker_threads');
const runTask = (task) => {
  if (task.crash) process.exit(3);
  if (task.fail) throw new Error('task failed: ' + task.n);
  const answer = { doubled: task.n * 2, thread: threadId };
  return task.waitMs ? new Promise((resolve) => setTimeout(() => resolve(answer), task.waitMs)) : answer;
};
`;
const inline = async (task: Task) => ({ doubled: task.n * 2, thread: threadId });

describe('createBackgroundPool', () => {
  it('runs every task in a worker thread, and passes task errors to the caller', async () => {
    const pool = createBackgroundPool<Task, { doubled: number; thread: number }>({ source: SOURCE, size: 2, inline });
    try {
      const results = await Promise.all([1, 2, 3, 4, 5].map((n) => pool.run({ n })));
      expect(results.map((r) => r.doubled)).toEqual([2, 4, 6, 8, 10]);
      expect(results.every((r) => r.thread !== threadId)).toBe(true);
      await expect(pool.run({ n: 7, fail: true })).rejects.toThrow('task failed: 7');
      expect(pool.mode).toBe('workers');
    } finally {
      await pool.close();
    }
  });

  it('hands a worker its next task before it answers the current one (prefetch), unless told not to', async () => {
    // One worker; the first task waits inside it. With 2 tasks handed out at once the second starts
    // (and answers) meanwhile; handed out one at a time, it waits for the first answer.
    const order = async (prefetch: number) => {
      const pool = createBackgroundPool<Task, { doubled: number; thread: number }>({
        source: SOURCE,
        size: 1,
        prefetch,
        inline,
      });
      const answered: number[] = [];
      try {
        await Promise.all(
          [{ n: 1, waitMs: 300 }, { n: 2 }].map((task) => pool.run(task).then(() => answered.push(task.n))),
        );
      } finally {
        await pool.close();
      }
      return answered;
    };
    expect(await order(2)).toEqual([2, 1]);
    expect(await order(1)).toEqual([1, 2]);
  });

  it('when a worker dies, its task and everything queued run inline, and later tasks too', async () => {
    const pool = createBackgroundPool<Task, { doubled: number; thread: number }>({ source: SOURCE, size: 1, inline });
    const answers = Promise.all([pool.run({ n: 1, crash: true }), pool.run({ n: 2 }), pool.run({ n: 3 })]);
    expect((await answers).map((r) => r.doubled)).toEqual([2, 4, 6]);
    expect(pool.mode).toBe('inline');
    expect(await pool.run({ n: 4 })).toEqual({ doubled: 8, thread: threadId });
    await pool.close();
  });

  it('a source that does not load falls back to inline', async () => {
    const pool = createBackgroundPool<Task, { doubled: number; thread: number }>({
      source: 'throw new Error("broken source");',
      size: 1,
      inline,
    });
    expect(await pool.run({ n: 5 })).toEqual({ doubled: 10, thread: threadId });
    expect(pool.mode).toBe('inline');
    await pool.close();
  });

  it('refuses at once a task that would wait longer than maxWaitMs, estimated from recent task times', async () => {
    const pool = createBackgroundPool<Task, { doubled: number; thread: number }>({
      source: SOURCE,
      size: 1,
      maxWaitMs: 150,
      inline,
    });
    try {
      expect(pool.estimatedWaitMs).toBe(0); // nothing measured yet: no refusal on a cold pool
      await pool.run({ n: 1, waitMs: 100 }); // the mean task time is now about 100 ms
      const first = pool.run({ n: 2, waitMs: 100 }); // nothing ahead: waits 0
      const second = pool.run({ n: 3, waitMs: 100 }); // one task ahead: about 100 ms
      expect(pool.estimatedWaitMs).toBeGreaterThan(150);
      const refused = await pool.run({ n: 4, waitMs: 100 }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(BackgroundPoolBusyError);
      expect((refused as BackgroundPoolBusyError).estimatedWaitMs).toBeGreaterThan(150);
      expect((refused as BackgroundPoolBusyError).retryAfterSeconds).toBe(1);
      // The accepted tasks are not disturbed, and once they are done the pool accepts again.
      expect((await Promise.all([first, second])).map((r) => r.doubled)).toEqual([4, 6]);
      expect((await pool.run({ n: 5 })).doubled).toBe(10);
      expect(pool.mode).toBe('workers');
    } finally {
      await pool.close();
    }
  });

  it('does not count a worker’s setup (globalThis.foyerReady) as task time', async () => {
    // Setup takes 400 ms, each task about none: the first task must not make the pool look slow.
    const pool = createBackgroundPool<Task, { doubled: number; thread: number }>({
      source: `
        const setup = new Promise((resolve) => setTimeout(resolve, 400));
        globalThis.foyerReady = setup;
        const runTask = async (task) => {
          await setup;
          return { doubled: task.n * 2, thread: require('node:worker_threads').threadId };
        };`,
      size: 1,
      maxWaitMs: 200,
      inline,
    });
    try {
      await pool.run({ n: 1 });
      const pending = [pool.run({ n: 2 }), pool.run({ n: 3 }), pool.run({ n: 4 })];
      expect(pool.estimatedWaitMs).toBeLessThan(50);
      expect((await Promise.all(pending)).map((r) => r.doubled)).toEqual([4, 6, 8]);
    } finally {
      await pool.close();
    }
  });
});
