/**
 * A verification code allows at most 5 tries, counted atomically (NIST SP 800-63B §5.2.2: limit
 * failed attempts; OWASP ASVS 2.7.x): tries 1–4 with a wrong code answer `400 invalid_code`; the
 * 5th wrong try kills the code and answers `410 code_expired`, as does every later try, the right
 * code included. 20 parallel wrong guesses cannot slip past the limit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../test-support/dialects.js';
import { GOOD_PASSWORD, startTestServer, type TestServer } from '../test-support/test-server.js';

/** A 6-digit code different from `code`. */
function wrongCode(code: string, offset = 1): string {
  return String((Number(code) + offset) % 1_000_000).padStart(6, '0');
}

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.available)(`verification code attempts [${dialect.name}]`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer(dialect);
    });
    afterAll(async () => {
      await server?.close();
    });

    it('allows the right code after 4 wrong tries', async () => {
      const email = 'four@example.com';
      await server.request('/auth/sign-up', { json: { email, password: GOOD_PASSWORD } });
      const { code } = await server.latestVerification(email);
      for (let i = 1; i <= 4; i++) {
        const wrong = await server.request('/auth/verify-email', { json: { email, code: wrongCode(code, i) } });
        expect(wrong.status).toBe(400);
        expect(wrong.body.error.code).toBe('invalid_code');
      }
      const right = await server.request('/auth/verify-email', { json: { email, code } });
      expect(right.status).toBe(200);
    });

    it('kills the code on the 5th wrong try: the right code no longer works', async () => {
      const email = 'five@example.com';
      await server.request('/auth/sign-up', { json: { email, password: GOOD_PASSWORD } });
      const { code, token } = await server.latestVerification(email);
      const statuses: number[] = [];
      for (let i = 1; i <= 5; i++) {
        statuses.push(
          (await server.request('/auth/verify-email', { json: { email, code: wrongCode(code, i) } })).status,
        );
      }
      expect(statuses).toEqual([400, 400, 400, 400, 410]);
      const right = await server.request('/auth/verify-email', { json: { email, code } });
      expect(right.status).toBe(410);
      expect(right.body.error.code).toBe('code_expired');
      // The link token of the same mail still works: it cannot be guessed, so tries don't count for it.
      const byLink = await server.request('/auth/verify-email', { json: { token } });
      expect(byLink.status).toBe(200);
    });

    it('counts 20 parallel wrong guesses atomically, then refuses the right code', async () => {
      const email = 'parallel@example.com';
      await server.request('/auth/sign-up', { json: { email, password: GOOD_PASSWORD } });
      const { code } = await server.latestVerification(email);
      const guesses = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          server.request('/auth/verify-email', { json: { email, code: wrongCode(code, i + 1) } }),
        ),
      );
      const invalid = guesses.filter((guess) => guess.body.error.code === 'invalid_code').length;
      const expired = guesses.filter((guess) => guess.body.error.code === 'code_expired').length;
      expect(invalid).toBeLessThanOrEqual(4);
      expect(invalid + expired).toBe(20);
      const right = await server.request('/auth/verify-email', { json: { email, code } });
      expect(right.status).toBe(410);
      expect(right.body.error.code).toBe('code_expired');
    });

    it('a resend after the code died gives a working code', async () => {
      const email = 'again@example.com';
      await server.request('/auth/sign-up', { json: { email, password: GOOD_PASSWORD } });
      const first = await server.latestVerification(email);
      for (let i = 1; i <= 5; i++)
        await server.request('/auth/verify-email', { json: { email, code: wrongCode(first.code, i) } });
      expect((await server.request('/auth/resend-verification', { json: { email } })).status).toBe(202);
      const second = await server.latestVerification(email);
      const right = await server.request('/auth/verify-email', { json: { email, code: second.code } });
      expect(right.status).toBe(200);
    });
  });
}
