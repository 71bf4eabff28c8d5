/** @module The `captcha_solutions_used` table: hashes of accepted CAPTCHA solutions, so each works once. */
import type { Selectable } from 'kysely';

/** Columns of `captcha_solutions_used`; rows past `expires_at` are purged (the solution has expired anyway). */
export interface CaptchaSolutionUsedTable {
  /** SHA-256 of the solution's replay key (ALTCHA: the challenge nonce; Turnstile/hCaptcha: the token). */
  solution_hash: string;
  expires_at: string;
}

export type CaptchaSolutionUsedRow = Selectable<CaptchaSolutionUsedTable>;
