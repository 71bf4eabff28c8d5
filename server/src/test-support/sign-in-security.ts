/**
 * @module Test helpers for the sign-in security suites: a counting password verifier, ALTCHA
 * solving, and sign-in requests with a device cookie and a simulated client address.
 */
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { encodeAltchaPayload } from '../adapters/captcha/altcha.js';
import { verifyPassword } from '../security/password-hashing.js';
import type { TestResponse, TestServer } from './test-server.js';

/** A password verifier that counts its calls (argon2 checks). */
export function countingVerifier(): {
  verify: (hash: string, password: string) => Promise<boolean>;
  count: () => number;
} {
  let calls = 0;
  return {
    verify: async (hash, password) => {
      calls++;
      return verifyPassword(hash, password);
    },
    count: () => calls,
  };
}

/** Fetches a challenge from the server and solves it, as the ALTCHA widget would. */
export async function solveAltcha(server: { url: string } | TestServer): Promise<string> {
  const response = await fetch(`${server.url}/auth/captcha/challenge`, {
    headers: { 'x-forwarded-for': '198.51.100.250' },
  });
  if (response.status !== 200) throw new Error(`challenge: ${response.status}`);
  const challenge = (await response.json()) as Challenge;
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('could not solve the challenge');
  return encodeAltchaPayload(challenge, solution);
}

/** The `foyer_device` cookie a response sets, as a `Cookie` header value. */
export function deviceCookieOf(response: TestResponse): string | undefined {
  for (const cookie of response.setCookies) {
    const match = /^(foyer_device=[^;]*)/.exec(cookie);
    if (match?.[1]) return match[1];
  }
  return undefined;
}

/** Options of {@link signIn}. */
export interface SignInOptions {
  captcha?: string;
  /** A `foyer_device=…` cookie. */
  device?: string;
  /** Simulated client address (the server must run with `trustProxy: true`). */
  ip?: string;
}

/** `POST /auth/sign-in`. */
export function signIn(
  server: TestServer,
  email: string,
  password: string,
  options: SignInOptions = {},
): Promise<TestResponse> {
  const headers: Record<string, string> = {};
  if (options.device) headers.cookie = options.device;
  if (options.ip) headers['x-forwarded-for'] = options.ip;
  return server.request('/auth/sign-in', {
    json: { email, password, ...(options.captcha ? { captcha: options.captcha } : {}) },
    headers,
  });
}
