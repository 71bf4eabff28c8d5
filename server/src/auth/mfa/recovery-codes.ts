/**
 * @module Recovery codes: 10 single-use codes of 10 characters (≈50 bits each), shown once, stored
 * as HMACs bound to the user; using one is a single conditional UPDATE (no double spend).
 */
import { randomInt, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { RECOVERY_CODE_COUNT } from '@foyer/core';
import type { Database } from '../../db/database.js';
import { markRecoveryCodeUsed, replaceRecoveryCodes } from '../../db/repositories/mfa.js';
import { hashCode } from '../../security/tokens.js';

/** No look-alikes (0/o, 1/l/i) so codes survive being written down. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Normalises a code as typed: dashes and spaces out, lower case. */
export function normaliseRecoveryCode(code: string): string {
  return code.replace(/[\s-]/g, '').toLowerCase();
}

/**
 * Replaces the user's recovery codes with {@link RECOVERY_CODE_COUNT} new ones and answers them
 * in clear (`abcde-fghjk`), once. `db` may be a transaction.
 */
export async function issueRecoveryCodes(
  db: Kysely<Database>,
  secret: string,
  userId: string,
  nowIso: string,
): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    let raw = '';
    for (let i = 0; i < 10; i++) raw += ALPHABET[randomInt(ALPHABET.length)];
    return raw;
  });
  await replaceRecoveryCodes(
    db,
    userId,
    codes.map((code) => ({
      id: randomUUID(),
      user_id: userId,
      code_hash: hashCode(secret, userId, code),
      created_at: nowIso,
      used_at: null,
    })),
  );
  return codes.map((code) => `${code.slice(0, 5)}-${code.slice(5)}`);
}

/** Spends one recovery code; true when it was unused and is now used. */
export async function redeemRecoveryCode(
  db: Kysely<Database>,
  secret: string,
  userId: string,
  code: string,
  nowIso: string,
): Promise<boolean> {
  return markRecoveryCodeUsed(db, userId, hashCode(secret, userId, normaliseRecoveryCode(code)), nowIso);
}
