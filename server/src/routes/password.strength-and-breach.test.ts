/**
 * NIST SP 800-63B §5.1.1.2 and OWASP ASVS 4.0.3 V2.1.7 / V2.1.8: a new password (sign-up,
 * reset, change) is refused when it is built from context words (the email, "foyer"), too
 * guessable for zxcvbn (`422 weak_password` with its feedback), or breached (`422
 * password_breached`, offline corpus by default; HIBP when configured, failing closed with
 * `details.reason: 'check_unavailable'` when it cannot answer). No password is hashed or stored
 * when refused.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHibpBreachChecker } from '../adapters/breach/hibp.js';
import { DIALECTS } from '../test-support/dialects.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.available)(`password strength and breach check [${dialect.name}]`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer(dialect);
    });
    afterAll(async () => {
      await server?.close();
    });

    const signUp = (email: string, password: string) => server.request('/auth/sign-up', { json: { email, password } });

    it('refuses password1 with zxcvbn feedback in details', async () => {
      const response = await signUp('weak@example.com', 'password1');
      expect(response.status).toBe(422);
      expect(response.body.error.code).toBe('weak_password');
      expect(response.body.error.details).toEqual({
        score: expect.any(Number),
        warning: expect.any(String),
        suggestions: expect.any(Array),
      });
      expect(response.body.error.details.score).toBeLessThan(3);
      const stored = await server.foyer.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', 'weak@example.com')
        .executeTakeFirst();
      expect(stored).toBeUndefined();
    });

    it('accepts a passphrase', async () => {
      expect((await signUp('phrase@example.com', 'violet tugboat marmalade drifts')).status).toBe(201);
    });

    it('refuses passwords built from the email local part or the product name, leetspeak too', async () => {
      for (const [email, password] of [
        ['ada.lovelace@example.com', 'ada.lovelace-rules-1843'],
        ['marguerite@example.com', 'M4rgu3rit3 tugboat drifts'],
        ['someone@example.com', 'my f0yer tugboat marmalade'],
      ] as const) {
        const response = await signUp(email, password);
        expect(response.status, password).toBe(422);
        expect(response.body.error.code).toBe('weak_password');
        expect(response.body.error.message).toMatch(/email address or “foyer”/);
      }
    });

    it('refuses a strong-looking password that is in the breach corpus with 422 password_breached', async () => {
      // zxcvbn scores it 3, but it is in SecLists' common-passwords list.
      const response = await signUp('breached@example.com', 'nEMvXyHeqDd5OQxyXYZI');
      expect(response.status).toBe(422);
      expect(response.body.error.code).toBe('password_breached');
    });
  });

  describe.skipIf(!dialect.available)(`HIBP breach check at sign-up [${dialect.name}]`, () => {
    let range: Server;
    let rangeUrl: string;
    let open: TestServer;
    let closed: TestServer;
    beforeAll(async () => {
      range = createServer((_request, response) => {
        setTimeout(() => response.end('0018A45C4D1DEF81644B54AB7F969B88D65:1\r\n'), 500);
      });
      await new Promise<void>((resolve) => range.listen(0, '127.0.0.1', resolve));
      rangeUrl = `http://127.0.0.1:${(range.address() as AddressInfo).port}/range/`;
      open = await startTestServer(dialect, {
        passwordPolicy: { breach: createHibpBreachChecker({ baseUrl: rangeUrl, timeoutMs: 50 }) },
      });
      closed = await startTestServer(dialect, {
        passwordPolicy: { breach: createHibpBreachChecker({ baseUrl: rangeUrl, timeoutMs: 50, failClosed: true }) },
      });
    });
    afterAll(async () => {
      await open?.close();
      await closed?.close();
      range?.closeAllConnections();
      await new Promise((resolve) => range?.close(resolve));
    });

    it('HIBP timing out, fail open: sign-up goes through', async () => {
      expect(
        (
          await open.request('/auth/sign-up', {
            json: { email: 'open@example.com', password: 'violet tugboat marmalade drifts' },
          })
        ).status,
      ).toBe(201);
    });

    it('HIBP timing out, fail closed: 422 password_breached with reason check_unavailable', async () => {
      const response = await closed.request('/auth/sign-up', {
        json: { email: 'closed@example.com', password: 'violet tugboat marmalade drifts' },
      });
      expect(response.status).toBe(422);
      expect(response.body.error).toMatchObject({
        code: 'password_breached',
        details: { reason: 'check_unavailable' },
      });
    });
  });
}
