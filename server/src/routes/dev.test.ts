/**
 * The dev outbox exists only in development with the embedded mailer: `GET /dev/outbox` (HTML,
 * escaped) and `/dev/outbox.json` (newest first); absent with NODE_ENV=production.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../test-support/dialects.js';
import { GOOD_PASSWORD, startTestServer, type TestServer } from '../test-support/test-server.js';

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.available)(`dev outbox [${dialect.name}]`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer(dialect);
    });
    afterAll(async () => {
      await server?.close();
    });

    it('lists mail as JSON, newest first', async () => {
      await server.request('/auth/sign-up', { json: { email: 'first@example.com', password: GOOD_PASSWORD } });
      await server.foyer.flushMail();
      await server.request('/auth/sign-up', { json: { email: 'second@example.com', password: GOOD_PASSWORD } });
      await server.foyer.flushMail();
      const response = await server.request('/dev/outbox.json');
      expect(response.status).toBe(200);
      expect(response.body.map((mail: { to: string }) => mail.to)).toEqual(['second@example.com', 'first@example.com']);
      expect(Object.keys(response.body[0]).sort()).toEqual(['createdAt', 'html', 'subject', 'text', 'to']);
    });

    it('renders an escaped HTML page', async () => {
      await server.foyer.devOutbox?.send({
        to: 'x@example.com',
        subject: '<img src=x onerror=alert(1)>',
        text: '</pre><script>alert(2)</script>',
        html: '<b>hi</b>',
      });
      const response = await server.request('/dev/outbox');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(response.text).toContain('second@example.com');
      expect(response.text).not.toContain('<img src=x');
      expect(response.text).not.toContain('<script>alert(2)');
      expect(response.text).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(response.text.indexOf('x@example.com')).toBeLessThan(response.text.indexOf('second@example.com'));
    });
  });
}

describe.skipIf(!DIALECTS[0]?.available)('dev outbox in production', () => {
  it('is not mounted when NODE_ENV=production', async () => {
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      // Production refuses to start without a mailer (create-foyer-server.production.test.ts).
      const server = await startTestServer(DIALECTS[0]!, { mailer: { send: async () => {} }, devRoutes: true });
      try {
        expect((await server.request('/dev/outbox.json')).status).toBe(404);
        expect((await server.request('/dev/outbox')).status).toBe(404);
      } finally {
        await server.close();
      }
    } finally {
      process.env.NODE_ENV = previous;
    }
  });

  it('is not mounted with devRoutes: false', async () => {
    const server = await startTestServer(DIALECTS[0]!, { devRoutes: false });
    try {
      expect((await server.request('/dev/outbox.json')).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
