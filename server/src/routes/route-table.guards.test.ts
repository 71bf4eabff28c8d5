/**
 * The route table drives the server: every route is mounted from its core entry with the guards the
 * entry declares, so no route can forget one. OWASP ASVS 4.0.3 V13.1.3 (request size limits),
 * V13.2.5 / V13.1.5 (content type checked), V4.1.1 (access control enforced on every route),
 * V4.3.1 (step-up for sensitive operations). This suite walks the table and attacks each route.
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_ROUTES, type RouteContract } from '@foyer/core';
import { DIALECTS } from '../test-support/dialects.js';
import { createVerifiedUser, startTestServer, type TestServer } from '../test-support/test-server.js';
import { stepUpWithPassword } from '../test-support/mfa.js';

/** Prefixes the API answers under; anything else mounted (dev outbox, static files) is not an API route. */
const API_PREFIXES = ['/auth/', '/account', '/onboarding', '/profiles/'];
const isApiPath = (path: string) => API_PREFIXES.some((prefix) => path.startsWith(prefix));

/** A concrete path for a table path (`:id` → a made-up id). */
const concrete = (route: RouteContract) =>
  route.path
    .replace(':provider', 'google')
    .replace(':step', 'profile')
    .replace(':id', '00000000-0000-4000-8000-000000000000');

const takesBody = (route: RouteContract) => route.method !== 'GET';
const key = (route: { method: string; path: string }) => `${route.method} ${route.path}`;

/** Sends `bytes` as a chunked body (no Content-Length), as a client streaming without end would. */
function streamBody(
  url: string,
  method: string,
  contentType: string,
  bytes: number,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers: { 'content-type': contentType } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    // The server may answer and close before everything was written: that is the point.
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const write = () => {
      while (sent < bytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', write);
      }
      req.end();
    };
    req.write('{"email":"');
    write();
  });
}

