/**
 * No secrets in the database or the logs in production (OWASP ASVS 4.0.3 V7.1.1 "the application
 * does not log credentials", V2.5.x recovery secrets, V14.1.x build and deploy configuration):
 * with `NODE_ENV=production`, `createFoyerServer` refuses to start without a mailer, and with
 * phone sign-in but no SMS sender, instead of falling back to the dev outbox / dev SMS sink that
 * keep every code and link token in clear in `dev_mail` and print it. With both configured, no
 * dev outbox exists: not as a mailer, not as routes, not as rows.
 */
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MailMessage } from './adapters/mail/mailer.js';
import type { SmsMessage } from './adapters/sms/sms.js';
import { createFoyerServer } from './create-foyer-server.js';
import { createFoyerLogger } from './middleware/logger/request-logger.js';
import { DIALECTS } from './test-support/dialects.js';
import { GOOD_PASSWORD, sessionTokenOf, startTestServer, type TestServer } from './test-support/test-server.js';

const PHONE = '+14155552671';

describe('createFoyerServer() with NODE_ENV=production', () => {
  beforeEach(() => void vi.stubEnv('NODE_ENV', 'production'));
  afterEach(() => void vi.unstubAllEnvs());

  it('refuses to start without a mailer, naming the option and SMTP_URL', async () => {
    const starting = createFoyerServer({ db: ':memory:', publicUrl: 'https://auth.example.com', logger: false });
    await expect(starting).rejects.toThrow(/^mailer is required in production/);
    await expect(starting).rejects.toThrow(/SMTP_URL/);
  });

  it('refuses to start with phone sign-in but no SMS sender, naming the option and the Twilio settings', async () => {
    const starting = createFoyerServer({
      db: ':memory:',
      publicUrl: 'https://auth.example.com',
      logger: false,
      mailer: { send: async () => {} },
      phone: { countries: ['US'] },
    });
    await expect(starting).rejects.toThrow(/^sms is required in production/);
    await expect(starting).rejects.toThrow(/TWILIO_ACCOUNT_SID/);
  });

  it('starts with a mailer and without phone sign-in, and no dev outbox', async () => {
    const foyer = await createFoyerServer({
      db: ':memory:',
      publicUrl: 'https://auth.example.com',
      logger: false,
      mailer: { send: async () => {} },
    });
    try {
      expect(foyer.devOutbox).toBeUndefined();
    } finally {
      await foyer.close();
    }
  });
});

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.available)(`production with a mailer and an SMS sender [${dialect.name}]`, () => {
    let server: TestServer;
    const mail: MailMessage[] = [];
    const sms: SmsMessage[] = [];
    let logs = '';
    const printed: string[] = [];

    beforeAll(async () => {
      vi.stubEnv('NODE_ENV', 'production');
      vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void printed.push(args.join(' ')));
      const sink = new Writable({
        write(chunk: Buffer, _encoding, done) {
          logs += chunk.toString();
          done();
        },
      });
      server = await startTestServer(dialect, {
        mailer: { send: async (message) => void mail.push(message) },
        sms: { send: async (message) => void sms.push(message) },
        phone: { countries: ['US'] },
        devRoutes: true,
        logger: createFoyerLogger({ level: 'debug' }, sink),
      });
    });
    afterAll(async () => {
      await server?.close();
      vi.restoreAllMocks();
      vi.unstubAllEnvs();
    });

    /** The 6-digit code of the newest message matching `pattern`. */
    const codeIn = (texts: string[]): string => {
      const code = /(\d{6})/.exec(texts.at(-1) ?? '')?.[1];
      if (!code) throw new Error('no code sent');
      return code;
    };

    it('mail and SMS go to the configured senders; the dev outbox is neither a route nor a table row', async () => {
      const email = 'prod@example.com';
      expect((await server.request('/auth/sign-up', { json: { email, password: GOOD_PASSWORD } })).status).toBe(201);
      await server.foyer.flushMail();
      expect(mail.map((message) => message.to)).toEqual([email]);
      const code = codeIn(mail.map((message) => message.text));
      const verified = await server.request('/auth/verify-email', { json: { email, code } });
      expect(verified.status).toBe(200);
      const session = sessionTokenOf(verified)!;

      expect((await server.request('/account/phone', { json: { phone: PHONE }, session })).status).toBe(202);
      await server.foyer.flushMail();
      const phoneCode = codeIn(sms.map((message) => message.body));
      expect((await server.request('/account/phone/verify', { json: { code: phoneCode }, session })).status).toBe(200);
      expect((await server.request('/auth/phone/start', { json: { phone: PHONE } })).status).toBe(202);
      await server.foyer.flushMail();
      expect(sms.map((message) => message.to)).toEqual([PHONE, PHONE]);

      for (const path of ['/dev/outbox', '/dev/outbox.json']) expect((await server.request(path)).status).toBe(404);
      expect(server.foyer.devOutbox).toBeUndefined();
      const rows = await server.foyer.db
        .selectFrom('dev_mail')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst();
      expect(Number(rows?.n)).toBe(0);

      // No code or link token in the logs nor on the console.
      const secrets = [code, phoneCode, ...[...mail[0]!.text.matchAll(/token=([A-Za-z0-9_-]+)/g)].map((m) => m[1]!)];
      expect(secrets.length).toBeGreaterThan(2);
      expect(logs).not.toBe('');
      for (const secret of secrets) {
        expect(logs).not.toContain(secret);
        expect(printed.join('\n')).not.toContain(secret);
      }
    });
  });
}
