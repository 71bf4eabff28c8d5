/**
 * @module Short-lived signed cookies for the social sign-in flow: a JSON payload with an expiry,
 * HMAC-SHA-256 with the server secret (per purpose), compared in constant time. Not encrypted:
 * payloads hold no secrets a user could abuse (the PKCE verifier only works with a code the
 * provider issues to this browser).
 */
import { createHmac } from 'node:crypto';
import { digestsEqual } from '../security/tokens.js';

/** Signs `payload` for `purpose`, valid until `expiresAt`. */
export function signCookieValue(
  secret: string,
  purpose: string,
  payload: Record<string, unknown>,
  expiresAt: Date,
): string {
  const body = Buffer.from(JSON.stringify({ ...payload, exp: expiresAt.getTime() })).toString('base64url');
  const mac = createHmac('sha256', secret).update(`${purpose}.${body}`).digest('base64url');
  return `${body}.${mac}`;
}

/** The payload of a value made by {@link signCookieValue}, or `undefined` when forged, for another purpose, or expired. */
export function readSignedCookieValue<T extends Record<string, unknown>>(
  secret: string,
  purpose: string,
  value: string | undefined,
  now: Date,
): T | undefined {
  if (!value || value.length > 4096) return undefined;
  const [body, mac, extra] = value.split('.');
  if (!body || !mac || extra !== undefined) return undefined;
  const expected = createHmac('sha256', secret).update(`${purpose}.${body}`).digest('base64url');
  if (!digestsEqual(mac, expected)) return undefined;
  try {
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as T & { exp?: unknown };
    if (typeof payload.exp !== 'number' || payload.exp <= now.getTime()) return undefined;
    return payload;
  } catch {
    return undefined;
  }
}