describe.each(DIALECTS)('the route table drives the server ($name)', (dialect) => {
  let server: TestServer;

  beforeAll(async () => {
    if (!dialect.available) return;
    server = await startTestServer(dialect, {
      phone: { countries: ['US', 'DE'] },
      providers: { google: { clientId: 'id', clientSecret: 'secret' } },
    });
  });
  afterAll(async () => server?.close());

  it.skipIf(!dialect.available)('mounts every route of the table, and no API route that is not in it', () => {
    const mounted = new Set(
      server.foyer.app.routes.filter((r) => r.method !== 'ALL' && isApiPath(r.path)).map((r) => key(r)),
    );
    const declared = new Set(ALL_ROUTES.map(key));
    expect([...declared].filter((route) => !mounted.has(route))).toEqual([]);
    expect([...mounted].filter((route) => !declared.has(route))).toEqual([]);
  });

  it.skipIf(!dialect.available)(
    'refuses a body in another content type with 415, on every route that takes a body',
    async () => {
      const failures: string[] = [];
      for (const route of ALL_ROUTES.filter(takesBody)) {
        const wrongType = route.body === 'form' ? 'application/json' : 'text/plain';
        const answer = await server.request(concrete(route), {
          method: route.method,
          body: route.body === 'form' ? '{"state":"x"}' : 'state=x',
          headers: { 'content-type': wrongType },
        });
        if (answer.status !== 415 || answer.body?.error?.code !== 'unsupported_media_type')
          failures.push(`${key(route)} → ${answer.status} ${answer.body?.error?.code}`);
      }
      expect(failures).toEqual([]);
    },
  );

  it.skipIf(!dialect.available)(
    'refuses a body over the limit by its declared length, and takes one at the limit to the next check',
    async () => {
      const failures: string[] = [];
      for (const route of ALL_ROUTES.filter(takesBody)) {
        const limit = route.body === 'form' ? 16 * 1024 : 64 * 1024;
        const contentType = route.body === 'form' ? 'application/x-www-form-urlencoded' : 'application/json';
        const over = await server.request(concrete(route), {
          method: route.method,
          body: `${' '.repeat(limit)}x`,
          headers: { 'content-type': contentType },
        });
        if (over.status !== 400 || over.body?.error?.fields?.body === undefined)
          failures.push(`${key(route)} over: ${over.status} ${over.text.slice(0, 80)}`);
        // At the limit the guard lets it through: whatever answers next is not the size refusal.
        const at = await server.request(concrete(route), {
          method: route.method,
          body: ' '.repeat(limit),
          headers: { 'content-type': contentType },
        });
        if (at.status === 500 || /larger than/.test(at.body?.error?.message ?? ''))
          failures.push(`${key(route)} at the limit: ${at.status} ${at.text.slice(0, 80)}`);
      }
      expect(failures).toEqual([]);
    },
  );

  it.skipIf(!dialect.available)(
    'cuts off a streamed body without Content-Length once it passes the limit: 400, never 500',
    async () => {
      const failures: string[] = [];
      for (const route of ALL_ROUTES.filter(takesBody)) {
        const contentType = route.body === 'form' ? 'application/x-www-form-urlencoded' : 'application/json';
        const answer = await streamBody(`${server.url}${concrete(route)}`, route.method, contentType, 4 * 1024 * 1024);
        if (answer.status !== 400) failures.push(`${key(route)} → ${answer.status} ${answer.body.slice(0, 80)}`);
      }
      expect(failures).toEqual([]);
    },
  );

  it.skipIf(!dialect.available)(
    'answers 401 on every session route without a session, before anything else',
    async () => {
      const failures: string[] = [];
      for (const route of ALL_ROUTES.filter((r) => r.auth === 'session')) {
        const answer = await server.request(concrete(route), {
          method: route.method,
          ...(takesBody(route) ? { json: {} } : {}),
        });
        if (answer.status !== 401 || answer.body?.error?.code !== 'unauthenticated')
          failures.push(`${key(route)} → ${answer.status} ${answer.body?.error?.code}`);
      }
      expect(failures).toEqual([]);
    },
  );

  it.skipIf(!dialect.available)(
    'answers step_up_required (or mfa_required) on every step-up route until the session steps up',
    async () => {
      const session = await createVerifiedUser(server, `step-up-walk-${dialect.name}@example.com`);
      const stepUpRoutes = ALL_ROUTES.filter((r) => r.stepUp);
      expect(stepUpRoutes.length).toBeGreaterThan(5);
      const failures: string[] = [];
      for (const route of stepUpRoutes) {
        const answer = await server.request(concrete(route), {
          method: route.method,
          session,
          ...(takesBody(route) ? { json: {} } : {}),
        });
        const expected = route.stepUp?.requireMfa ? 'mfa_required' : 'step_up_required';
        if (answer.status !== 403 || answer.body?.error?.code !== expected)
          failures.push(`${key(route)} → ${answer.status} ${answer.body?.error?.code}`);
      }
      expect(failures).toEqual([]);
      // Once stepped up, the same requests pass the guard (an invalid body is what answers now).
      await stepUpWithPassword(server, session);
      const guardedWithBody = stepUpRoutes.filter((r) => !r.stepUp?.requireMfa && r.request);
      for (const route of guardedWithBody) {
        const answer = await server.request(concrete(route), { method: route.method, session, json: [] });
        expect(answer.status, key(route)).toBe(400);
        expect(answer.body.error.code, key(route)).toBe('invalid_input');
      }
    },
  );

  it.skipIf(!dialect.available)(
    'validates the body with the route’s schema before its handler runs: a JSON array is 400 invalid_input',
    async () => {
      const session = await createVerifiedUser(server, `schema-walk-${dialect.name}@example.com`);
      const failures: string[] = [];
      for (const route of ALL_ROUTES.filter((r) => r.request && !r.stepUp)) {
        const answer = await server.request(concrete(route), {
          method: route.method,
          json: [],
          ...(route.auth === 'public' ? {} : { session }),
          headers: route.path.includes(':step') ? { 'if-match': '"0"' } : {},
        });
        if (answer.status !== 400 || answer.body?.error?.code !== 'invalid_input')
          failures.push(`${key(route)} → ${answer.status} ${answer.body?.error?.code}`);
      }
      expect(failures).toEqual([]);
    },
  );
});
