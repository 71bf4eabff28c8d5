/**
 * CSRF by origin (OWASP CSRF Prevention Cheat Sheet: standard headers and Fetch Metadata): a
 * state-changing request from another site is refused with `403 csrf_rejected` even with a valid
 * session cookie; the server's own origin, configured partners and non-browser clients pass.
 */
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FoyerError } from '@foyer/core';
import { DIALECTS } from '../../test-support/dialects.js';
import { createVerifiedUser, GOOD_PASSWORD, startTestServer, type TestServer } from '../../test-support/test-server.js';
import { csrfProtection } from './csrf.js';

const PARTNER = 'https://partner.example';
const EVIL = 'https://evil.example';

describe('csrfProtection()', () => {
  const app = new Hono();
  app.use(csrfProtection({ allowedOrigins: [PARTNER], publicUrl: 'https://auth.example/base' }));
  app.all('/thing', (c) => c.text('ok'));
  app.onError((error, c) => (error instanceof FoyerError ? c.json(error.toBody(), 403) : c.text('boom', 500)));

  const post = (headers: Record<string, string>, method = 'POST') =>
    app.request('http://api.example/thing', { method, headers });

  it('lets safe methods through from anywhere', async () => {
    expect((await post({ origin: EVIL, 'sec-fetch-site': 'cross-site' }, 'GET')).status).toBe(200);
  });
  it('allows the public URL origin and partners, and not the origin the request URL (its Host) names', async () => {
    expect((await post({ origin: 'http://api.example' })).status).toBe(403);
    expect((await post({ origin: 'https://auth.example' })).status).toBe(200);
    expect((await post({ origin: PARTNER, 'sec-fetch-site': 'cross-site' })).status).toBe(200);
  });
  it('refuses other origins, "null", and cross-site fetch metadata without an origin', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'])
      expect((await post({ origin: EVIL }, method)).status).toBe(403);
    expect((await post({ origin: 'null' })).status).toBe(403);
    expect((await post({ origin: 'https://partner.example.evil.example' })).status).toBe(403);
    expect((await post({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    const body = (await (await post({ origin: EVIL })).json()) as { error: { code: string } };
    expect(body.error.code).toBe('csrf_rejected');
  });
  it('allows requests with neither header (non-browser clients) and same-site fetch metadata', async () => {
    expect((await post({})).status).toBe(200);
    expect((await post({ 'sec-fetch-site': 'same-origin' })).status).toBe(200);
  });
});

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.available)(`CSRF and CORS over HTTP [${dialect.name}]`, () => {
    let server: TestServer;
    let session: string;
    beforeAll(async () => {
      server = await startTestServer(dialect, { origins: [PARTNER] });
      session = await createVerifiedUser(server, 'csrf@example.com');
    });
    afterAll(async () => {
      await server?.close();
    });

    it('refuses an evil Origin even with a valid session cookie', async () => {
      const response = await server.request('/auth/sign-out', { method: 'POST', session, headers: { origin: EVIL } });
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('csrf_rejected');
      expect((await server.request('/auth/session', { session })).status).toBe(200);
    });

    it('refuses Sec-Fetch-Site: cross-site without an allowed Origin', async () => {
      const response = await server.request('/auth/sign-in', {
        json: { email: 'csrf@example.com', password: GOOD_PASSWORD },
        headers: { 'sec-fetch-site': 'cross-site' },
      });
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('csrf_rejected');
    });

    it('allows the partner origin, with CORS credentials; gives no CORS headers to others', async () => {
      const response = await server.request('/auth/sign-in', {
        json: { email: 'csrf@example.com', password: GOOD_PASSWORD },
        headers: { origin: PARTNER, 'sec-fetch-site': 'cross-site' },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe(PARTNER);
      expect(response.headers.get('access-control-allow-credentials')).toBe('true');
      const preflight = await server.request('/auth/sign-in', {
        method: 'OPTIONS',
        headers: {
          origin: PARTNER,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(PARTNER);
      const evil = await server.request('/auth/session', { session, headers: { origin: EVIL } });
      expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('allows its own origin and clients without Origin', async () => {
      expect(
        (
          await server.request('/auth/sign-in', {
            json: { email: 'csrf@example.com', password: GOOD_PASSWORD },
            headers: { origin: server.url },
          })
        ).status,
      ).toBe(200);
      expect(
        (await server.request('/auth/sign-in', { json: { email: 'csrf@example.com', password: GOOD_PASSWORD } }))
          .status,
      ).toBe(200);
    });
  });
}
