/**
 * NIST SP 800-63B §5.2.2 (rate limiting: no more than the allowed failed attempts on one account)
 * and OWASP ASVS 4.0.3 V2.2.1 (anti-automation that does not let an attacker lock the owner out):
 * 50 parallel wrong passwords get at most 5 password checks; the 6th and later are refused with
 * 423 or 428 without hashing; the owner's known device still signs in, an unknown device is locked.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/dialects.js';
import { countingVerifier, deviceCookieOf, signIn, solveAltcha } from '../../test-support/sign-in-security.js';
import { createVerifiedUser, GOOD_PASSWORD, startTestServer, type TestServer } from '../../test-support/test-server.js';

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.available)(`lockout: 50 parallel guesses (${dialect.name})`, () => {
    let server: TestServer | undefined;
    afterEach(async () => {
      await server?.close();
      server = undefined;
    });

    it('checks at most 5 guesses against the hash; the known device still gets in', async () => {
      const verifier = countingVerifier();
      server = await startTestServer(dialect, {
        verifyPassword: verifier.verify,
        captcha: { cost: 1 },
        rateLimits: { 'sign-in': false },
      });
      const email = 'victim@example.com';
      await createVerifiedUser(server, email);
      const first = await signIn(server, email, GOOD_PASSWORD);
      expect(first.status).toBe(200);
      const device = deviceCookieOf(first);
      expect(device).toBeDefined();
      const before = verifier.count();

      // Every guess carries a valid, distinct CAPTCHA solution: the attacker pays the proof of work,
      // and still gets no more than 5 checks.
      const captchas = await Promise.all(Array.from({ length: 50 }, () => solveAltcha(server!)));
      const answers = await Promise.all(
        captchas.map((captcha, i) => signIn(server!, email, `wrong guess ${i}`, { captcha })),
      );

      expect(verifier.count() - before).toBeLessThanOrEqual(5);
      const statuses = answers.map((answer) => answer.status);
      expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(4);
      expect(statuses.every((status) => [401, 423, 428].includes(status))).toBe(true);
      expect(statuses.filter((status) => status === 423 || status === 428).length).toBeGreaterThanOrEqual(45);
      expect(statuses).toContain(423);

      const checksBefore = verifier.count();
      const unknown = await signIn(server, email, GOOD_PASSWORD);
      expect(unknown.status).toBe(423);
      expect(unknown.body.error.code).toBe('account_locked');
      expect(verifier.count()).toBe(checksBefore);

      const known = await signIn(server, email, GOOD_PASSWORD, { device: device! });
      expect(known.status).toBe(200);
      // The owner is in; the attacker's lock stays.
      expect((await signIn(server, email, GOOD_PASSWORD)).status).toBe(423);
    });

    it('without CAPTCHA solutions, parallel guesses stop at the CAPTCHA stage (3 checks)', async () => {
      const verifier = countingVerifier();
      server = await startTestServer(dialect, {
        verifyPassword: verifier.verify,
        captcha: { cost: 1 },
        rateLimits: { 'sign-in': false },
      });
      const email = 'victim2@example.com';
      await createVerifiedUser(server, email);
      const before = verifier.count();
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, i) => signIn(server!, email, `wrong guess ${i}`)),
      );
      expect(verifier.count() - before).toBeLessThanOrEqual(3);
      expect(answers.filter((answer) => answer.status === 428).length).toBeGreaterThanOrEqual(47);
    });
  });
}
