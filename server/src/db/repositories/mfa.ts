/** @module Queries on the MFA tables: factors, recovery codes, challenges, pending sign-ins, step-up time. */
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database } from '../database.js';
import { precompiled } from '../precompiled.js';
import type {
  MfaFactorRow,
  MfaPendingSignInRow,
  MfaPendingSignInTable,
  NewMfaFactorRow,
  RecoveryCodeTable,
  WebauthnChallengeTable,
} from '../tables/mfa.table.js';

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

/**
 * Claims a TOTP time step for the factor: one conditional UPDATE, so a replayed code (same or
 * older step), also in parallel, matches no row.
 * @returns `true` when this call claimed the step
 */
export async function claimTotpStep(
  db: Kysely<Database>,
  factorId: string,
  step: number,
  nowIso: string,
): Promise<boolean> {
  const result = await db
    .updateTable('mfa_factors')
    .set({ totp_last_step: step, last_used_at: nowIso })
    .where('id', '=', factorId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The credential ids and transports of every passkey of the user (confirmed or not). */
export async function listPasskeyCredentialsOfUser(
  db: Kysely<Database>,
  userId: string,
): Promise<Pick<MfaFactorRow, 'credential_id' | 'transports'>[]> {
  return db
    .selectFrom('mfa_factors')
    .select(['credential_id', 'transports'])
    .where('user_id', '=', userId)
    .where('type', '=', 'passkey')
    .execute();
}

/** The passkey with this credential id, whoever it belongs to (the caller checks the owner). */
export async function findPasskeyByCredentialId(
  db: Kysely<Database>,
  credentialId: string,
): Promise<MfaFactorRow | undefined> {
  return db
    .selectFrom('mfa_factors')
    .selectAll()
    .where('credential_id', '=', credentialId)
    .where('type', '=', 'passkey')
    .executeTakeFirst();
}

/** Records a passkey assertion: the authenticator's new signature counter and the time of use. */
export async function recordPasskeyUse(
  db: Kysely<Database>,
  factorId: string,
  signCount: number,
  nowIso: string,
): Promise<void> {
  await db
    .updateTable('mfa_factors')
    .set({ sign_count: signCount, last_used_at: nowIso })
    .where('id', '=', factorId)
    .execute();
}

/**
 * Replaces the user's recovery codes with `codes` (rows with their HMACs). Two statements: `db`
 * should be a transaction.
 */
export async function replaceRecoveryCodes(
  db: Kysely<Database>,
  userId: string,
  codes: Insertable<RecoveryCodeTable>[],
): Promise<void> {
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  await db.insertInto('recovery_codes').values(codes).execute();
}

/**
 * Spends the user's unused recovery code with this HMAC: one conditional UPDATE (no double spend).
 * @returns `true` when this call spent it
 */
export async function markRecoveryCodeUsed(
  db: Kysely<Database>,
  userId: string,
  codeHash: string,
  nowIso: string,
): Promise<boolean> {
  const result = await db
    .updateTable('recovery_codes')
    .set({ used_at: nowIso })
    .where('user_id', '=', userId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Deletes the WebAuthn challenges that expired at or before `nowIso` (one indexed delete). */
export async function deleteExpiredWebauthnChallenges(db: Kysely<Database>, nowIso: string): Promise<void> {
  await db.deleteFrom('webauthn_challenges').where('expires_at', '<=', nowIso).execute();
}

/** Stores a WebAuthn challenge. */
export async function insertWebauthnChallenge(
  db: Kysely<Database>,
  row: Insertable<WebauthnChallengeTable>,
): Promise<void> {
  await db.insertInto('webauthn_challenges').values(row).execute();
}

/** The unused challenge with this value and purpose that is still live at `nowIso`, if any. */
export async function findLiveWebauthnChallenge(
  db: Kysely<Database>,
  challenge: string,
  purpose: WebauthnChallengeTable['purpose'],
  nowIso: string,
): Promise<Pick<Selectable<WebauthnChallengeTable>, 'id' | 'user_id'> | undefined> {
  return db
    .selectFrom('webauthn_challenges')
    .select(['id', 'user_id'])
    .where('challenge', '=', challenge)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', nowIso)
    .executeTakeFirst();
}

/**
 * Spends a challenge: one conditional UPDATE (single use, also against a parallel request).
 * @returns `true` when this call spent it
 */
export async function markWebauthnChallengeUsed(
  db: Kysely<Database>,
  challengeId: string,
  nowIso: string,
): Promise<boolean> {
  const spent = await db
    .updateTable('webauthn_challenges')
    .set({ used_at: nowIso })
    .where('id', '=', challengeId)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(spent.numUpdatedRows) === 1;
}

/** Deletes the pending sign-ins that expired at or before `nowIso`. */
export async function deleteExpiredPendingSignIns(db: Kysely<Database>, nowIso: string): Promise<void> {
  await db.deleteFrom('mfa_pending_sign_ins').where('expires_at', '<=', nowIso).execute();
}

/** Stores a pending sign-in. */
export async function insertPendingSignIn(db: Kysely<Database>, row: Insertable<MfaPendingSignInTable>): Promise<void> {
  await db.insertInto('mfa_pending_sign_ins').values(row).execute();
}

/** The unconsumed pending sign-in with this token hash that is still live at `nowIso`, if any. */
export async function findLivePendingSignIn(
  db: Kysely<Database>,
  tokenHash: string,
  nowIso: string,
): Promise<MfaPendingSignInRow | undefined> {
  return db
    .selectFrom('mfa_pending_sign_ins')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('consumed_at', 'is', null)
    .where('expires_at', '>', nowIso)
    .executeTakeFirst();
}

/** Counts one wrong second factor on a pending sign-in: one atomic increment (parallel guesses all count). */
export async function incrementPendingSignInFailures(db: Kysely<Database>, pendingId: string): Promise<void> {
  await db
    .updateTable('mfa_pending_sign_ins')
    .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
    .where('id', '=', pendingId)
    .execute();
}

/**
 * Consumes a pending sign-in: one conditional UPDATE (once, also against a parallel request).
 * @returns `true` when this call consumed it
 */
export async function markPendingSignInConsumed(
  db: Kysely<Database>,
  pendingId: string,
  nowIso: string,
): Promise<boolean> {
  const result = await db
    .updateTable('mfa_pending_sign_ins')
    .set({ consumed_at: nowIso })
    .where('id', '=', pendingId)
    .where('consumed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** When the user's recovery codes were issued and last used, or `undefined` when they have none. */
export async function recoveryCodesSummary(
  db: Kysely<Database>,
  userId: string,
): Promise<{ createdAt: string; lastUsedAt: string | null } | undefined> {
  const first = await db
    .selectFrom('recovery_codes')
    .select(['created_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .executeTakeFirst();
  if (!first) return undefined;
  const lastUsed = await db
    .selectFrom('recovery_codes')
    .select(['used_at'])
    .where('user_id', '=', userId)
    .where('used_at', 'is not', null)
    .orderBy('used_at', 'desc')
    .executeTakeFirst();
  return { createdAt: first.created_at, lastUsedAt: lastUsed?.used_at ?? null };
}

/** Deletes the user's recovery codes; answers how many there were. */
export async function deleteRecoveryCodes(db: Kysely<Database>, userId: string): Promise<number> {
  const result = await db.deleteFrom('recovery_codes').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Replaces an unfinished authenticator setup of the user with `row`. Two statements: `db` should be a transaction. */
export async function replaceUnconfirmedTotpFactor(db: Kysely<Database>, row: NewMfaFactorRow): Promise<void> {
  await db
    .deleteFrom('mfa_factors')
    .where('user_id', '=', row.user_id)
    .where('type', '=', 'totp')
    .where('confirmed_at', 'is', null)
    .execute();
  await db.insertInto('mfa_factors').values(row).execute();
}

/** The user's newest unfinished authenticator setup. */
export async function findUnconfirmedTotpFactor(
  db: Kysely<Database>,
  userId: string,
): Promise<MfaFactorRow | undefined> {
  return db
    .selectFrom('mfa_factors')
    .selectAll()
    .where('user_id', '=', userId)
    .where('type', '=', 'totp')
    .where('confirmed_at', 'is', null)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

/** Confirms an unfinished authenticator setup; `false` when it was confirmed already (a parallel confirm won). */
export async function confirmTotpFactor(
  db: Kysely<Database>,
  factorId: string,
  confirmation: { atIso: string; step: number; label: string },
): Promise<boolean> {
  const result = await db
    .updateTable('mfa_factors')
    .set({
      confirmed_at: confirmation.atIso,
      totp_last_step: confirmation.step,
      last_used_at: confirmation.atIso,
      label: confirmation.label,
    })
    .where('id', '=', factorId)
    .where('confirmed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A factor of this user by id (another user's factor is not found, like an unknown one). */
export async function findFactorOfUser(
  db: Kysely<Database>,
  userId: string,
  factorId: string,
): Promise<Pick<MfaFactorRow, 'id' | 'type' | 'label'> | undefined> {
  return db
    .selectFrom('mfa_factors')
    .select(['id', 'type', 'label'])
    .where('id', '=', factorId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** Deletes a factor of this user. */
export async function deleteFactorOfUser(db: Kysely<Database>, userId: string, factorId: string): Promise<void> {
  await db.deleteFrom('mfa_factors').where('id', '=', factorId).where('user_id', '=', userId).execute();
}

/** Whether the user has any confirmed factor left. */
export async function hasConfirmedFactor(db: Kysely<Database>, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('mfa_factors')
    .select('id')
    .where('user_id', '=', userId)
    .where('confirmed_at', 'is not', null)
    .executeTakeFirst();
  return row !== undefined;
}
