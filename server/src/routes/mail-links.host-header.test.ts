/**
 * Host header injection (OWASP WSTG-INPV-17; OWASP Forgot Password Cheat Sheet: "ensure that the
 * reset URL is not built from the Host header"; OWASP ASVS 4.0.3 V2.5.x, V4.2.2): the `Host` a
 * request names is chosen by whoever sends it. Links Foyer mails (verification, password reset,
 * unlock) carry tokens, so they are built from the configured `publicUrl` only; the CSRF origin
 * check, the OpenID `return_to` allow-list and redirect URI trust `publicUrl` and `origins` only.
 * Each attack is sent over real HTTP with node:http, so the server really sees `Host: evil.example`.
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFoyerServer } from '../create-foyer-server.js';
import type { DevOutboxEntry } from '../adapters/mail/dev-outbox.js';
import { DIALECTS } from '../test-support/dialects.js';
import { startTestOidcProvider, type TestOidcProvider } from '../test-support/oidc-test-provider.js';
import {
  createVerifiedUser,
  GOOD_PASSWORD,
  sessionTokenOf,
  startTestServer,
  type TestServer,
} from '../test-support/test-server.js';

const EVIL_HOST = 'evil.example';
const EVIL_ORIGIN = `http://${EVIL_HOST}`;

/** An answer read off the socket. */
interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: any;
}

