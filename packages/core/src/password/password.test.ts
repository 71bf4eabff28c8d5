import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy, contextWordsOf } from './password-policy.js';
import { DEFAULT_MIN_PASSWORD_SCORE, loadPasswordStrength, PASSWORD_STRENGTH_MAX_LENGTH } from './password-strength.js';

// NIST SP 800-63B §5.1.1.2: at least 8 characters, at most (≥ 64) — Foyer 128; no composition
// rules; compare against context-specific words such as the service name and the username.
describe('checkPasswordPolicy', () => {
  it('accepts any 8+ characters with no composition rules', () => {
    expect(checkPasswordPolicy('tulips under a grey sky')).toEqual([]);
    expect(checkPasswordPolicy('ÄÖÜßäöüé')).toEqual([]);
  });
  it.each([
    ['7 characters', 'abcdefg', 'too_short'],
    ['129 characters', 'a'.repeat(129), 'too_long'],
    ['7 emoji (14 UTF-16 units)', '🔑'.repeat(7), 'too_short'],
  ])('refuses %s', (_label, password, code) => {
    expect(checkPasswordPolicy(password).map((problem) => problem.code)).toEqual([code]);
  });
  it.each([
    ['the email local part', 'ada.lovelace2026', { email: 'ada.lovelace@example.com' }],
    ['part of the local part', 'lovelace-forever', { email: 'ada.lovelace@example.com' }],
    ['the email domain', 'welcome-to-example', { email: 'ada@example.com' }],
    ['the product name', 'MyFoyerPassword', {}],
    ['the product name in leetspeak', 'my-f0y3r-p@ss', {}],
    ['a configured product name', 'lichtbox rocks!', { productNames: ['Lichtbox'] }],
    ['a person word', 'hofstrasse-berlin', { words: ['Hofstrasse'] }],
  ])('refuses a password containing %s', (_label, password, context) => {
    expect(checkPasswordPolicy(password, context).map((problem) => problem.code)).toEqual(['contains_context']);
  });
  it('ignores context words shorter than 4 characters (too many false hits)', () => {
    expect(contextWordsOf({ email: 'al@x.io', productNames: [] })).toEqual([]);
    expect(checkPasswordPolicy('always lovely cats', { email: 'al@x.io' })).toEqual([]);
  });
});

describe('loadPasswordStrength', () => {
  it('rates common passwords low and a passphrase high, with feedback', async () => {
    const estimate = await loadPasswordStrength();
    const weak = estimate('password1');
    expect(weak.score).toBeLessThan(DEFAULT_MIN_PASSWORD_SCORE);
    expect(weak.warning).toBeTruthy();
    expect(estimate('correct horse battery staple').score).toBeGreaterThanOrEqual(DEFAULT_MIN_PASSWORD_SCORE);
  });
  it('counts the person’s own words as guessable', async () => {
    const estimate = await loadPasswordStrength();
    const plain = estimate('zephyrine1987');
    const known = estimate('zephyrine1987', { words: ['zephyrine'] });
    expect(known.guessesLog10).toBeLessThan(plain.guessesLog10);
  });
  it('estimates only the first 64 characters, so a strong tail cannot rescue a weak start', async () => {
    // Bounds the CPU one estimate may take (a denial-of-service lever at 128 characters).
    const estimate = await loadPasswordStrength();
    const weakStart = 'password'.repeat(PASSWORD_STRENGTH_MAX_LENGTH / 8);
    const tail = ' quartz vexing jumbo fjord lynx 7#vQ';
    expect(PASSWORD_STRENGTH_MAX_LENGTH).toBe(64);
    expect(estimate(weakStart + tail).score).toBe(estimate(weakStart).score);
    expect(estimate(weakStart + tail).score).toBeLessThan(DEFAULT_MIN_PASSWORD_SCORE);
    // The tail alone is strong: the verdict above comes from the cut, not from the tail.
    expect(estimate(tail).score).toBeGreaterThanOrEqual(DEFAULT_MIN_PASSWORD_SCORE);
  });
  it('loads once', async () => {
    expect(await loadPasswordStrength()).toBe(await loadPasswordStrength());
  });
});
