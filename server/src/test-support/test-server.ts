/**
 * @module Starts a Foyer server on a real ephemeral port for tests, with a movable clock, a
 * cookie-aware fetch client and helpers to read the dev outbox.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { createFoyerServer, type FoyerServer, type FoyerServerOptions } from '../create-foyer-server.js';
import type { DevOutboxEntry } from '../adapters/mail/dev-outbox.js';
import type { TestDialect } from './dialects.js';

/** A clock tests move by hand. */
export interface TestClock {
  now: () => Date;
  advance(ms: number): void;
}

/** A clock starting at `start`, moving only when told. */
export function createTestClock(start = new Date('2026-11-28T10:00:00.000Z')): TestClock {
  let current = start.getTime();
  return { now: () => new Date(current), advance: (ms) => void (current += ms) };
}

/** A parsed answer. */
export interface TestResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON, typed loosely: tests read arbitrary answers. */
  body: any;
  text: string;
  /** `Set-Cookie` headers. */
  setCookies: string[];
}

/** Request options of {@link TestServer.request}. */
export interface TestRequest {
  method?: string;
  /** Sent as JSON with `Content-Type: application/json`. */
  json?: unknown;
  /** Sent as is. */
  body?: string;
  headers?: Record<string, string>;
  /** `foyer_session` token to send; `null` sends none. */
  session?: string | null;
}

/** A running test server. */
export interface TestServer {
  url: string;
  foyer: FoyerServer;
  clock: TestClock;
  request(path: string, init?: TestRequest): Promise<TestResponse>;
  /** Mail sent so far, newest first (waits for queued mail first). */
  mails(to?: string): Promise<DevOutboxEntry[]>;
  /** The newest verification code and link token sent to `to`. */
  latestVerification(to: string): Promise<{ code: string; token: string }>;
  close(): Promise<void>;
}

/** The session token in a response's `Set-Cookie`, if it sets one. */
export function sessionTokenOf(response: TestResponse): string | undefined {
  for (const cookie of response.setCookies) {
    const match = /^foyer_session=([^;]*)/.exec(cookie);
    if (match?.[1]) return match[1];
  }
  return undefined;
}

/**
 * An HTTP server listening on `127.0.0.1:0` before it has a handler, so that a Foyer server can be
 * built with the real URL as its `publicUrl` (which is required) and attached afterwards.
 */
export async function listenFirst(): Promise<{
  server: Server;
  url: string;
  attach(fetch: (request: Request) => Response | Promise<Response>): void;
}> {
  let listener: RequestListener | undefined;
  const server = createServer((req, res) => {
    if (listener) return void listener(req, res);
    res.writeHead(503).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    server,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    attach: (fetch) => void (listener = getRequestListener(fetch)),
  };
}

/** Closes an HTTP server and every connection it still holds. */
export async function closeHttpServer(server: Server): Promise<void> {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/**
 * Starts Foyer on `127.0.0.1:0` over a fresh database of the dialect, with the server's real URL
 * as `publicUrl` unless `options` sets one.
 *
 * @example
 * const server = await startTestServer(dialect);
 * await server.request('/auth/sign-up', { method: 'POST', json: { email, password } });
 */
export async function startTestServer(
  dialect: TestDialect,
  options: Partial<FoyerServerOptions> = {},
): Promise<TestServer> {
  const database = await dialect.createDatabase();
  const clock = createTestClock();
  const { server: httpServer, url, attach } = await listenFirst();
  let foyer: FoyerServer;
  try {
    foyer = await createFoyerServer({ db: database.url, logger: false, now: clock.now, publicUrl: url, ...options });
  } catch (error) {
    await closeHttpServer(httpServer);
    await database.dispose();
    throw error;
  }
  attach(foyer.app.fetch);

  const request = async (path: string, init: TestRequest = {}): Promise<TestResponse> => {
    const headers: Record<string, string> = { ...init.headers };
    let body = init.body;
    if (init.json !== undefined) {
      body = JSON.stringify(init.json);
      headers['content-type'] ??= 'application/json';
    }
    if (init.session) headers.cookie = `foyer_session=${init.session}`;
    const response = await fetch(`${url}${path}`, {
      method: init.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      body,
    });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return {
      status: response.status,
      headers: response.headers,
      body: parsed,
      text,
      setCookies: response.headers.getSetCookie(),
    };
  };

  const mails = async (to?: string): Promise<DevOutboxEntry[]> => {
    await foyer.flushMail();
    const all = (await foyer.devOutbox?.list()) ?? [];
    return to ? all.filter((mail) => mail.to === to) : all;
  };

  return {
    url,
    foyer,
    clock,
    request,
    mails,
    async latestVerification(to) {
      const mail = (await mails(to)).find((entry) => /verification code/.test(entry.subject));
      const code = /code is (\d{6})/.exec(mail?.text ?? '')?.[1];
      const token = /token=([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1];
      if (!code || !token) throw new Error(`No verification mail to ${to}`);
      return { code, token };
    },
    async close() {
      await closeHttpServer(httpServer);
      await foyer.close();
      await database.dispose();
    },
  };
}

/** A password that satisfies the policy. */
export const GOOD_PASSWORD = 'correct horse battery staple';

/** Signs up and verifies by code; returns the session token of the verified user. */
export async function createVerifiedUser(server: TestServer, email: string, password = GOOD_PASSWORD): Promise<string> {
  const signUp = await server.request('/auth/sign-up', { json: { email, password } });
  if (signUp.status !== 201) throw new Error(`sign-up failed: ${signUp.status} ${signUp.text}`);
  const { code } = await server.latestVerification(email);
  const verify = await server.request('/auth/verify-email', { json: { email, code } });
  const token = sessionTokenOf(verify);
  if (verify.status !== 200 || !token) throw new Error(`verify failed: ${verify.status} ${verify.text}`);
  return token;
}
