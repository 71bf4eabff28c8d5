/** @module A counting semaphore: at most `limit` async tasks run at once; the rest wait in order. */

/** Runs tasks with bounded concurrency. */
export interface ConcurrencyGate {
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Tasks running now. */
  readonly active: number;
  /** Tasks waiting for a place. */
  readonly waiting: number;
}

/**
 * A gate letting `limit` tasks run at once, first come first served.
 *
 * @example
 * const gate = createConcurrencyGate(1);
 * await gate.run(() => hash(password));
 */
export function createConcurrencyGate(limit: number): ConcurrencyGate {
  if (!(limit >= 1)) throw new RangeError('A concurrency gate needs a limit of at least 1.');
  let active = 0;
  const queue: (() => void)[] = [];
  const release = () => {
    const next = queue.shift();
    if (next) next();
    else active -= 1;
  };
  return {
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
    async run(task) {
      if (active < limit) active += 1;
      else await new Promise<void>((resolve) => queue.push(resolve));
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}
