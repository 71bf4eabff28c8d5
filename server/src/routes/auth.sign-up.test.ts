/**
 * Sign-up, resend and verification never tell whether an email is registered (OWASP ASVS 2.2.x
 * / 3.x: no account enumeration): same status and body for a new and an existing email; the owner
 * of an existing account learns by email instead.
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

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.available)(`sign-up and verification [${dialect.name}]`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer(dialect);
    });
    afterAll(async () => {
      await server?.close();
    });

    it('creates an unverified account and mails a 6-digit code and a link', async () => {
      const response = await server.request('/auth/sign-up', {
        json: { email: 'New.User@Example.com', password: GOOD_PASSWORD },
      });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({ status: 'verification_required' });
      expect(response.setCookies).toEqual([]);
      const { code, token } = await server.latestVerification('new.user@example.com');
      expect(code).toMatch(/^\d{6}$/);
      expect(token.length).toBeGreaterThanOrEqual(43);
      const [mail] = await server.mails('new.user@example.com');
      expect(mail?.text).toContain(`${server.url}/auth/verify-email/link?token=${token}`);
      expect(mail?.html).toContain(code);
    });

    it('answers an existing verified email exactly like a new one, and tells the owner', async () => {
      await createVerifiedUser(server, 'taken@example.com');
      const before = (await server.mails('taken@example.com')).length;
      const existing = await server.request('/auth/sign-up', {
        json: { email: 'TAKEN@example.com', password: 'another password 1' },
      });
      const fresh = await server.request('/auth/sign-up', {
        json: { email: 'fresh@example.com', password: 'another password 1' },
      });
      expect(existing.status).toBe(fresh.status);
      expect(existing.body).toEqual(fresh.body);
      expect(existing.setCookies).toEqual(fresh.setCookies);
      const mails = await server.mails('taken@example.com');
      expect(mails).toHaveLength(before + 1);
      expect(mails[0]?.subject).toBe('Someone tried to sign up with your email');
      // The password of the existing account did not change.
      const signIn = await server.request('/auth/sign-in', {
        json: { email: 'taken@example.com', password: GOOD_PASSWORD },
      });
      expect(signIn.status).toBe(200);
    });

    it('re-sends a fresh code when the existing account is still unverified, killing the old one', async () => {
      await server.request('/auth/sign-up', { json: { email: 'pending@example.com', password: GOOD_PASSWORD } });
      const first = await server.latestVerification('pending@example.com');
      const again = await server.request('/auth/sign-up', {
        json: { email: 'pending@example.com', password: GOOD_PASSWORD },
      });
      expect(again.status).toBe(201);
      const second = await server.latestVerification('pending@example.com');
      expect(second.token).not.toBe(first.token);
      if (first.code !== second.code) {
        const old = await server.request('/auth/verify-email', {
          json: { email: 'pending@example.com', code: first.code },
        });
        expect(old.status).toBe(400);
        expect(old.body.error.code).toBe('invalid_code');
      }
      const oldLink = await server.request('/auth/verify-email', { json: { token: first.token } });
      expect(oldLink.body.error.code).toBe('invalid_code');
      const ok = await server.request('/auth/verify-email', {
        json: { email: 'pending@example.com', code: second.code },
      });
      expect(ok.status).toBe(200);
    });

    it('verifies by code: 200 with the user and a session cookie; the code is single use', async () => {
      await server.request('/auth/sign-up', { json: { email: 'coder@example.com', password: GOOD_PASSWORD } });
      const { code } = await server.latestVerification('coder@example.com');
      const response = await server.request('/auth/verify-email', {
        json: { email: 'coder@example.com', code: `${code.slice(0, 3)} ${code.slice(3)}` },
      });
      expect(response.status).toBe(200);
      expect(response.body.user).toMatchObject({ email: 'coder@example.com', emailVerified: true });
      expect(typeof response.body.user.id).toBe('string');
      expect(typeof response.body.user.createdAt).toBe('string');
      const token = sessionTokenOf(response);
      expect(token).toBeTruthy();
      const session = await server.request('/auth/session', { session: token });
      expect(session.status).toBe(200);
      expect(session.body.user.email).toBe('coder@example.com');

      const replay = await server.request('/auth/verify-email', { json: { email: 'coder@example.com', code } });
      expect(replay.status).toBe(400);
      expect(replay.body.error.code).toBe('invalid_code');
    });

    it('answers invalid_code for an unknown email, without telling', async () => {
      const response = await server.request('/auth/verify-email', {
        json: { email: 'nobody@example.com', code: '123456' },
      });
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('invalid_code');
    });

    it('expires codes and links after 15 minutes (410 code_expired)', async () => {
      await server.request('/auth/sign-up', { json: { email: 'slow@example.com', password: GOOD_PASSWORD } });
      const { code, token } = await server.latestVerification('slow@example.com');
      server.clock.advance(16 * 60 * 1000);
      const byCode = await server.request('/auth/verify-email', { json: { email: 'slow@example.com', code } });
      expect(byCode.status).toBe(410);
      expect(byCode.body.error.code).toBe('code_expired');
      const byLink = await server.request('/auth/verify-email', { json: { token } });
      expect(byLink.status).toBe(410);
      expect(byLink.body.error.code).toBe('code_expired');
    });

    it('serves the link page on GET without consuming the token; POST {token} verifies once', async () => {
      await server.request('/auth/sign-up', { json: { email: 'linker@example.com', password: GOOD_PASSWORD } });
      const { token } = await server.latestVerification('linker@example.com');
      for (let i = 0; i < 2; i++) {
        const page = await server.request(`/auth/verify-email/link?token=${token}`);
        expect(page.status).toBe(200);
        expect(page.headers.get('content-type')).toContain('text/html');
        expect(page.text).toContain('Confirm my email');
        expect(page.text).not.toContain(token);
        const csp = page.headers.get('content-security-policy') ?? '';
        const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
        expect(nonce).toBeTruthy();
        expect(page.text).toContain(`<script nonce="${nonce}">`);
        expect(page.headers.get('referrer-policy')).toBe('no-referrer');
      }
      const verify = await server.request('/auth/verify-email', { json: { token }, headers: { origin: server.url } });
      expect(verify.status).toBe(200);
      expect(verify.body.user).toMatchObject({ email: 'linker@example.com', emailVerified: true });
      expect(sessionTokenOf(verify)).toBeTruthy();
      const again = await server.request('/auth/verify-email', { json: { token } });
      expect(again.status).toBe(400);
      expect(again.body.error.code).toBe('invalid_code');
    });

    it('resend answers 202 for unknown, unverified and verified emails alike, mailing only the unverified', async () => {
      await server.request('/auth/sign-up', { json: { email: 'resend@example.com', password: GOOD_PASSWORD } });
      await createVerifiedUser(server, 'resend-verified@example.com');
      const before = {
        pending: (await server.mails('resend@example.com')).length,
        verified: (await server.mails('resend-verified@example.com')).length,
      };
      const answers = await Promise.all(
        ['resend@example.com', 'resend-verified@example.com', 'resend-unknown@example.com'].map((email) =>
          server.request('/auth/resend-verification', { json: { email } }),
        ),
      );
      for (const answer of answers) {
        expect(answer.status).toBe(202);
        expect(answer.text).toBe(answers[0]?.text);
      }
      expect(await server.mails('resend@example.com')).toHaveLength(before.pending + 1);
      expect(await server.mails('resend-verified@example.com')).toHaveLength(before.verified);
      expect(await server.mails('resend-unknown@example.com')).toHaveLength(0);
    });
  });
}
