/** @module Queries on `captcha_solutions_used`: hashes of accepted CAPTCHA solutions, so each works once. */
import type { Kysely } from 'kysely';
import type { Database } from '../database.js';

/** Deletes the solutions whose replay window ended at or before `nowIso`. */
export async function deleteExpiredCaptchaSolutions(db: Kysely<Database>, nowIso: string): Promise<void> {
  await db.deleteFrom('captcha_solutions_used').where('expires_at', '<=', nowIso).execute();
}

/**
 * Records a solution as spent unless it already is (also by a parallel request): one insert.
 * @returns `true` when this call spent it, `false` for a replay
 */
export async function spendCaptchaSolution(
  db: Kysely<Database>,
  solutionHash: string,
  expiresIso: string,
): Promise<boolean> {
  const inserted = await db
    .insertInto('captcha_solutions_used')
    .values({ solution_hash: solutionHash, expires_at: expiresIso })
    .onConflict((oc) => oc.column('solution_hash').doNothing())
    .returning('solution_hash')
    .executeTakeFirst();
  return inserted !== undefined;
}
