/**
 * @module The embedded CAPTCHA: ALTCHA proof of work (altcha-lib 2, protocol v2). Challenges are
 * HMAC-signed with a key derived from the server secret and expire after a few minutes, so any
 * instance can verify any other's challenge without shared state.
 */
import { createHmac } from 'node:crypto';
import { createChallenge, verifySolution, type Challenge, type Solution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { CaptchaVerifier } from './captcha.js';

/** Options of {@link createAltchaVerifier}. */
export interface AltchaOptions {
  /** Server secret; the signing key is derived from it. */
  secret: string;
  /**
   * SHA-256 iterations per try. The client needs ~256 tries on average (key prefix `00`), so the
   * expected work is `256 × cost` hashes. @default 2000
   */
  cost?: number;
  /** Challenge lifetime. @default 300_000 (5 minutes) */
  expiresInMs?: number;
  /** The clock. @default () => new Date() */
  now?: () => Date;
}

/** `{ challenge, solution }` as the ALTCHA widget sends it: base64 of JSON. */
interface AltchaPayload {
  challenge: Challenge;
  solution: Solution;
}

function decodePayload(solution: string): AltchaPayload | undefined {
  try {
    const value = JSON.parse(Buffer.from(solution, 'base64').toString('utf8')) as Partial<AltchaPayload>;
    if (!value || typeof value !== 'object' || !value.challenge?.parameters || !value.solution) return undefined;
    return value as AltchaPayload;
  } catch {
    return undefined;
  }
}

/**
 * Encodes a solved challenge the way the widget submits it (used by tests and non-browser clients).
 *
 * @example
 * const solution = await solveChallenge({ challenge, deriveKey });
 * body.captcha = encodeAltchaPayload(challenge, solution!);
 */
export function encodeAltchaPayload(challenge: Challenge, solution: Solution): string {
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

/**
 * The ALTCHA verifier.
 *
 * @example
 * const captcha = createAltchaVerifier({ secret });
 * const challenge = await captcha.challenge(); // serve at GET /auth/captcha/challenge
 */
export function createAltchaVerifier(options: AltchaOptions): CaptchaVerifier {
  const hmacSecret = createHmac('sha256', options.secret).update('foyer:altcha').digest('hex');
  const cost = options.cost ?? 2000;
  const expiresInMs = options.expiresInMs ?? 300_000;
  const now = options.now ?? (() => new Date());
  return {
    provider: 'altcha',
    async challenge() {
      return createChallenge({
        algorithm: 'SHA-256',
        cost,
        deriveKey,
        hmacSignatureSecret: hmacSecret,
        // The expiry travels as signed data checked against Foyer's (injectable) clock; altcha-lib's
        // own `expiresAt` would be checked against the process clock.
        data: { expires: now().getTime() + expiresInMs },
      });
    },
    async verify(solution) {
      const payload = decodePayload(solution);
      if (!payload) return false;
      const expires = payload.challenge.parameters.data?.expires;
      if (typeof expires !== 'number' || expires <= now().getTime()) return false;
      try {
        // The signature covers `data`, so a forged expiry fails here.
        const result = await verifySolution({
          challenge: payload.challenge,
          solution: payload.solution,
          deriveKey,
          hmacSignatureSecret: hmacSecret,
        });
        return result.verified;
      } catch {
        return false;
      }
    },
    replayKey(solution) {
      return `altcha:${decodePayload(solution)?.challenge.parameters.nonce ?? solution}`;
    },
  };
}
