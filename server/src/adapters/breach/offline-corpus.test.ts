/**
 * OWASP ASVS 4.0.3 V2.1.7 and NIST SP 800-63B §5.1.1.2: passwords are checked against a set of
 * breached passwords. The embedded corpus holds ≥ 100,000 of the most common ones, answers in
 * O(log n) from a compact sorted array of 64-bit SHA-1 prefixes, and its false-positive rate
 * (n / 2^64) is stated; a lower-cased match counts (`Password123` because of `password123`).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  buildOfflineCorpus,
  createOfflineCorpusBreachChecker,
  defaultCorpusPath,
  loadOfflineCorpus,
  offlineCorpusFalsePositiveRate,
} from './offline-corpus.js';

describe('offline breach corpus', () => {
  it('holds ≥ 100,000 passwords in ≤ 8 bytes each, with a stated false-positive rate', async () => {
    const corpus = await loadOfflineCorpus();
    expect(corpus.size).toBeGreaterThanOrEqual(100_000);
    expect(corpus.size).toBeGreaterThan(420_000); // 437,651 lines, 426,886 distinct
    expect(corpus.bytes).toBe(corpus.size * 8);
    expect(offlineCorpusFalsePositiveRate(corpus.size)).toBeLessThan(1e-13);
    console.info(
      `offline corpus: ${corpus.size} entries, ${(corpus.bytes / 1e6).toFixed(1)} MB, built in ${Math.round(corpus.buildMs)} ms, FP rate ${offlineCorpusFalsePositiveRate(corpus.size).toExponential(1)}`,
    );
  });

  it('is built in a worker thread (the event loop stays free), the same as on the main thread', async () => {
    const [inWorker, inline] = await Promise.all([
      loadOfflineCorpus(),
      buildOfflineCorpus(defaultCorpusPath(), { inWorker: false }),
    ]);
    expect(inWorker.builtIn).toBe('worker');
    expect(inline.builtIn).toBe('main-thread');
    expect(inWorker.size).toBe(inline.size);
    const listed = gunzipSync(readFileSync(defaultCorpusPath())).toString('utf8').split('\n');
    const sample = [
      ...listed.filter((_, i) => i % 250 === 0),
      ...Array.from({ length: 500 }, () => randomBytes(9).toString('base64url')),
    ];
    for (const password of sample) expect(inWorker.has(password), password).toBe(inline.has(password));
    expect(sample.filter((password) => inWorker.has(password)).length).toBeGreaterThan(1000);
  });

  it('finds common breached passwords, case-sensitively and by their lower-cased form', async () => {
    const breach = createOfflineCorpusBreachChecker();
    for (const password of [
      'password123',
      'qwerty123456',
      'iloveyou1',
      'Password1',
      'nEMvXyHeqDd5OQxyXYZI',
      'PASSWORD123',
      'Iloveyou1',
    ]) {
      expect((await breach.check(password)).breached, password).toBe(true);
    }
  });

  it('can be told to match exactly only', async () => {
    const exact = createOfflineCorpusBreachChecker({ matchLowerCase: false });
    expect((await exact.check('password123')).breached).toBe(true);
    expect((await exact.check('PaSSword123')).breached).toBe(false);
  });

  it('passes long random passwords and passphrases', async () => {
    const breach = createOfflineCorpusBreachChecker();
    for (let i = 0; i < 200; i++) {
      expect((await breach.check(randomBytes(18).toString('base64url'))).breached).toBe(false);
    }
    expect((await breach.check('violet tugboat marmalade drifts')).breached).toBe(false);
  });
});
