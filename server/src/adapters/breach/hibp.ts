/**
 * @module Have I Been Pwned "Pwned Passwords" range API client (k-anonymity): only the first 5
 * hex characters of the password's SHA-1 leave the server; the answer lists every suffix of that
 * range (`SUFFIX:COUNT` lines), padded with fake `…:0` lines (`Add-Padding: true`) so the response
 * size does not tell the range either.
 */
import { createHash } from 'node:crypto';
import { BreachCheckUnavailableError, type BreachChecker } from './breach-checker.js';

/** Options of {@link createHibpBreachChecker}. */
export interface HibpOptions {
  /** Range endpoint; the 5-character prefix is appended. @default 'https://api.pwnedpasswords.com/range/' */
  baseUrl?: string;
  /** Give up after this long. @default 1500 */
  timeoutMs?: number;
  /**
   * When HIBP cannot answer (timeout, network, non-2xx): `false` (fail open) lets the password
   * through as "not checked"; `true` (fail closed) refuses it with `422 password_breached`
   * (`details.reason: 'check_unavailable'`). Sign-in never fails on it either way. @default false
   */
  failClosed?: boolean;
  /** Sent as `User-Agent` (HIBP asks every client to identify itself). @default 'foyer-server' */
  userAgent?: string;
  /** Minimum count to call a password breached. @default 1 */
  minCount?: number;
  /** The fetch to use (tests, proxies). @default globalThis.fetch */
  fetch?: typeof fetch;
}

/** The SHA-1 of a password, upper-case hex, split at the k-anonymity boundary. */
export function hibpRangeKey(password: string): { prefix: string; suffix: string } {
  const digest = createHash('sha1').update(password, 'utf8').digest('hex').toUpperCase();
  return { prefix: digest.slice(0, 5), suffix: digest.slice(5) };
}

/** The count of `suffix` in a range response body; padding lines (count 0) count as absent. */
export function countInRange(body: string, suffix: string): number {
  for (const line of body.split('\n')) {
    const separator = line.indexOf(':');
    if (separator < 0) continue;
    if (line.slice(0, separator).trim().toUpperCase() === suffix) {
      const count = Number.parseInt(line.slice(separator + 1).trim(), 10);
      return Number.isFinite(count) ? count : 0;
    }
  }
  return 0;
}

/**
 * The HIBP range API checker.
 *
 * @example
 * createFoyerServer({ db, publicUrl, passwordPolicy: { breach: createHibpBreachChecker({ failClosed: true }) } });
 */
export function createHibpBreachChecker(options: HibpOptions = {}): BreachChecker {
  const baseUrl = options.baseUrl ?? 'https://api.pwnedpasswords.com/range/';
  const timeoutMs = options.timeoutMs ?? 1500;
  const failClosed = options.failClosed ?? false;
  const minCount = options.minCount ?? 1;
  const doFetch = options.fetch ?? globalThis.fetch;
  const headers = { 'Add-Padding': 'true', 'User-Agent': options.userAgent ?? 'foyer-server', Accept: 'text/plain' };
  return {
    name: 'hibp',
    async check(password) {
      const { prefix, suffix } = hibpRangeKey(password);
      let body: string;
      try {
        const response = await doFetch(`${baseUrl}${prefix}`, { headers, signal: AbortSignal.timeout(timeoutMs) });
        if (!response.ok) throw new Error(`HIBP answered ${response.status}`);
        body = await response.text();
      } catch (error) {
        if (failClosed)
          throw new BreachCheckUnavailableError('The breached-password service did not answer.', { cause: error });
        return { breached: false, source: 'hibp', checked: false };
      }
      const count = countInRange(body, suffix);
      return { breached: count >= minCount, count, source: 'hibp', checked: true };
    },
  };
}
