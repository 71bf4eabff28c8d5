/**
 * Production headers (OWASP ASVS 4.0.3 V9.1.1 / V14.4.5 HSTS, V14.4.3 CSP, V14.4.4 nosniff, V14.4.7
 * no framing): a server whose public URL is https sends `Strict-Transport-Security` on every
 * answer (success, error shape, 404, static file); on plain http it does not. The example host page
 * Foyer serves gets a CSP allowing only its own origin's files — and the page has no inline script
 * or style for that policy to block (Chromium runs it under the policy in e2e/auth.e2e.test.mjs) —
 * `frame-ancestors 'none'` and `nosniff`. Through real HTTP on SQLite: no header depends on storage.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/dialects.js';
import { createVerifiedUser, startTestServer, type TestServer } from '../../test-support/test-server.js';

const sqlite = DIALECTS.find((dialect) => dialect.name === 'sqlite')!;
const repositoryRoot = fileURLToPath(new URL('../../../../', import.meta.url));

describe('HSTS when the public URL is https', () => {
  let server: TestServer;
  let session: string;
  beforeAll(async () => {
    // The test socket speaks plain http; what counts is the configured public URL (TLS ends at a proxy).
    server = await startTestServer(sqlite, { publicUrl: 'https://auth.example.com', staticRoot: repositoryRoot });
    session = await createVerifiedUser(server, 'hsts@example.com');
  });
  afterAll(async () => {
    await server?.close();
  });

  it('is on every answer: success, error, not found, the host page and its files', async () => {
    const answers = [
      await server.request('/auth/session', { session }),
      await server.request('/auth/session'),
      await server.request('/auth/sign-in', { json: { email: 'not an email', password: '' } }),
      await server.request('/no/such/path'),
      await server.request('/'),
      await server.request('/examples/plain-html/host.js'),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([200, 401, 400, 404, 200, 200]);
    for (const answer of answers)
      expect(answer.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  });
});

describe('no HSTS on a plain-http public URL (development)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(sqlite);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('leaves the header out', async () => {
    const answer = await server.request('/auth/session');
    expect(answer.status).toBe(401);
    expect(answer.headers.get('strict-transport-security')).toBeNull();
  });
});

describe('the served host page', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(sqlite, { staticRoot: repositoryRoot });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('has a CSP of its own origin only, no framing, and nosniff', async () => {
    const page = await server.request('/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const policy = Object.fromEntries(
      (page.headers.get('content-security-policy') ?? '').split(';').map((directive) => {
        const [name = '', ...values] = directive.trim().split(/\s+/);
        return [name, values.join(' ')];
      }),
    );
    expect(policy).toEqual({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self'",
      'img-src': "'self' data:",
      'connect-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'none'",
      'form-action': "'self'",
      'frame-ancestors': "'none'",
    });
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('has no inline script or style for the policy to block; its own files carry nosniff', async () => {
    const page = (await server.request('/')).text;
    const scripts = [...page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="\/(dist|examples)\//);
      expect(body?.trim()).toBe('');
    }
    expect(page).not.toMatch(/<style\b/i);
    expect(page).not.toMatch(/\sstyle=/i);
    expect(page).not.toMatch(/\son[a-z]+=/i);
    for (const path of ['/examples/plain-html/host.js', '/examples/plain-html/host.css']) {
      const file = await server.request(path);
      expect(file.status, path).toBe(200);
      expect(file.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(file.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
    }
  });
});
