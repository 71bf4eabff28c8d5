/**
 * @module TOTP (RFC 6238) with otpauth: SHA-1, 6 digits, 30-second steps, ±1 step of clock skew,
 * and no replay: the caller stores the last accepted time step per factor and refuses that step
 * and earlier ones (RFC 6238 §5.2). Secrets are sealed at rest with AES-256-GCM.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

/** Seconds per TOTP step. */
export const TOTP_PERIOD_SECONDS = 30;
/** Digits of a TOTP code. */
export const TOTP_DIGITS = 6;
/** Steps of clock skew accepted either side. */
export const TOTP_WINDOW = 1;

/** A TOTP generator for a base32 secret. */
export function totpFor(secretBase32: string, naming: { issuer?: string; label?: string } = {}): TOTP {
  return new TOTP({
    issuer: naming.issuer ?? 'Foyer',
    label: naming.label ?? 'account',
    algorithm: 'SHA1',
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** A new random 160-bit secret (RFC 4226 §4 recommends 160 bits), base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/**
 * The time step `code` belongs to (within ±{@link TOTP_WINDOW} of `nowMs`), or `null`.
 * The caller refuses a step at or before the factor's last accepted one.
 */
export function matchTotpStep(secretBase32: string, code: string, nowMs: number): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(secretBase32).validate({ token: code, timestamp: nowMs, window: TOTP_WINDOW });
  if (delta === null) return null;
  return Math.floor(nowMs / 1000 / TOTP_PERIOD_SECONDS) + delta;
}

function sealKey(serverSecret: string): Buffer {
  return createHash('sha256').update(`foyer:totp-seal:${serverSecret}`).digest();
}

/** Seals a TOTP secret for storage (AES-256-GCM, key derived from the server secret). */
export function sealTotpSecret(serverSecret: string, secretBase32: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealKey(serverSecret), iv);
  const body = Buffer.concat([cipher.update(secretBase32, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join(
    '.',
  );
}

/** Opens a sealed TOTP secret. Throws when it was tampered with or sealed under another key. */
export function openTotpSecret(serverSecret: string, sealed: string): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || !body) throw new Error('unknown TOTP secret format');
  const decipher = createDecipheriv('aes-256-gcm', sealKey(serverSecret), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}
