/**
 * OWASP ASVS 4.0.3 V2.2.1 (anti-automation against credential stuffing) and OWASP Automated
 * Threats OAT-008: one IP trying many different emails makes CAPTCHA required (428) long before
 * 30 tries, while other IPs are unaffected; the score and its reasons are in the audit log.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/dialects.js';
import { signIn } from '../../test-support/sign-in-security.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.available)(`risk: credential stuffing (${dialect.name})`, () => {
    let server: TestServer | undefined;
    afterEach(async () => {
      await server?.close();
      server = undefined;
    });

    it('one IP trying 30 emails gets 428; another network does not', async () => {
      server = await startTestServer(dialect, { trustProxy: true, captcha: { cost: 1 } });
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++)
        statuses.push((await signIn(server, `user${i}@example.com`, 'Summer2024!', { ip: '203.0.113.9' })).status);
      expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
      expect(statuses.at(-1)).toBe(428);
      expect(statuses.filter((status) => status === 401).length).toBeLessThan(15);

      expect((await signIn(server, 'someone@example.com', 'a wrong password', { ip: '198.51.100.20' })).status).toBe(
        401,
      );

      const events = await server.foyer.db
        .selectFrom('audit_events')
        .select(['details', 'ip_prefix'])
        .where('type', '=', 'captcha.required')
        .execute();
      expect(events.length).toBeGreaterThan(0);
      const details = JSON.parse(events[0]!.details);
      expect(details.trigger).toBe('risk');
      expect(details.risk.score).toBeGreaterThanOrEqual(50);
      expect(details.risk.reasons.join(' ')).toMatch(/identities_from_ip/);
      expect(events[0]!.ip_prefix).toBe('203.0.113.0/24');
    });

    it('many sign-ups from one IP make sign-up require CAPTCHA', async () => {
      server = await startTestServer(dialect, {
        trustProxy: true,
        captcha: { cost: 1 },
        risk: { threshold: 20 },
        rateLimits: { 'sign-up': false },
      });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        statuses.push(
          (
            await server.request('/auth/sign-up', {
              json: { email: `new${i}@example.com`, password: 'weakish pw 1' },
              headers: { 'x-forwarded-for': '203.0.113.50' },
            })
          ).status,
        );
      }
      expect(statuses.at(-1)).toBe(428);
      expect(statuses.filter((status) => status === 428).length).toBeLessThan(12);
    });
  });
}
