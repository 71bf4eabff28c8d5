/** @module Random tokens, one-time codes and their hashes; comparisons in constant time. */
import { createHmac, hash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** A URL-safe random token of `bytes` random bytes (default 32 → 43 characters). */
export function generateToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** A uniformly random 6-digit code, leading zeros kept (`crypto.randomInt`). */
export function generateNumericCode(digits = 6): string {
  return String(randomInt(0, 10 ** digits)).padStart(digits, '0');
}

/**
 * SHA-256 of a high-entropy token, base64url. Enough for 32-byte tokens: nothing to brute-force.
 * One-shot `crypto.hash` (Node ≥ 20.12): a third of `createHash()`'s cost, on every session check.
 */
export function hashToken(token: string): string {
  return hash('sha256', token, 'base64url');
}

/**
 * HMAC-SHA-256 of a low-entropy code, keyed with the server secret and bound to its owner, so a
 * leaked table cannot be reversed by trying all million codes.
 */
export function hashCode(secret: string, ownerId: string, code: string): string {
  return createHmac('sha256', secret).update(`${ownerId}:${code}`).digest('base64url');
}

/** Compares two base64url digests in constant time. */
export function digestsEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'base64url');
  const right = Buffer.from(b, 'base64url');
  return left.length === right.length && timingSafeEqual(left, right);
}
