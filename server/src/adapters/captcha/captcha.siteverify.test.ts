/**
 * OWASP ASVS 4.0.3 V2.2.1 (anti-automation) and V11.1.4: the Turnstile and hCaptcha adapters speak
 * the siteverify protocol (form-encoded POST of `secret`, `response`, `remoteip`; JSON `success`),
 * fail closed on failure and timeout, and a token is accepted once by Foyer even if the provider
 * would accept it again. Tested against a local server that speaks their format.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/dialects.js';
import { signIn } from '../../test-support/sign-in-security.js';
import { createVerifiedUser, startTestServer, type TestServer } from '../../test-support/test-server.js';
import { createHcaptchaVerifier } from './hcaptcha.js';
import { createTurnstileVerifier } from './turnstile.js';

interface SeenRequest {
  method: string | undefined;
  contentType: string | undefined;
  fields: Record<string, string>;
}

let siteverify: Server;
let verifyUrl = '';
const seen: SeenRequest[] = [];

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

beforeAll(async () => {
  siteverify = createServer((request, response) => {
    void (async () => {
      const fields = Object.fromEntries(new URLSearchParams(await readBody(request)));
      seen.push({ method: request.method, contentType: request.headers['content-type'], fields });
      if (fields.response === 'slow-token') await new Promise((resolve) => setTimeout(resolve, 1000));
      const success = fields.secret === 'test-secret' && fields.response?.startsWith('good-');
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify(
          success
            ? { success: true, hostname: 'localhost' }
            : { success: false, 'error-codes': ['invalid-input-response'] },
        ),
      );
    })();
  });
  await new Promise<void>((resolve) => siteverify.listen(0, '127.0.0.1', resolve));
  verifyUrl = `http://127.0.0.1:${(siteverify.address() as AddressInfo).port}/siteverify`;
});
afterAll(async () => {
  siteverify.closeAllConnections();
  await new Promise((resolve) => siteverify.close(resolve));
});

describe('siteverify adapters', () => {
  for (const [name, create] of [
    ['turnstile', createTurnstileVerifier],
    ['hcaptcha', createHcaptchaVerifier],
  ] as const) {
    it(`${name}: success, failure, timeout (fail closed) and the request shape`, async () => {
      const verifier = create({ secret: 'test-secret', siteKey: 'site-key', verifyUrl, timeoutMs: 200 });
      expect(verifier.provider).toBe(name);
      seen.length = 0;
      expect(await verifier.verify('good-1', { ip: '203.0.113.5' })).toBe(true);
      expect(seen[0]).toMatchObject({
        method: 'POST',
        contentType: 'application/x-www-form-urlencoded',
        fields: { secret: 'test-secret', response: 'good-1', remoteip: '203.0.113.5' },
      });
      if (name === 'hcaptcha') expect(seen[0]!.fields.sitekey).toBe('site-key');
      expect(await verifier.verify('bad-1', {})).toBe(false);
      expect(seen[1]!.fields.remoteip).toBeUndefined();
      expect(await verifier.verify('slow-token', {})).toBe(false);
      expect(
        await create({ secret: 'test-secret', verifyUrl: 'http://127.0.0.1:9/unreachable' }).verify('good-2', {}),
      ).toBe(false);
      expect(await create({ secret: 'wrong-secret', verifyUrl }).verify('good-3', {})).toBe(false);
    });
  }
  it('refuses to start without a secret', () => {
    expect(() => createTurnstileVerifier({ secret: '' })).toThrow(/secret/);
  });
});

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.available)(`Turnstile through sign-in (${dialect.name})`, () => {
    let server: TestServer | undefined;
    afterEach(async () => {
      await server?.close();
      server = undefined;
    });

    it('asks for Turnstile with the site key, accepts a token once, refuses a replay and a bad token', async () => {
      server = await startTestServer(dialect, {
        captcha: { provider: 'turnstile', secret: 'test-secret', siteKey: '0x4AAA-site', verifyUrl },
        rateLimits: { 'sign-in': false },
      });
      const email = 'ts@example.com';
      await createVerifiedUser(server, email);
      for (let i = 0; i < 3; i++) expect((await signIn(server, email, 'wrong')).status).toBe(401);
      const required = await signIn(server, email, 'wrong');
      expect(required.status).toBe(428);
      expect(required.body.error.details).toEqual({ captcha: { provider: 'turnstile', siteKey: '0x4AAA-site' } });
      expect((await server.request('/auth/captcha/challenge')).status).toBe(404);

      expect((await signIn(server, email, 'wrong', { captcha: 'good-token-1' })).status).toBe(401);
      const replay = await signIn(server, email, 'wrong', { captcha: 'good-token-1' });
      expect(replay.status).toBe(400);
      expect(replay.body.error.code).toBe('captcha_invalid');
      expect((await signIn(server, email, 'wrong', { captcha: 'bad-token' })).body.error.code).toBe('captcha_invalid');
      const failed = await server.foyer.db
        .selectFrom('audit_events')
        .select('details')
        .where('type', '=', 'captcha.failed')
        .execute();
      expect(failed.map((row) => JSON.parse(row.details).reason).sort()).toEqual(['rejected', 'replayed']);
    });
  });
}
