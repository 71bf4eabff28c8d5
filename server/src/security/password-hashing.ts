/**
 * @module argon2id password hashing with OWASP parameters (m=19456 KiB, t=2, p=1). Runs on the
 * libuv thread pool: callers must not hold a database transaction across it.
 */
import { randomBytes } from 'node:crypto';
import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';

/** argon2id parameters; OWASP Password Storage Cheat Sheet, 2nd recommended configuration. */
export const ARGON2_OPTIONS: Options = {
  // `Algorithm.Argon2id`: a const enum, which `verbatimModuleSyntax` cannot read from a .d.ts.
  algorithm: 2 as Algorithm,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
};

/** Hashes a password to a PHC string. */
export async function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/** Verifies a password against a PHC string; a malformed hash counts as a mismatch. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * A hash of a random password with the same parameters, verified against when the email is
 * unknown so that "no such user" takes as long as "wrong password".
 */
export async function createDummyPasswordHash(): Promise<string> {
  return hashPassword(randomBytes(24).toString('base64url'));
}
