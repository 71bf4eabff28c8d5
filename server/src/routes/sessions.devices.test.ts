/**
 * OWASP ASVS 4.0.3 V3.3.4 (users can view and log out of any or all active sessions and devices)
 * and V2.2.3 (notify after a sign-in from a new device): `GET /auth/sessions` lists the user's
 * live sessions with readable device names, the current one marked; `DELETE /auth/sessions/:id`
 * revokes one of yours, and another user's session id answers 404 and revokes nothing (IDOR);
 * `DELETE /auth/sessions` revokes all but this one. A sign-in from a new device name + network
 * records `device.new` and mails the owner once; not for the first session, nor a known device.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../test-support/dialects.js';
import { mailsMatching, USER_AGENTS } from '../test-support/password-mail.js';
import {
  createVerifiedUser,
  GOOD_PASSWORD,
  sessionTokenOf,
  startTestServer,
  type TestServer,
} from '../test-support/test-server.js';

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.available)(`sessions and devices [${dialect.name}]`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer(dialect);
    });
    afterAll(async () => {
      await server?.close();
    });

    const signIn = async (email: string, userAgent: string): Promise<string> => {
      const response = await server.request('/auth/sign-in', {
        json: { email, password: GOOD_PASSWORD },
        headers: { 'user-agent': userAgent },
      });
      const token = sessionTokenOf(response);
      if (response.status !== 200 || !token) throw new Error(`sign-in failed: ${response.status}`);
      return token;
    };
    const list = (session: string) => server.request('/auth/sessions', { session });

    it('lists live sessions with device names and IP prefixes, the current one marked', async () => {
      const email = 'list@example.com';
      await createVerifiedUser(server, email);
      const mac = await signIn(email, USER_AGENTS.chromeMac);
      await signIn(email, USER_AGENTS.safariIphone);
      const response = await list(mac);
      expect(response.status).toBe(200);
      const sessions = response.body.sessions as { id: string; device: string; ipPrefix: string; current: boolean }[];
      expect(sessions).toHaveLength(3);
      expect(sessions.filter((session) => session.current)).toHaveLength(1);
      expect(sessions.find((session) => session.current)?.device).toBe('Chrome on macOS');
      expect(sessions.map((session) => session.device)).toContain('Safari on iOS');
      expect(sessions[0]).toEqual({
        id: expect.any(String),
        device: expect.any(String),
        ipPrefix: '127.0.0.0/24',
        createdAt: expect.any(String),
        lastSeenAt: expect.any(String),
        current: expect.any(Boolean),
      });
      expect((await server.request('/auth/sessions')).status).toBe(401);
    });

    it('revokes one of your sessions; another user’s id → 404 and nothing revoked', async () => {
      const ada = 'ada@example.com';
      const bob = 'bob@example.com';
      await createVerifiedUser(server, ada);
      await createVerifiedUser(server, bob);
      const adaMac = await signIn(ada, USER_AGENTS.chromeMac);
      const adaPhone = await signIn(ada, USER_AGENTS.safariIphone);
      const bobMac = await signIn(bob, USER_AGENTS.chromeMac);
      const bobSessions = (await list(bobMac)).body.sessions as { id: string }[];
      for (const { id } of bobSessions) {
        const idor = await server.request(`/auth/sessions/${id}`, { method: 'DELETE', session: adaMac });
        expect([idor.status, idor.body.error.code]).toEqual([404, 'not_found']);
      }
      expect((await list(bobMac)).body.sessions).toHaveLength(bobSessions.length);
      expect((await server.request('/auth/sessions/no-such-id', { method: 'DELETE', session: adaMac })).status).toBe(
        404,
      );

      const phoneId = ((await list(adaPhone)).body.sessions as { id: string; current: boolean }[]).find(
        (s) => s.current,
      )?.id;
      const revoked = await server.request(`/auth/sessions/${phoneId}`, { method: 'DELETE', session: adaMac });
      expect(revoked.status).toBe(204);
      expect((await server.request('/auth/session', { session: adaPhone })).status).toBe(401);
      expect((await server.request('/auth/session', { session: adaMac })).status).toBe(200);
      expect((await server.request(`/auth/sessions/${phoneId}`, { method: 'DELETE', session: adaMac })).status).toBe(
        404,
      );
      const events = await server.foyer.db
        .selectFrom('audit_events')
        .select('type')
        .where('type', '=', 'session.revoked')
        .execute();
      expect(events.length).toBeGreaterThanOrEqual(1);
    });

    it('revokes every other session, keeping this one', async () => {
      const email = 'others@example.com';
      const first = await createVerifiedUser(server, email);
      const mac = await signIn(email, USER_AGENTS.chromeMac);
      const phone = await signIn(email, USER_AGENTS.safariIphone);
      expect((await server.request('/auth/sessions', { method: 'DELETE', session: mac })).status).toBe(204);
      expect((await server.request('/auth/session', { session: first })).status).toBe(401);
      expect((await server.request('/auth/session', { session: phone })).status).toBe(401);
      const remaining = (await list(mac)).body.sessions as { current: boolean }[];
      expect(remaining).toEqual([expect.objectContaining({ current: true, device: 'Chrome on macOS' })]);
    });

    it('new-device mail once for a new browser, not for the first session or the same device again', async () => {
      const email = 'devices@example.com';
      await createVerifiedUser(server, email, GOOD_PASSWORD);
      expect(await mailsMatching(server, email, /New sign-in/)).toBe(0);
      // The verifying session had node's own user agent; a Firefox sign-in is new.
      await signIn(email, USER_AGENTS.firefoxWindows);
      expect(await mailsMatching(server, email, /New sign-in/)).toBe(1);
      await signIn(email, USER_AGENTS.firefoxWindows);
      await signIn(email, USER_AGENTS.firefoxWindows);
      expect(await mailsMatching(server, email, /New sign-in/)).toBe(1);
      const mail = (await server.mails(email)).find((entry) => /New sign-in/.test(entry.subject));
      expect(mail?.text).toContain('Firefox on Windows');
      expect(mail?.text).toContain('127.0.0.0/24');
      expect(mail?.text).toContain('foyer=reset-password');
      const events = await server.foyer.db
        .selectFrom('audit_events')
        .selectAll()
        .where('type', '=', 'device.new')
        .execute();
      expect(
        events.filter((event) => JSON.parse(event.details).device === 'Firefox on Windows').length,
      ).toBeGreaterThanOrEqual(1);
    });
  });
}
