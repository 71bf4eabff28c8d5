/**
 * Bad input is a 4xx in the one error shape, never a 500 (OWASP ASVS 5.1): missing fields, wrong
 * types, malformed JSON, oversized bodies, invalid or look-alike emails, passwords outside
 * 8–128 characters → `400 invalid_input` with `fields`; input is never echoed back raw.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../test-support/dialects.js';
import { GOOD_PASSWORD, startTestServer, type TestServer } from '../test-support/test-server.js';

const JSON_ROUTES = ['/auth/sign-up', '/auth/sign-in', '/auth/verify-email', '/auth/resend-verification'];

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.available)(`input validation [${dialect.name}]`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer(dialect);
    });
    afterAll(async () => {
      await server?.close();
    });

    async function expectInvalidInput(path: string, body: string | undefined, contentType = 'application/json') {
      const response = await server.request(path, {
        method: 'POST',
        ...(body === undefined ? {} : { body }),
        headers: body === undefined ? {} : { 'content-type': contentType },
      });
      expect(response.status, `${path} ${body?.slice(0, 40)}`).toBe(400);
      expect(response.body.error.code).toBe('invalid_input');
      expect(typeof response.body.error.message).toBe('string');
      expect(response.body.error.fields).toBeTypeOf('object');
      expect(Object.keys(response.body.error.fields).length).toBeGreaterThan(0);
      return response.body.error.fields as Record<string, string>;
    }

    it.each(JSON_ROUTES)('%s: empty body, null, arrays, scalars, malformed JSON → 400 invalid_input', async (path) => {
      expect(await expectInvalidInput(path, undefined)).toHaveProperty('body');
      expect(await expectInvalidInput(path, '')).toHaveProperty('body');
      expect(await expectInvalidInput(path, 'null')).toHaveProperty('body');
      expect(await expectInvalidInput(path, '[]')).toHaveProperty('body');
      expect(await expectInvalidInput(path, '[{"email":"a@b.co"}]')).toHaveProperty('body');
      expect(await expectInvalidInput(path, '42')).toHaveProperty('body');
      expect(await expectInvalidInput(path, '"text"')).toHaveProperty('body');
      expect(await expectInvalidInput(path, '{"email": ')).toHaveProperty('body');
      expect(await expectInvalidInput(path, '{}')).not.toHaveProperty('body');
    });

    it('sign-up: missing fields and wrong types are reported per field', async () => {
      expect(await expectInvalidInput('/auth/sign-up', '{}')).toEqual({
        email: 'This field is required.',
        password: 'This field is required.',
      });
      const fields = await expectInvalidInput('/auth/sign-up', JSON.stringify({ email: 42, password: ['x'] }));
      expect(Object.keys(fields).sort()).toEqual(['email', 'password']);
    });

    it('sign-up: invalid and look-alike emails are refused', async () => {
      for (const email of [
        'not-an-email',
        'a@b',
        '@example.com',
        'аdmin@example.com',
        'admin@exаmple.com',
        `${'a'.repeat(250)}@example.com`,
      ]) {
        const fields = await expectInvalidInput('/auth/sign-up', JSON.stringify({ email, password: GOOD_PASSWORD }));
        expect(Object.keys(fields)).toEqual(['email']);
      }
    });

    it('sign-up: passwords of 7 and 129 characters are refused; 8 and 128 pass', async () => {
      expect(
        Object.keys(
          await expectInvalidInput(
            '/auth/sign-up',
            JSON.stringify({ email: 'p7@example.com', password: 'x'.repeat(7) }),
          ),
        ),
      ).toEqual(['password']);
      expect(
        Object.keys(
          await expectInvalidInput(
            '/auth/sign-up',
            JSON.stringify({ email: 'p129@example.com', password: 'x'.repeat(129) }),
          ),
        ),
      ).toEqual(['password']);
      // 8 characters pass the length rule; 'xxxxxxxx' is then refused for strength, not length.
      const eight = await server.request('/auth/sign-up', {
        json: { email: 'p8@example.com', password: 'x'.repeat(8) },
      });
      expect([eight.status, eight.body.error.code]).toEqual([422, 'weak_password']);
      const emojis = [...'🔑🦊🌵🎲🚲🧭🪁🍋🐙🎻'];
      const strong128 = Array.from({ length: 128 }, (_, i) => emojis[(i * 7 + (i >> 3)) % emojis.length]).join('');
      expect(
        (await server.request('/auth/sign-up', { json: { email: 'p128@example.com', password: strong128 } })).status,
      ).toBe(201);
    });

    it('verify-email: field errors follow the form that was sent', async () => {
      expect(Object.keys(await expectInvalidInput('/auth/verify-email', '{}')).sort()).toEqual(['code', 'email']);
      expect(await expectInvalidInput('/auth/verify-email', JSON.stringify({ email: 'a@example.com' }))).toHaveProperty(
        'code',
      );
      expect(
        await expectInvalidInput('/auth/verify-email', JSON.stringify({ email: 'a@example.com', code: '12ab56' })),
      ).toHaveProperty('code');
      expect(Object.keys(await expectInvalidInput('/auth/verify-email', JSON.stringify({ token: 'short' })))).toEqual([
        'token',
      ]);
      expect(Object.keys(await expectInvalidInput('/auth/verify-email', JSON.stringify({ token: 7 })))).toEqual([
        'token',
      ]);
    });

    it('a body over 64 KiB → 400 invalid_input, also when streamed without a length', async () => {
      const big = JSON.stringify({ email: 'big@example.com', password: GOOD_PASSWORD, padding: 'x'.repeat(65 * 1024) });
      expect(await expectInvalidInput('/auth/sign-up', big)).toHaveProperty('body');
      const chunks = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(big));
          controller.close();
        },
      });
      const streamed = await fetch(`${server.url}/auth/sign-up`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: chunks,
        duplex: 'half',
      } as RequestInit);
      expect(streamed.status).toBe(400);
      expect(((await streamed.json()) as { error: { code: string } }).error.code).toBe('invalid_input');
    });

    it('a Content-Length that lies (smaller than the body) cannot carry a larger body past the limit', async () => {
      // The size check trusts the declared length and does not read the body to count it, so the
      // HTTP parser must read exactly that many bytes: here they are the start of a 70 KiB sign-up
      // that would succeed if the whole body were taken as this request's.
      const body = JSON.stringify({
        email: 'liar@example.com',
        password: GOOD_PASSWORD,
        padding: 'x'.repeat(70 * 1024),
      });
      const { hostname, port } = new URL(server.url);
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect({ host: hostname, port: Number(port) }, () => {
          // Connection: close, and no half-close from here: the server ends the exchange.
          socket.write(
            `POST /auth/sign-up HTTP/1.1\r\nHost: ${hostname}:${port}\r\nConnection: close\r\nContent-Type: application/json\r\n` +
              `Content-Length: 40\r\n\r\n${body}`,
          );
        });
        let text = '';
        socket.setEncoding('utf8');
        socket.on('data', (chunk: string) => (text += chunk));
        socket.on('close', () => resolve(text));
        socket.on('error', reject);
      });
      const statuses = [...answer.matchAll(/^HTTP\/1\.1 (\d{3})/gm)].map((match) => match[1]);
      // The rest of the bytes are no valid request: the connection is refused and closed.
      expect(statuses.length).toBeGreaterThan(0);
      expect(
        statuses.every((status) => status === '400'),
        answer.slice(0, 200),
      ).toBe(true);
    });

    it('never echoes </script> or other input in errors', async () => {
      const evil = '</script><script>alert(1)</script>';
      for (const body of [
        { email: evil, password: evil },
        { email: `${evil}@example.com`, password: 'x' },
        { [evil]: evil },
      ]) {
        const response = await server.request('/auth/sign-up', { json: body });
        expect(response.status).toBe(400);
        expect(response.text).not.toContain('<script>');
        expect(response.text).not.toContain('</script>');
        expect(response.text).not.toContain('alert(1)');
      }
      const verify = await server.request('/auth/verify-email', { json: { token: evil } });
      expect(verify.status).toBe(400);
      expect(verify.text).not.toContain('script');
    });

    it('415 unsupported_media_type for a text/plain (or form) body, even if it is JSON', async () => {
      for (const contentType of [
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
      ]) {
        const response = await server.request('/auth/sign-up', {
          body: JSON.stringify({ email: 'smuggle@example.com', password: GOOD_PASSWORD }),
          headers: { 'content-type': contentType },
        });
        expect(response.status).toBe(415);
        expect(response.body.error.code).toBe('unsupported_media_type');
      }
      const noType = await fetch(`${server.url}/auth/sign-up`, {
        method: 'POST',
        body: new Uint8Array(Buffer.from(JSON.stringify({ email: 'smuggle@example.com', password: GOOD_PASSWORD }))),
      });
      expect(noType.status).toBe(415);
      expect(
        (
          await server.request('/auth/sign-up', {
            json: { email: 'ok-json@example.com', password: GOOD_PASSWORD },
            headers: { 'content-type': 'application/json; charset=utf-8' },
          })
        ).status,
      ).toBe(201);
    });

    it('unknown routes → 404 not_found in the error shape', async () => {
      const response = await server.request('/auth/nope');
      expect(response.status).toBe(404);
      expect(response.body).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
      expect((await server.request('/auth/sign-up')).status).toBe(404);
    });
  });
}
