/**
 * RFC 6238 Appendix B: the published SHA-1 test vectors (secret ASCII "12345678901234567890",
 * 30-second steps, 8 digits), and the 6-digit codes Foyer uses, derived from the same HOTP values
 * (RFC 4226 §5.3: the last 6 digits). Also: the sealed secret round-trips and resists tampering.
 */
import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { matchTotpStep, openTotpSecret, sealTotpSecret, totpFor } from './totp.js';

const RFC_SECRET = Secret.fromUTF8('12345678901234567890');
const VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP against RFC 6238 Appendix B (SHA-1)', () => {
  for (const [seconds, expected] of VECTORS) {
    it(`T=${seconds} → ${expected} (8 digits) and ${expected.slice(-6)} (6 digits)`, () => {
      const eight = new TOTP({ secret: RFC_SECRET, algorithm: 'SHA1', digits: 8, period: 30 });
      expect(eight.generate({ timestamp: seconds * 1000 })).toBe(expected);
      const six = totpFor(RFC_SECRET.base32);
      expect(six.generate({ timestamp: seconds * 1000 })).toBe(expected.slice(-6));
      // Foyer's matcher finds the code's step at that time.
      expect(matchTotpStep(RFC_SECRET.base32, expected.slice(-6), seconds * 1000)).toBe(Math.floor(seconds / 30));
    });
  }

  it('accepts ±1 step, refuses ±2, refuses non-digits', () => {
    const at = 1111111111 * 1000;
    const six = totpFor(RFC_SECRET.base32);
    expect(matchTotpStep(RFC_SECRET.base32, six.generate({ timestamp: at - 30_000 }), at)).toBe(
      Math.floor(at / 30_000) - 1,
    );
    expect(matchTotpStep(RFC_SECRET.base32, six.generate({ timestamp: at + 30_000 }), at)).toBe(
      Math.floor(at / 30_000) + 1,
    );
    expect(matchTotpStep(RFC_SECRET.base32, six.generate({ timestamp: at - 60_000 }), at)).toBeNull();
    expect(matchTotpStep(RFC_SECRET.base32, six.generate({ timestamp: at + 60_000 }), at)).toBeNull();
    expect(matchTotpStep(RFC_SECRET.base32, '12a456', at)).toBeNull();
  });

  it('sealed secrets round-trip, and tampering or another key is refused', () => {
    const sealed = sealTotpSecret('server-secret', RFC_SECRET.base32);
    expect(sealed).not.toContain(RFC_SECRET.base32);
    expect(openTotpSecret('server-secret', sealed)).toBe(RFC_SECRET.base32);
    expect(() => openTotpSecret('other-secret', sealed)).toThrow();
    const parts = sealed.split('.');
    // Another first character, whatever it was (replacing it by a fixed one left it unchanged 1 time in 64).
    const tag = parts[3] ?? '';
    parts[3] = `${tag.startsWith('A') ? 'B' : 'A'}${tag.slice(1)}`;
    expect(() => openTotpSecret('server-secret', parts.join('.'))).toThrow();
  });
});
