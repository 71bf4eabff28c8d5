import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ERROR_STATUS, FoyerError } from '../errors.js';
import {
  codeSchema,
  emailSchema,
  fieldErrorsOf,
  passwordSchema,
  signUpRequestSchema,
  verifyEmailRequestSchema,
} from './index.js';

describe('emailSchema', () => {
  it('trims and lower-cases', () => {
    expect(emailSchema.parse('  Ada.Lovelace@Example.COM ')).toBe('ada.lovelace@example.com');
  });

  it.each([
    ['empty', ''],
    ['no at', 'ada.example.com'],
    ['full-width look-alike', 'ａda@example.com'],
    ['cyrillic look-alike', 'аda@example.com'],
    ['script tag', '</script><script>alert(1)</script>@x.io'],
    ['too long', `${'a'.repeat(250)}@x.io`],
    ['huge', `${'a'.repeat(100_000)}@x.io`],
  ])('refuses %s', (_label, value) => {
    expect(emailSchema.safeParse(value).success).toBe(false);
  });

  it.each([5, null, undefined, {}, ['a@b.io']])('refuses the non-string %j', (value) => {
    expect(emailSchema.safeParse(value).success).toBe(false);
  });
});

describe('passwordSchema', () => {
  it('accepts 8 to 128 characters with no composition rules', () => {
    expect(passwordSchema.safeParse('aaaaaaaa').success).toBe(true);
    expect(passwordSchema.safeParse('🔑'.repeat(128)).success).toBe(true);
  });
  it('refuses 7 and 129 characters, counting code points', () => {
    expect(passwordSchema.safeParse('a'.repeat(7)).success).toBe(false);
    expect(passwordSchema.safeParse('a'.repeat(129)).success).toBe(false);
    expect(passwordSchema.safeParse('🔑'.repeat(7)).success).toBe(false);
  });
  it('does not trim: spaces count', () => {
    expect(passwordSchema.parse('  spaced  ')).toBe('  spaced  ');
  });
});

describe('codeSchema', () => {
  it('accepts six digits, also typed with spaces or a dash', () => {
    expect(codeSchema.parse('123456')).toBe('123456');
    expect(codeSchema.parse('123 456')).toBe('123456');
    expect(codeSchema.parse('123-456')).toBe('123456');
  });
  it.each(['12345', '1234567', 'abcdef', '١٢٣٤٥٦', ''])('refuses %j', (value) => {
    expect(codeSchema.safeParse(value).success).toBe(false);
  });
});

describe('fieldErrorsOf', () => {
  it('names each invalid field once', () => {
    const result = signUpRequestSchema.safeParse({ email: 'nope', password: 'short' });
    expect(result.success).toBe(false);
    if (!result.success)
      expect(fieldErrorsOf(result.error)).toEqual({
        email: 'Enter a valid email address.',
        password: 'Use at least 8 characters.',
      });
  });
  it('picks the branch of a union the caller meant', () => {
    const result = verifyEmailRequestSchema.safeParse({ email: 'ada@example.com', code: '12' });
    expect(result.success).toBe(false);
    if (!result.success) expect(fieldErrorsOf(result.error)).toEqual({ code: 'Enter the 6-digit code.' });
  });
  it('reports a body that is not an object under "_"', () => {
    const result = signUpRequestSchema.safeParse(null);
    expect(result.success).toBe(false);
    if (!result.success) expect(Object.keys(fieldErrorsOf(result.error))).toEqual(['_']);
  });
});

describe('FoyerError', () => {
  it('carries the status of its code and serialises to the one error shape', () => {
    const error = new FoyerError('rate_limited', { retryAfter: 12 });
    expect(error.status).toBe(429);
    expect(error.toBody()).toEqual({ error: { code: 'rate_limited', message: expect.any(String), retryAfter: 12 } });
  });
  it('has a status for every code', () => {
    for (const code of ERROR_CODES) expect(typeof ERROR_STATUS[code]).toBe('number');
  });
});
