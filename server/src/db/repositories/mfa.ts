/** @module Queries on the MFA tables: factors, recovery codes, challenges, pending sign-ins, step-up time. */
import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import { precompiled } from '../precompiled.js';
import type { MfaFactorRow, NewMfaFactorRow } from '../tables/mfa.table.js';

const confirmedFactors = precompiled<{ userId: string }, MfaFactorRow>((db, param) =>
  db
    .selectFrom('mfa_factors')
    .selectAll()
    .where('user_id', '=', param('userId'))
    .where('confirmed_at', 'is not', null)
    .orderBy('created_at')
    .orderBy('id'),
);

/** The user's confirmed factors (TOTP authenticators and passkeys), oldest first. Precompiled: every sign-in asks. */
export async function listConfirmedFactors(db: Kysely<Database>, userId: string): Promise<MfaFactorRow[]> {
  return (await confirmedFactors(db, { userId })).rows;
}

/** How many unused recovery codes the user has left. */
export async function countUnusedRecoveryCodes(db: Kysely<Database>, userId: string): Promise<number> {
  const row = await db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Inserts a factor. */
export async function insertFactor(db: Kysely<Database>, row: NewMfaFactorRow): Promise<void> {
  await db.insertInto('mfa_factors').values(row).execute();
}

/** The session's last step-up time, or null. */
export async function findStepUpAt(db: Kysely<Database>, sessionId: string): Promise<string | null> {
  const row = await db.selectFrom('sessions').select('step_up_at').where('id', '=', sessionId).executeTakeFirst();
  return row?.step_up_at ?? null;
}

/** Records that the session just proved a second factor (or the password again). */
export async function markStepUp(db: Kysely<Database>, sessionId: string, atIso: string): Promise<void> {
  await db.updateTable('sessions').set({ step_up_at: atIso }).where('id', '=', sessionId).execute();
}
