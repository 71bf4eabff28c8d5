/** @module The `sign_in_counters` table: consecutive sign-in failures and locks, per identity (and per identity on a known device). */
import type { Insertable, Selectable } from 'kysely';

/** What a counter is keyed by. */
export type SignInCounterKind = 'identity' | 'device';

/** Columns of `sign_in_counters`. Only ever changed by single conditional statements (atomic). */
export interface SignInCounterTable {
  /** `identity:<sha256 of the normalised email>` or `device:<device id>:<sha256>`. */
  key: string;
  kind: SignInCounterKind;
  /** Failures since the last success, counting attempts still in flight. */
  consecutive_failures: number;
  /** Locks so far; each lock lasts twice as long as the previous one (capped). Reset by a success. */
  lock_count: number;
  locked_until: string | null;
  updated_at: string;
}

export type SignInCounterRow = Selectable<SignInCounterTable>;
export type NewSignInCounterRow = Insertable<SignInCounterTable>;
