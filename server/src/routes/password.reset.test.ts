/**
 * OWASP ASVS 4.0.3 V2.5 (credential recovery), NIST SP 800-63B §5.1.1 / §5.2.2: `forgot` answers
 * 202 whether or not the email exists; the reset code and link are single use (a replay answers
 * `400 invalid_code`), expire after 15 minutes (`410 code_expired`), allow 5 tries counted
 * atomically (also under 20 parallel guesses); a weak or breached new password is refused
 * without using up the code; the link page's GET never consumes the token. Success (V3.3.x)
 * revokes every session of the user, signs in on this device, verifies the email and mails a notice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../test-support/dialects.js';
import { latestReset, mailsMatching, wrongCode } from '../test-support/password-mail.js';
import {
  createVerifiedUser,
  GOOD_PASSWORD,
  sessionTokenOf,
  startTestServer,
  type TestServer,
} from '../test-support/test-server.js';

const NEW_PASSWORD = 'violet tugboat marmalade drifts';
const MINUTE = 60_000;

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.available)(`password reset [${dialect.name}]`, () => {
    let server: TestServer;
    beforeAll(async () => {
      // Rate limits (their own suite) off here: this suite proves the per-code try counter itself.
      server = await startTestServer(dialect, { rateLimits: { 'password-forgot': false, 'password-reset': false } });
    });
    afterAll(async () => {
      await server?.close();
    });

    const forgot = (email: string) => server.request('/auth/password/forgot', { json: { email } });
    const reset = (json: Record<string, string>) => server.request('/auth/password/reset', { json });
    const signIn = (email: string, password: string) => server.request('/auth/sign-in', { json: { email, password } });

    it('forgot: same 202 and empty body for a known and an unknown email; mail only to the known one', async () => {
      await createVerifiedUser(server, 'known@example.com');
      const known = await forgot('known@example.com');
      const unknown = await forgot('nobody@example.com');
      expect([known.status, known.text]).toEqual([202, '']);
      expect([unknown.status, unknown.text]).toEqual([known.status, known.text]);
      expect(await mailsMatching(server, 'known@example.com', /password reset code/)).toBe(1);
      expect(await server.mails('nobody@example.com')).toHaveLength(0);
      const mail = (await server.mails('known@example.com'))[0];
      expect(mail?.html).toContain('/auth/password/reset/link?token=');
    });

    it('code flow: 200 {user} with a new session; other sessions are revoked; old password no longer works; notice mailed', async () => {
      const email = 'reset@example.com';
      const first = await createVerifiedUser(server, email);
      const second = sessionTokenOf(await signIn(email, GOOD_PASSWORD));
      await forgot(email);
      const { code } = await latestReset(server, email);
      const response = await reset({ email, code, password: NEW_PASSWORD });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ user: expect.objectContaining({ email, emailVerified: true }) });
      const fresh = sessionTokenOf(response);
      expect(fresh).toBeDefined();
      expect((await server.request('/auth/session', { session: first })).status).toBe(401);
      expect((await server.request('/auth/session', { session: second })).status).toBe(401);
      expect((await server.request('/auth/session', { session: fresh })).status).toBe(200);
      expect((await signIn(email, GOOD_PASSWORD)).status).toBe(401);
      expect((await signIn(email, NEW_PASSWORD)).status).toBe(200);
      expect(await mailsMatching(server, email, /Your password was changed/)).toBe(1);
      const events = await server.foyer.db
        .selectFrom('audit_events')
        .select(['type', 'details'])
        .where('type', 'like', 'password.%')
        .execute();
      expect(events.map((event) => event.type)).toEqual(
        expect.arrayContaining(['password.reset_requested', 'password.reset']),
      );
      expect(JSON.stringify(events)).not.toContain(code);
    });

    it('a replayed code answers 400 invalid_code', async () => {
      const email = 'replay@example.com';
      await createVerifiedUser(server, email);
      await forgot(email);
      const { code, token } = await latestReset(server, email);
      expect((await reset({ email, code, password: NEW_PASSWORD })).status).toBe(200);
      const again = await reset({ email, code, password: 'another fine passphrase here' });
      expect([again.status, again.body.error.code]).toEqual([400, 'invalid_code']);
      const byLink = await reset({ token, password: 'another fine passphrase here' });
      expect([byLink.status, byLink.body.error.code]).toEqual([400, 'invalid_code']);
    });

    it('an expired code (16 minutes later) answers 410 code_expired, the link too', async () => {
      const email = 'expired@example.com';
      await createVerifiedUser(server, email);
      await forgot(email);
      const { code, token } = await latestReset(server, email);
      server.clock.advance(16 * MINUTE);
      const byCode = await reset({ email, code, password: NEW_PASSWORD });
      expect([byCode.status, byCode.body.error.code]).toEqual([410, 'code_expired']);
      const byLink = await reset({ token, password: NEW_PASSWORD });
      expect([byLink.status, byLink.body.error.code]).toEqual([410, 'code_expired']);
    });

    it('5 wrong codes kill the code: the right one is then refused', async () => {
      const email = 'five@example.com';
      await createVerifiedUser(server, email);
      await forgot(email);
      const { code } = await latestReset(server, email);
      const statuses: number[] = [];
      for (let i = 1; i <= 5; i++)
        statuses.push((await reset({ email, code: wrongCode(code, i), password: NEW_PASSWORD })).status);
      expect(statuses).toEqual([400, 400, 400, 400, 410]);
      const right = await reset({ email, code, password: NEW_PASSWORD });
      expect([right.status, right.body.error.code]).toEqual([410, 'code_expired']);
      expect((await signIn(email, GOOD_PASSWORD)).status).toBe(200);
    });

    it('20 parallel wrong codes are counted atomically; the right one is then refused', async () => {
      const email = 'parallel@example.com';
      await createVerifiedUser(server, email);
      await forgot(email);
      const { code } = await latestReset(server, email);
      const guesses = await Promise.all(
        Array.from({ length: 20 }, (_, i) => reset({ email, code: wrongCode(code, i + 1), password: NEW_PASSWORD })),
      );
      const invalid = guesses.filter((guess) => guess.body.error.code === 'invalid_code').length;
      const expired = guesses.filter((guess) => guess.body.error.code === 'code_expired').length;
      expect(invalid).toBeLessThanOrEqual(4);
      expect(invalid + expired).toBe(20);
      const right = await reset({ email, code, password: NEW_PASSWORD });
      expect([right.status, right.body.error.code]).toEqual([410, 'code_expired']);
    });

    it('weak and breached new passwords are refused without using up the code or a try', async () => {
      const email = 'retry@example.com';
      await createVerifiedUser(server, email);
      await forgot(email);
      const { code, token } = await latestReset(server, email);
      for (let i = 0; i < 6; i++) {
        const weak = await reset({ email, code, password: 'password1' });
        expect([weak.status, weak.body.error.code]).toEqual([422, 'weak_password']);
      }
      const breached = await reset({ email, code, password: 'nEMvXyHeqDd5OQxyXYZI' });
      expect([breached.status, breached.body.error.code]).toEqual([422, 'password_breached']);
      const byLinkWeak = await reset({ token, password: 'password1' });
      expect([byLinkWeak.status, byLinkWeak.body.error.code]).toEqual([422, 'weak_password']);
      expect((await reset({ email, code, password: NEW_PASSWORD })).status).toBe(200);
    });

    it('link flow: the GET page never consumes the token; the POST does, once', async () => {
      const email = 'link@example.com';
      await createVerifiedUser(server, email);
      await forgot(email);
      const { token } = await latestReset(server, email);
      for (let i = 0; i < 2; i++) {
        const page = await server.request(`/auth/password/reset/link?token=${token}`);
        expect(page.status).toBe(200);
        expect(page.headers.get('content-security-policy')).toMatch(/script-src 'nonce-[^']+'/);
        expect(page.headers.get('referrer-policy')).toBe('no-referrer');
        expect(page.text).toContain('autocomplete="new-password"');
        expect(page.text).not.toContain(token);
      }
      const response = await reset({ token, password: NEW_PASSWORD });
      expect(response.status).toBe(200);
      expect(sessionTokenOf(response)).toBeDefined();
      expect((await reset({ token, password: NEW_PASSWORD })).status).toBe(400);
    });

    it('an unverified account is verified by a reset (the person proved they own the email)', async () => {
      const email = 'unverified@example.com';
      expect((await server.request('/auth/sign-up', { json: { email, password: GOOD_PASSWORD } })).status).toBe(201);
      await forgot(email);
      const { code } = await latestReset(server, email);
      const response = await reset({ email, code, password: NEW_PASSWORD });
      expect(response.status).toBe(200);
      expect(response.body.user.emailVerified).toBe(true);
      expect((await signIn(email, NEW_PASSWORD)).status).toBe(200);
    });

    it('forgot and reset are rate limited by default (per identity and IP)', async () => {
      const limited = await startTestServer(dialect);
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 5; i++)
          statuses.push(
            (await limited.request('/auth/password/forgot', { json: { email: 'flood@example.com' } })).status,
          );
        expect(statuses.slice(0, 3)).toEqual([202, 202, 202]);
        expect(statuses.at(-1)).toBe(429);
      } finally {
        await limited.close();
      }
    });

    it('an unknown email with any code answers 400 invalid_code', async () => {
      const response = await reset({ email: 'ghost@example.com', code: '123456', password: NEW_PASSWORD });
      expect([response.status, response.body.error.code]).toEqual([400, 'invalid_code']);
    });
  });
}
