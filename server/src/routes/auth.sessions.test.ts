/**
 * Sign-in and sessions (OWASP ASVS 3.2–3.4, NIST SP 800-63B §7): same answer for an unknown email
 * and a wrong password; `email_not_verified` only with the right password; an opaque `HttpOnly;
 * SameSite=Lax; Path=/` cookie, `Secure` over https; rotated on sign-in; revoked server-side on
 * sign-out; idle and absolute expiry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../test-support/dialects.js';
import {
  createVerifiedUser,
  GOOD_PASSWORD,
  sessionTokenOf,
  startTestServer,
  type TestServer,
} from '../test-support/test-server.js';

const DAY = 24 * 60 * 60 * 1000;

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.available)(`sign-in and sessions [${dialect.name}]`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer(dialect);
      await createVerifiedUser(server, 'ada@example.com');
    });
    afterAll(async () => {
      await server?.close();
    });

    it('signs in: 200 with the user and an HttpOnly, SameSite=Lax, Path=/ cookie', async () => {
      const response = await server.request('/auth/sign-in', {
        json: { email: 'ADA@example.com', password: GOOD_PASSWORD },
      });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        user: { id: expect.any(String), email: 'ada@example.com', emailVerified: true, createdAt: expect.any(String) },
      });
      const cookie = response.setCookies.find((value) => value.startsWith('foyer_session='));
      expect(cookie).toBeDefined();
      expect(cookie).toMatch(/; HttpOnly/i);
      expect(cookie).toMatch(/; SameSite=Lax/i);
      expect(cookie).toMatch(/; Path=\//);
      // The test server's publicUrl is plain http://127.0.0.1: no Secure (both ways: "cookie Secure flag" below).
      expect(cookie).not.toMatch(/; Secure/i);
      expect(sessionTokenOf(response)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    });

    it('answers an unknown email and a wrong password the same: 401 invalid_credentials', async () => {
      const unknown = await server.request('/auth/sign-in', {
        json: { email: 'nobody@example.com', password: GOOD_PASSWORD },
      });
      const wrong = await server.request('/auth/sign-in', {
        json: { email: 'ada@example.com', password: 'not the password' },
      });
      expect(unknown.status).toBe(401);
      expect(wrong.status).toBe(401);
      expect(unknown.body).toEqual(wrong.body);
      expect(unknown.body.error.code).toBe('invalid_credentials');
      expect(unknown.setCookies).toEqual([]);
      expect(wrong.setCookies).toEqual([]);
    });

    it('answers email_not_verified only with the right password, and mails a fresh code', async () => {
      await server.request('/auth/sign-up', { json: { email: 'unverified@example.com', password: GOOD_PASSWORD } });
      const before = await server.latestVerification('unverified@example.com');
      const wrong = await server.request('/auth/sign-in', {
        json: { email: 'unverified@example.com', password: 'wrong password!' },
      });
      expect(wrong.status).toBe(401);
      expect(wrong.body.error.code).toBe('invalid_credentials');
      const right = await server.request('/auth/sign-in', {
        json: { email: 'unverified@example.com', password: GOOD_PASSWORD },
      });
      expect(right.status).toBe(403);
      expect(right.body.error.code).toBe('email_not_verified');
      expect(right.setCookies).toEqual([]);
      const after = await server.latestVerification('unverified@example.com');
      expect(after.token).not.toBe(before.token);
      const verify = await server.request('/auth/verify-email', {
        json: { email: 'unverified@example.com', code: after.code },
      });
      expect(verify.status).toBe(200);
    });

    it('GET /auth/session: 401 unauthenticated without or with a bogus cookie', async () => {
      const none = await server.request('/auth/session');
      expect(none.status).toBe(401);
      expect(none.body.error.code).toBe('unauthenticated');
      const bogus = await server.request('/auth/session', { session: 'x'.repeat(43) });
      expect(bogus.status).toBe(401);
    });

    it('GET /auth/session answers the user and the session', async () => {
      const token = sessionTokenOf(
        await server.request('/auth/sign-in', { json: { email: 'ada@example.com', password: GOOD_PASSWORD } }),
      );
      const response = await server.request('/auth/session', { session: token });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        user: { id: expect.any(String), email: 'ada@example.com', emailVerified: true, createdAt: expect.any(String) },
        session: { id: expect.any(String), createdAt: server.clock.now().toISOString(), expiresAt: expect.any(String) },
      });
      expect(Date.parse(response.body.session.expiresAt) - server.clock.now().getTime()).toBe(30 * DAY);
      expect(JSON.stringify(response.body)).not.toContain(token);
    });

    it('rotates on sign-in: a new token, and the one the request carried is revoked', async () => {
      const first = sessionTokenOf(
        await server.request('/auth/sign-in', { json: { email: 'ada@example.com', password: GOOD_PASSWORD } }),
      );
      const second = await server.request('/auth/sign-in', {
        json: { email: 'ada@example.com', password: GOOD_PASSWORD },
        session: first,
      });
      const secondToken = sessionTokenOf(second);
      expect(secondToken).toBeTruthy();
      expect(secondToken).not.toBe(first);
      expect((await server.request('/auth/session', { session: first })).status).toBe(401);
      expect((await server.request('/auth/session', { session: secondToken })).status).toBe(200);
    });

    it('signs out: 204, cookie cleared, and the old cookie replayed gets 401', async () => {
      const token = sessionTokenOf(
        await server.request('/auth/sign-in', { json: { email: 'ada@example.com', password: GOOD_PASSWORD } }),
      );
      const out = await server.request('/auth/sign-out', { method: 'POST', session: token });
      expect(out.status).toBe(204);
      expect(out.text).toBe('');
      const cleared = out.setCookies.find((value) => value.startsWith('foyer_session='));
      expect(cleared).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
      expect((await server.request('/auth/session', { session: token })).status).toBe(401);
      expect((await server.request('/auth/sign-out', { method: 'POST' })).status).toBe(204);
    });

    it('records the device (user agent, IP prefix) and writes last_seen at most once a minute', async () => {
      const token = sessionTokenOf(
        await server.request('/auth/sign-in', {
          json: { email: 'ada@example.com', password: GOOD_PASSWORD },
          headers: { 'user-agent': 'FoyerTest/1.0' },
        }),
      )!;
      const { hashToken } = await import('../security/tokens.js');
      const read = () =>
        server.foyer.db
          .selectFrom('sessions')
          .selectAll()
          .where('token_hash', '=', hashToken(token))
          .executeTakeFirstOrThrow();
      const created = await read();
      expect(created.user_agent).toBe('FoyerTest/1.0');
      expect(created.ip_prefix).toBe('127.0.0.0/24');
      server.clock.advance(30_000);
      expect((await server.request('/auth/session', { session: token })).status).toBe(200);
      expect((await read()).last_seen_at).toBe(created.last_seen_at);
      server.clock.advance(31_000);
      expect((await server.request('/auth/session', { session: token })).status).toBe(200);
      const touched = await read();
      expect(touched.last_seen_at).toBe(server.clock.now().toISOString());
      expect(Date.parse(touched.idle_expires_at)).toBe(server.clock.now().getTime() + 7 * DAY);
    });

    it('ends a session idle for 7 days, and use keeps it alive', async () => {
      const idle = sessionTokenOf(
        await server.request('/auth/sign-in', { json: { email: 'ada@example.com', password: GOOD_PASSWORD } }),
      );
      const used = sessionTokenOf(
        await server.request('/auth/sign-in', { json: { email: 'ada@example.com', password: GOOD_PASSWORD } }),
      );
      server.clock.advance(4 * DAY);
      expect((await server.request('/auth/session', { session: used })).status).toBe(200);
      server.clock.advance(4 * DAY);
      expect((await server.request('/auth/session', { session: idle })).status).toBe(401);
      expect((await server.request('/auth/session', { session: used })).status).toBe(200);
    });

    it('ends every session 30 days after sign-in, used or not', async () => {
      const token = sessionTokenOf(
        await server.request('/auth/sign-in', { json: { email: 'ada@example.com', password: GOOD_PASSWORD } }),
      );
      for (let day = 0; day < 29; day += 5) {
        server.clock.advance(5 * DAY);
        const status = (await server.request('/auth/session', { session: token })).status;
        expect(status).toBe(day + 5 < 30 ? 200 : 401);
      }
      server.clock.advance(1 * DAY);
      const expired = await server.request('/auth/session', { session: token });
      expect(expired.status).toBe(401);
      expect(expired.body.error.code).toBe('unauthenticated');
    });
  });

  describe.skipIf(!dialect.available)(`cookie Secure flag [${dialect.name}]`, () => {
    it('is Secure when publicUrl is https, and not for plain http://localhost', async () => {
      for (const [publicUrl, secure] of [
        ['https://auth.example.com', true],
        ['http://localhost:8787', false],
      ] as const) {
        const server = await startTestServer(dialect, { publicUrl });
        try {
          const token = await createVerifiedUser(server, 'flags@example.com');
          expect(token).toBeTruthy();
          const response = await server.request('/auth/sign-in', {
            json: { email: 'flags@example.com', password: GOOD_PASSWORD },
          });
          const cookie = response.setCookies.find((value) => value.startsWith('foyer_session=')) ?? '';
          expect(/; Secure/i.test(cookie)).toBe(secure);
          expect(cookie).toMatch(/; HttpOnly/i);
        } finally {
          await server.close();
        }
      }
    });
  });
}
