/**
 * NIST SP 800-63B §5.1.1.2 and OWASP ASVS 4.0.3 V2.5.x / V2.7.x: a reset or verification code and
 * its link token are single use, also when the same right code (or token) arrives several times at
 * once. Five identical requests in parallel: exactly one succeeds, the other four answer
 * `400 invalid_code`, and only the winner's effect exists (its new password, one new session).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUserByEmail } from '../db/repositories/users.js';
import { verifyPassword } from '../security/password-hashing.js';
import { DIALECTS } from '../test-support/dialects.js';
import { latestReset } from '../test-support/password-mail.js';
import {
  createVerifiedUser,
  GOOD_PASSWORD,
  sessionTokenOf,
  startTestServer,
  type TestResponse,
  type TestServer,
} from '../test-support/test-server.js';

const PARALLEL = 5;
/** Distinct acceptable new passwords, one per parallel request, so the winner is identifiable. */
const NEW_PASSWORDS = Array.from({ length: PARALLEL }, (_, i) => `violet tugboat marmalade drifts ${i}`);

/** The statuses and error codes of answers, sorted: `[[200, undefined], [400, 'invalid_code'], …]`. */
function outcomes(answers: TestResponse[]): [number, string | undefined][] {
  return answers
    .map((answer): [number, string | undefined] => [answer.status, answer.body?.error?.code])
    .sort((a, b) => a[0] - b[0]);
}

const ONE_WINNER: [number, string | undefined][] = [
  [200, undefined],
  ...Array.from({ length: PARALLEL - 1 }, (): [number, string] => [400, 'invalid_code']),
];

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.available)(`one-time codes are single use under a race [${dialect.name}]`, () => {
    let server: TestServer;
    let userCount = 0;
    beforeAll(async () => {
      server = await startTestServer(dialect, {
        risk: { threshold: Number.MAX_SAFE_INTEGER },
        rateLimits: {
          'sign-up': false,
          'sign-in': false,
          'verify-email': false,
          'password-forgot': false,
          'password-reset': false,
        },
      });
    });
    afterAll(async () => {
      await server?.close();
    });

    async function resetMailed(): Promise<{ email: string; code: string; token: string }> {
      const email = `reset-race${++userCount}@example.com`;
      await createVerifiedUser(server, email);
      expect((await server.request('/auth/password/forgot', { json: { email } })).status).toBe(202);
      return { email, ...(await latestReset(server, email)) };
    }

    async function verificationMailed(): Promise<{ email: string; code: string; token: string }> {
      const email = `verify-race${++userCount}@example.com`;
      expect((await server.request('/auth/sign-up', { json: { email, password: GOOD_PASSWORD } })).status).toBe(201);
      return { email, ...(await server.latestVerification(email)) };
    }

    /**
     * The stored hash is the winner's new password: not the old one, not a loser's. Read from the
     * database, since signing in with four wrong passwords would meet the CAPTCHA ladder instead.
     */
    async function expectOnlyWinnersPassword(email: string, answers: TestResponse[]): Promise<void> {
      const winner = answers.findIndex((answer) => answer.status === 200);
      expect(winner).toBeGreaterThanOrEqual(0);
      const user = await findUserByEmail(server.foyer.db, email);
      const matches = await Promise.all(
        [GOOD_PASSWORD, ...NEW_PASSWORDS].map((password) => verifyPassword(user!.password_hash, password)),
      );
      expect(matches).toEqual([false, ...NEW_PASSWORDS.map((_, i) => i === winner)]);
      const signIn = await server.request('/auth/sign-in', { json: { email, password: NEW_PASSWORDS[winner] } });
      expect(signIn.status).toBe(200);
    }

    it('reset by code: 5 parallel uses of the right code → one 200, four 400 invalid_code', async () => {
      const { email, code } = await resetMailed();
      const answers = await Promise.all(
        NEW_PASSWORDS.map((password) => server.request('/auth/password/reset', { json: { email, code, password } })),
      );
      expect(outcomes(answers)).toEqual(ONE_WINNER);
      expect(answers.filter((answer) => sessionTokenOf(answer) !== undefined)).toHaveLength(1);
      await expectOnlyWinnersPassword(email, answers);
    });

    it('reset by link: 5 parallel uses of the token → one 200, four 400 invalid_code', async () => {
      const { email, token } = await resetMailed();
      const answers = await Promise.all(
        NEW_PASSWORDS.map((password) => server.request('/auth/password/reset', { json: { token, password } })),
      );
      expect(outcomes(answers)).toEqual(ONE_WINNER);
      expect(answers.filter((answer) => sessionTokenOf(answer) !== undefined)).toHaveLength(1);
      await expectOnlyWinnersPassword(email, answers);
    });

    it('verify by code: 5 parallel uses of the right code → one 200 with a session, four 400 invalid_code', async () => {
      const { email, code } = await verificationMailed();
      const answers = await Promise.all(
        Array.from({ length: PARALLEL }, () => server.request('/auth/verify-email', { json: { email, code } })),
      );
      expect(outcomes(answers)).toEqual(ONE_WINNER);
      expect(answers.filter((answer) => sessionTokenOf(answer) !== undefined)).toHaveLength(1);
    });

    it('verify by link: 5 parallel uses of the token → one 200 with a session, four 400 invalid_code', async () => {
      const { token } = await verificationMailed();
      const answers = await Promise.all(
        Array.from({ length: PARALLEL }, () => server.request('/auth/verify-email', { json: { token } })),
      );
      expect(outcomes(answers)).toEqual(ONE_WINNER);
      expect(answers.filter((answer) => sessionTokenOf(answer) !== undefined)).toHaveLength(1);
    });
  });
}
