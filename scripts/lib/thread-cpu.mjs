/**
 * @module CPU time of a process's threads, from Linux's /proc/<pid>/task/<tid>/stat: the bench
 * splits a sign-in's CPU between the server's event loop and its other threads (argon2 workers,
 * V8's helpers). `null` where /proc cannot be read (not Linux).
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of utime/stime in /proc (USER_HZ: 100 on every Linux ABI Node runs on). */
const TICKS_PER_SECOND = 100;

/**
 * CPU milliseconds (user + system) so far: of the main thread and of all the other threads.
 *
 * @param {number} pid
 * @returns {{ mainMs: number, otherMs: number } | null}
 */
export function threadCpu(pid) {
  try {
    let mainMs = 0;
    let otherMs = 0;
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      // Fields after the command name, which is in parentheses and may hold spaces: utime is 14th, stime 15th.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ms = ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
      if (tid === String(pid)) mainMs += ms;
      else otherMs += ms;
    }
    return { mainMs, otherMs };
  } catch {
    return null;
  }
}

/**
 * CPU spent between two {@link threadCpu} readings. Threads that ended in between are lost, so
 * read both while the process's pools are up.
 */
export function cpuSince(before, after) {
  if (!before || !after) return null;
  return { mainMs: after.mainMs - before.mainMs, otherMs: after.otherMs - before.otherMs };
}