/** Sends a request to `server` whose `Host` header is `host` (fetch would not let us set it). */
function requestWithHost(
  server: TestServer,
  path: string,
  init: { host?: string; method?: string; json?: unknown; headers?: Record<string, string> } = {},
): Promise<RawAnswer> {
  const body = init.json === undefined ? undefined : JSON.stringify(init.json);
  const target = new URL(path, server.url);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        hostname: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: init.method ?? (body === undefined ? 'GET' : 'POST'),
        headers: {
          host: init.host ?? EVIL_HOST,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...init.headers,
        },
      },
      (incoming) => {
        let text = '';
        incoming.setEncoding('utf8');
        incoming.on('data', (chunk: string) => (text += chunk));
        incoming.on('end', () => {
          let parsed: unknown;
          try {
            parsed = text ? JSON.parse(text) : undefined;
          } catch {
            parsed = undefined;
          }
          resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: parsed });
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** Every absolute URL in a mail, text and HTML. */
function linksIn(mail: DevOutboxEntry): string[] {
  return [...`${mail.text}\n${mail.html}`.matchAll(/https?:\/\/[^\s"'<>)]+/g)].map((match) => match[0]);
}

/** The mail's links all point at the configured origin, and it never names the spoofed host. */
function expectLinksOnConfiguredOrigin(server: TestServer, mail: DevOutboxEntry | undefined, path: string): void {
  expect(mail).toBeDefined();
  const links = linksIn(mail!);
  expect(links.some((link) => link.startsWith(`${server.url}${path}?token=`))).toBe(true);
  for (const link of links) expect(new URL(link).origin).toBe(server.url);
  expect(`${mail!.text}${mail!.html}`).not.toContain(EVIL_HOST);
}

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.available)(`links and trusted origins ignore the Host header [${dialect.name}]`, () => {
    let server: TestServer;
    let google: TestOidcProvider;

    beforeAll(async () => {
      google = await startTestOidcProvider({ kind: 'google', clientId: 'foyer-web', clientSecret: 'google-secret' });
      server = await startTestServer(dialect, {
        lockout: { captchaAfter: 3, lockAfter: 3 },
        providers: { google: { issuer: google.issuer, clientId: 'foyer-web', clientSecret: 'google-secret' } },
      });
      google.configure(`${server.url}/auth/oauth/google/callback`);
    });
    afterAll(async () => {
      await server?.close();
      await google?.close();
    });

    it('sign-up mails its verification link on the configured origin', async () => {
      const email = 'signup-victim@example.com';
      const answer = await requestWithHost(server, '/auth/sign-up', { json: { email, password: GOOD_PASSWORD } });
      expect(answer.status).toBe(201);
      const [mail] = await server.mails(email);
      expectLinksOnConfiguredOrigin(server, mail, '/auth/verify-email/link');
    });

    it('resend-verification mails its link on the configured origin', async () => {
      const email = 'resend-victim@example.com';
      expect((await server.request('/auth/sign-up', { json: { email, password: GOOD_PASSWORD } })).status).toBe(201);
      const before = (await server.mails(email)).length;
      const answer = await requestWithHost(server, '/auth/resend-verification', { json: { email } });
      expect(answer.status).toBe(202);
      const mails = await server.mails(email);
      expect(mails).toHaveLength(before + 1);
      expectLinksOnConfiguredOrigin(server, mails[0], '/auth/verify-email/link');
    });

    it('forgot-password mails its reset link on the configured origin', async () => {
      const email = 'reset-victim@example.com';
      await createVerifiedUser(server, email);
      const answer = await requestWithHost(server, '/auth/password/forgot', { json: { email } });
      expect(answer.status).toBe(202);
      const mail = (await server.mails(email)).find((entry) => /reset/i.test(entry.subject));
      expectLinksOnConfiguredOrigin(server, mail, '/auth/password/reset/link');
    });

    it('the lock notice mails its unlock link on the configured origin', async () => {
      const email = 'lock-victim@example.com';
      await createVerifiedUser(server, email);
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        const answer = await requestWithHost(server, '/auth/sign-in', { json: { email, password: `wrong ${i}` } });
        statuses.push(answer.status);
      }
      expect(statuses).toEqual([401, 401, 423]);
      const mail = (await server.mails(email)).find((entry) => /paused/.test(entry.subject));
      expectLinksOnConfiguredOrigin(server, mail, '/auth/unlock/link');
    });

    it('refuses a cross-site POST whose Origin equals the spoofed Host (403 csrf_rejected)', async () => {
      const session = await createVerifiedUser(server, 'csrf-host@example.com');
      const answer = await requestWithHost(server, '/auth/sign-out', {
        method: 'POST',
        headers: { origin: EVIL_ORIGIN, cookie: `foyer_session=${session}` },
      });
      expect(answer.status).toBe(403);
      expect(answer.body.error.code).toBe('csrf_rejected');
      expect((await server.request('/auth/session', { session })).status).toBe(200);
      // The configured origin still passes, whatever the Host says.
      const own = await requestWithHost(server, '/auth/sign-in', {
        json: { email: 'csrf-host@example.com', password: GOOD_PASSWORD },
        headers: { origin: server.url },
      });
      expect(own.status).toBe(200);
    });

    it('refuses an OpenID return_to on the spoofed host, and sends the configured redirect URI', async () => {
      const refused = await requestWithHost(
        server,
        `/auth/oauth/google/start?return_to=${encodeURIComponent(`${EVIL_ORIGIN}/welcome`)}`,
      );
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatchObject({ code: 'invalid_input', fields: { return_to: expect.any(String) } });

      const started = await requestWithHost(
        server,
        `/auth/oauth/google/start?return_to=${encodeURIComponent(`${server.url}/welcome`)}`,
      );
      expect(started.status).toBe(302);
      const authorization = new URL(String(started.headers.location));
      expect(authorization.origin).toBe(google.issuer);
      expect(authorization.searchParams.get('redirect_uri')).toBe(`${server.url}/auth/oauth/google/callback`);
    });

    it('still signs in through the configured origin', async () => {
      const signIn = await server.request('/auth/sign-in', {
        json: { email: 'reset-victim@example.com', password: GOOD_PASSWORD },
        headers: { origin: server.url },
      });
      expect(signIn.status).toBe(200);
      expect(sessionTokenOf(signIn)).toBeDefined();
    });
  });
}

describe('createFoyerServer() without a usable publicUrl', () => {
  it('refuses to start, naming the option', async () => {
    // @ts-expect-error -- publicUrl is required by the type too; a JavaScript caller can still omit it.
    await expect(createFoyerServer({ db: ':memory:', logger: false })).rejects.toThrow(/^publicUrl is required: /);
    await expect(createFoyerServer({ db: ':memory:', logger: false, publicUrl: '' })).rejects.toThrow(
      /^publicUrl is required: /,
    );
    for (const publicUrl of ['auth.example.com', 'ftp://auth.example.com', 'https://auth.example.com/?next=x']) {
      await expect(createFoyerServer({ db: ':memory:', logger: false, publicUrl })).rejects.toThrow(
        /^publicUrl must be/,
      );
    }
  });

  it('builds links under it, mount prefix kept and trailing slash dropped', async () => {
    const foyer = await createFoyerServer({ db: ':memory:', logger: false, publicUrl: 'https://Auth.Example.com/id/' });
    try {
      const answer = await foyer.app.request('http://evil.example/auth/sign-up', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'prefix@example.com', password: GOOD_PASSWORD }),
      });
      expect(answer.status).toBe(201);
      await foyer.flushMail();
      const [mail] = (await foyer.devOutbox?.list()) ?? [];
      expect(mail?.text).toMatch(/https:\/\/auth\.example\.com\/id\/auth\/verify-email\/link\?token=/);
    } finally {
      await foyer.close();
    }
  });
});
