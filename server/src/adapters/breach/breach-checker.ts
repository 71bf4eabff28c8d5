/**
 * @module The breach-check adapter interface: does a password appear in a known breach corpus?
 * Implementations: the embedded offline corpus (default, no network) and the HIBP range API.
 */

/** The answer of a breach check. */
export interface BreachVerdict {
  /** The password (or, for the offline corpus, its lower-cased form) is in the corpus. */
  breached: boolean;
  /** How often it was seen, when the source says (HIBP). */
  count?: number;
  /** Which checker answered (`offline-corpus`, `hibp`). */
  source: string;
  /**
   * `false` when the checker could not tell and was configured to fail open: `breached` is then
   * `false` but means "not checked".
   */
  checked: boolean;
}

/** Checks passwords against a breach corpus. Never logs or sends the password itself. */
export interface BreachChecker {
  /** Short name for logs and audit details. */
  readonly name: string;
  /**
   * Checks one password.
   * @throws {BreachCheckUnavailableError} when the source cannot answer and the checker fails closed
   */
  check(password: string): Promise<BreachVerdict>;
  /** Starts any expensive preparation (loading a corpus) without waiting for it. Optional. */
  warm?(): void;
}

/**
 * Thrown by a fail-closed checker when its source could not be asked (timeout, network, 5xx).
 * The password acceptance turns it into `422 password_breached` with
 * `details: { reason: 'check_unavailable' }`.
 */
export class BreachCheckUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BreachCheckUnavailableError';
  }
}

/**
 * A checker asking several in turn until one says breached (e.g. the offline corpus first, then
 * HIBP). A fail-closed error of any of them propagates.
 *
 * @example
 * const breach = combineBreachCheckers(createOfflineCorpusBreachChecker(), createHibpBreachChecker());
 */
export function combineBreachCheckers(...checkers: BreachChecker[]): BreachChecker {
  return {
    name: checkers.map((checker) => checker.name).join('+'),
    async check(password) {
      let last: BreachVerdict = { breached: false, source: 'none', checked: true };
      let allChecked = true;
      for (const checker of checkers) {
        last = await checker.check(password);
        if (last.breached) return last;
        allChecked &&= last.checked;
      }
      return { ...last, checked: allChecked };
    },
    warm() {
      for (const checker of checkers) checker.warm?.();
    },
  };
}
