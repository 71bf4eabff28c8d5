/**
 * OWASP ASVS 4.0.3 V2.1.5–V2.1.7 and V3.3.3: a signed-in user changes their password with the
 * current one (wrong → `401 invalid_credentials`); the new one passes the same checks as at
 * sign-up; every other session is revoked, this one stays under a rotated token, and a notice is
 * mailed. A sign-in with a password that has since appeared in a breach succeeds but is flagged
 * `passwordChangeRequired` (in the answer and in `GET /auth/session`) until the password changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BreachChecker } from '../adapters/breach/breach-checker.js';
import { DIALECTS } from '../test-support/dialects.js';
import { mailsMatching } from '../test-support/password-mail.js';
import {
  createVerifiedUser,
  GOOD_PASSWORD,
  sessionTokenOf,
  startTestServer,
  type TestServer,
} from '../test-support/test-server.js';

const NEW_PASSWORD = 'violet tugboat marmalade drifts';

/** A breach corpus the test can add to, as if a password "has since appeared" in a breach. */
function growingCorpus(): BreachChecker & { add(password: string): void } {
  const known = new Set<string>();
  return {
    name: 'test-corpus',
    add: (password) => void known.add(password),
    check: async (password) => ({ breached: known.has(password), source: 'test-corpus', checked: true }),
  };
}

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.available)(`password change and breached sign-in [${dialect.name}]`, () => {
    let server: TestServer;
    const corpus = growingCorpus();
    beforeAll(async () => {
      server = await startTestServer(dialect, { passwordPolicy: { breach: corpus } });
    });
    afterAll(async () => {
      await server?.close();
    });

    const signIn = (email: string, password: string) => server.request('/auth/sign-in', { json: { email, password } });
    // Changing the password needs a fresh step-up (docs/security.md): re-enter the password first.
    const change = async (session: string | undefined, json: Record<string, string>) => {
      if (session) {
        const up = await server.request('/auth/step-up', {
          json: { factor: 'password', password: GOOD_PASSWORD },
          session,
        });
        if (up.status !== 200)
          await server.request('/auth/step-up', {
            json: { factor: 'password', password: json.currentPassword },
            session,
          });
      }
      return server.request('/auth/password/change', { json, session: session ?? null });
    };

    it('change: 204; this session stays (rotated token), others are revoked; old password dead; notice mailed', async () => {
      const email = 'change@example.com';
      const other = await createVerifiedUser(server, email);
      const mine = sessionTokenOf(await signIn(email, GOOD_PASSWORD));
      const response = await change(mine, { currentPassword: GOOD_PASSWORD, newPassword: NEW_PASSWORD });
      expect(response.status).toBe(204);
      const rotated = sessionTokenOf(response);
      expect(rotated).toBeDefined();
      expect(rotated).not.toBe(mine);
      expect((await server.request('/auth/session', { session: rotated })).status).toBe(200);
      expect((await server.request('/auth/session', { session: mine })).status).toBe(401);
      expect((await server.request('/auth/session', { session: other })).status).toBe(401);
      expect((await signIn(email, GOOD_PASSWORD)).status).toBe(401);
      expect((await signIn(email, NEW_PASSWORD)).status).toBe(200);
      expect(await mailsMatching(server, email, /Your password was changed/)).toBe(1);
    });

    it('change: wrong current password → 401 invalid_credentials; weak new → 422; signed out → 401', async () => {
      const email = 'wrong@example.com';
      const session = await createVerifiedUser(server, email);
      const wrong = await change(session, { currentPassword: 'not my password', newPassword: NEW_PASSWORD });
      expect([wrong.status, wrong.body.error.code]).toEqual([401, 'invalid_credentials']);
      const weak = await change(session, { currentPassword: GOOD_PASSWORD, newPassword: 'password1' });
      expect([weak.status, weak.body.error.code]).toEqual([422, 'weak_password']);
      const context = await change(session, {
        currentPassword: GOOD_PASSWORD,
        newPassword: 'wrong at example tugboat',
      });
      expect([context.status, context.body.error.code]).toEqual([422, 'weak_password']);
      const anonymous = await change(undefined, { currentPassword: GOOD_PASSWORD, newPassword: NEW_PASSWORD });
      expect([anonymous.status, anonymous.body.error.code]).toEqual([401, 'unauthenticated']);
      expect((await signIn(email, GOOD_PASSWORD)).status).toBe(200);
    });

    it('breached password at sign-in: 200 with passwordChangeRequired, shown by GET /auth/session, cleared by a change', async () => {
      const email = 'breached@example.com';
      await createVerifiedUser(server, email);
      corpus.add(GOOD_PASSWORD);
      const response = await signIn(email, GOOD_PASSWORD);
      expect(response.status).toBe(200);
      expect(response.body.passwordChangeRequired).toBe(true);
      const token = sessionTokenOf(response);
      const current = await server.request('/auth/session', { session: token });
      expect(current.status).toBe(200);
      expect(current.body.passwordChangeRequired).toBe(true);
      // The breached password is refused as the new one.
      const same = await change(token, { currentPassword: GOOD_PASSWORD, newPassword: GOOD_PASSWORD });
      expect([same.status, same.body.error.code]).toEqual([422, 'password_breached']);
      const changed = await change(token, { currentPassword: GOOD_PASSWORD, newPassword: NEW_PASSWORD });
      expect(changed.status).toBe(204);
      const after = await server.request('/auth/session', { session: sessionTokenOf(changed) });
      expect(after.status).toBe(200);
      expect(after.body.passwordChangeRequired).toBeUndefined();
      const again = await signIn(email, NEW_PASSWORD);
      expect(again.body.passwordChangeRequired).toBeUndefined();
    });
  });
}
