/**
 * NIST SP 800-63B §5.1.1.2 / OWASP ASVS 4.0.3 V2.5.x and V2.7.x: a reset or verification code and
 * its link expire 15 minutes after they were mailed, to the second, and the mail states that
 * lifetime truthfully. Both sides of the boundary over real HTTP: one second before 15 minutes the
 * code and the link still work; at 15 minutes (one second later) they answer `410 code_expired`.
 * The 15 is written here on purpose rather than read from the server: a changed lifetime must fail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../test-support/dialects.js';
import { latestReset } from '../test-support/password-mail.js';
import {
  createVerifiedUser,
  GOOD_PASSWORD,
  sessionTokenOf,
  startTestServer,
  type TestServer,
} from '../test-support/test-server.js';

/** The lifetime the security model promises (docs/security.md, ARCHITECTURE.md §4). */
const TTL_MINUTES = 15;
const TTL_MS = TTL_MINUTES * 60_000;
const SECOND = 1000;
const NEW_PASSWORD = 'violet tugboat marmalade drifts';

/** The minutes a code mail says its code and link are valid for, from its text and its HTML. */
function statedMinutes(mail: { text: string; html: string } | undefined): number[] {
  const pattern = /expire in (\d+) minutes/g;
  const found = [...(mail?.text ?? '').matchAll(pattern), ...(mail?.html ?? '').matchAll(pattern)];
  return found.map((match) => Number(match[1]));
}

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.available)(`one-time code expiry boundary [${dialect.name}]`, () => {
    let server: TestServer;
    let userCount = 0;
    beforeAll(async () => {
      // Rate limits and the sign-up risk score have their own suites; here they would only count our sign-ups.
      server = await startTestServer(dialect, {
        risk: { threshold: Number.MAX_SAFE_INTEGER },
        rateLimits: { 'sign-up': false, 'verify-email': false, 'password-forgot': false, 'password-reset': false },
      });
    });
    afterAll(async () => {
      await server?.close();
    });

    const nextEmail = (kind: string) => `${kind}${++userCount}@example.com`;
    const reset = (json: Record<string, string>) => server.request('/auth/password/reset', { json });
    const verify = (json: Record<string, string>) => server.request('/auth/verify-email', { json });

    /** A verified user whose reset mail was just sent; the clock stands at the moment it was issued. */
    async function resetMailed(): Promise<{ email: string; code: string; token: string }> {
      const email = nextEmail('reset');
      await createVerifiedUser(server, email);
      expect((await server.request('/auth/password/forgot', { json: { email } })).status).toBe(202);
      return { email, ...(await latestReset(server, email)) };
    }

    /** A fresh sign-up whose verification mail was just sent. */
    async function verificationMailed(): Promise<{ email: string; code: string; token: string }> {
      const email = nextEmail('verify');
      expect((await server.request('/auth/sign-up', { json: { email, password: GOOD_PASSWORD } })).status).toBe(201);
      return { email, ...(await server.latestVerification(email)) };
    }

    it(`the reset mail and the verification mail both state ${TTL_MINUTES} minutes`, async () => {
      const { email: resetEmail } = await resetMailed();
      const resetMail = (await server.mails(resetEmail)).find((mail) => /password reset code/.test(mail.subject));
      expect(statedMinutes(resetMail)).toEqual([TTL_MINUTES, TTL_MINUTES]);

      const { email: verifyEmail } = await verificationMailed();
      const verifyMail = (await server.mails(verifyEmail)).find((mail) => /verification code/.test(mail.subject));
      expect(statedMinutes(verifyMail)).toEqual([TTL_MINUTES, TTL_MINUTES]);
    });

    it('reset code: works 1 s before 15 minutes; at 15 minutes → 410 code_expired', async () => {
      const last = await resetMailed();
      server.clock.advance(TTL_MS - SECOND);
      const inTime = await reset({ email: last.email, code: last.code, password: NEW_PASSWORD });
      expect(inTime.status).toBe(200);
      expect(sessionTokenOf(inTime)).toBeDefined();

      const late = await resetMailed();
      server.clock.advance(TTL_MS);
      const expired = await reset({ email: late.email, code: late.code, password: NEW_PASSWORD });
      expect([expired.status, expired.body?.error?.code]).toEqual([410, 'code_expired']);
      // The old password still works: nothing was changed by the refused reset.
      expect(
        (await server.request('/auth/sign-in', { json: { email: late.email, password: GOOD_PASSWORD } })).status,
      ).toBe(200);
    });

    it('reset link: works 1 s before 15 minutes; at 15 minutes → 410 code_expired', async () => {
      const last = await resetMailed();
      server.clock.advance(TTL_MS - SECOND);
      const inTime = await reset({ token: last.token, password: NEW_PASSWORD });
      expect(inTime.status).toBe(200);

      const late = await resetMailed();
      server.clock.advance(TTL_MS);
      const expired = await reset({ token: late.token, password: NEW_PASSWORD });
      expect([expired.status, expired.body?.error?.code]).toEqual([410, 'code_expired']);
    });

    it('verification code: works 1 s before 15 minutes; at 15 minutes → 410 code_expired', async () => {
      const last = await verificationMailed();
      server.clock.advance(TTL_MS - SECOND);
      const inTime = await verify({ email: last.email, code: last.code });
      expect(inTime.status).toBe(200);
      expect(inTime.body.user).toMatchObject({ email: last.email, emailVerified: true });

      const late = await verificationMailed();
      server.clock.advance(TTL_MS);
      const expired = await verify({ email: late.email, code: late.code });
      expect([expired.status, expired.body?.error?.code]).toEqual([410, 'code_expired']);
    });

    it('verification link: works 1 s before 15 minutes; at 15 minutes → 410 code_expired', async () => {
      const last = await verificationMailed();
      server.clock.advance(TTL_MS - SECOND);
      const inTime = await verify({ token: last.token });
      expect(inTime.status).toBe(200);
      expect(inTime.body.user).toMatchObject({ email: last.email, emailVerified: true });

      const late = await verificationMailed();
      server.clock.advance(TTL_MS);
      const expired = await verify({ token: late.token });
      expect([expired.status, expired.body?.error?.code]).toEqual([410, 'code_expired']);
    });
  });
}
