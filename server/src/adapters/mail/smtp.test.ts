/**
 * A verification mail travels through a real SMTP server (smtp-server on 127.0.0.1) and the code
 * parsed from it (mailparser) verifies the account: the production mail path, end to end.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/dialects.js';
import { GOOD_PASSWORD, sessionTokenOf, startTestServer, type TestServer } from '../../test-support/test-server.js';
import { createSmtpMailer } from './smtp.js';

/** A local SMTP sink collecting parsed messages. */
async function startSmtpSink(): Promise<{ url: string; inbox: ParsedMail[]; close(): Promise<void> }> {
  const inbox: ParsedMail[] = [];
  const smtp = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          inbox.push(mail);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, inbox, close: () => new Promise((resolve) => smtp.close(() => resolve())) };
}

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.available)(`SMTP mail round trip [${dialect.name}]`, () => {
    let sink: Awaited<ReturnType<typeof startSmtpSink>>;
    let server: TestServer;
    beforeAll(async () => {
      sink = await startSmtpSink();
      server = await startTestServer(dialect, {
        mailer: createSmtpMailer({ url: sink.url, ignoreTLS: true, from: 'Foyer <no-reply@foyer.test>' }),
        publicUrl: 'https://auth.foyer.test',
      });
    });
    afterAll(async () => {
      await server?.close();
      await sink?.close();
    });

    it('delivers the verification code by SMTP, and the code verifies the account', async () => {
      const email = 'smtp-user@example.com';
      expect((await server.request('/auth/sign-up', { json: { email, password: GOOD_PASSWORD } })).status).toBe(201);
      await server.foyer.flushMail();
      const mail = sink.inbox.find((message) => message.to && !Array.isArray(message.to) && message.to.text === email);
      expect(mail).toBeDefined();
      expect(mail?.from?.text).toContain('no-reply@foyer.test');
      const code = /code is (\d{6})/.exec(mail?.text ?? '')?.[1];
      expect(code).toMatch(/^\d{6}$/);
      expect(mail?.text).toContain('https://auth.foyer.test/auth/verify-email/link?token=');
      expect(mail?.html).toContain(code);
      const verify = await server.request('/auth/verify-email', { json: { email, code } });
      expect(verify.status).toBe(200);
      expect(verify.body.user.emailVerified).toBe(true);
      expect(sessionTokenOf(verify)).toBeTruthy();
    });

    it('has no dev outbox when a real mailer is configured', async () => {
      expect(server.foyer.devOutbox).toBeUndefined();
      expect((await server.request('/dev/outbox.json')).status).toBe(404);
      expect((await server.request('/dev/outbox')).status).toBe(404);
    });
  });
}
