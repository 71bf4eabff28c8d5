/**
 * @module argon2id password hashing with OWASP parameters (m=19456 KiB, t=2, p=1). Runs on the
 * libuv thread pool: callers must not hold a database transaction across it. At most
 * {@link HASH_CONCURRENCY} hashes run at once, so a burst of sign-ups can never take every core
 * from the event loop (everyone else's requests).
 */
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';
import { createConcurrencyGate } from './concurrency-gate.js';

/**
 * How many argon2 hashes or verifies run at once in this process: one core fewer than the
 * machine has (at least 1), so request handling always keeps a core. `FOYER_HASH_CONCURRENCY`
 * overrides it (e.g. on a machine that runs nothing but Foyer behind a balancer).
 */
export const HASH_CONCURRENCY = Math.max(1, Number(process.env.FOYER_HASH_CONCURRENCY) || availableParallelism() - 1);
const hashing = createConcurrencyGate(HASH_CONCURRENCY);

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
  return hashing.run(() => hash(password, ARGON2_OPTIONS));
}

/** Verifies a password against a PHC string; a malformed hash counts as a mismatch. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await hashing.run(() => verify(passwordHash, password));
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
