/**
 * Logs carry no personal data or secrets (OWASP ASVS 7.1.1–7.1.2): one JSON line per request with
 * method, path, status, duration and request id; never emails, passwords, codes, tokens or cookies.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/dialects.js';
import { GOOD_PASSWORD, sessionTokenOf, startTestServer, type TestServer } from '../../test-support/test-server.js';
import { createFoyerLogger } from './request-logger.js';

describe.skipIf(!DIALECTS[0]?.available)('request logs', () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      callback();
    },
  });
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(DIALECTS[0]!, { logger: createFoyerLogger({ level: 'info' }, sink) });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('writes one line per request without emails, passwords, codes, tokens or cookies', async () => {
    const email = 'secret.person@example.com';
    await server.request('/auth/sign-up', { json: { email, password: GOOD_PASSWORD } });
    const { code, token } = await server.latestVerification(email);
    await server.request(`/auth/verify-email/link?token=${token}`);
    const verified = await server.request('/auth/verify-email', { json: { email, code } });
    const session = sessionTokenOf(verified)!;
    await server.request('/auth/session', { session });
    await server.request('/auth/sign-in', { json: { email, password: 'wrong password here' } });
    await server.request('/auth/sign-out', { method: 'POST', session });

    const requestLines = lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.msg === 'request');
    expect(requestLines).toHaveLength(6);
    for (const line of requestLines) {
      expect(Object.keys(line)).toEqual(expect.arrayContaining(['reqId', 'method', 'path', 'status', 'ms']));
    }
    expect(requestLines.map((line) => line.status)).toEqual([201, 200, 200, 200, 401, 204]);
    const all = lines.join('\n');
    for (const secret of [email, 'secret.person', GOOD_PASSWORD, 'wrong password here', code, token, session]) {
      expect(all).not.toContain(secret);
    }
  });

  it('redacts sensitive keys a handler might log by mistake', () => {
    const captured: string[] = [];
    const logger = createFoyerLogger(
      {},
      new Writable({ write: (chunk: Buffer, _e, cb) => (captured.push(chunk.toString()), cb()) }),
    );
    logger.info({ email: 'a@example.com', user: { password: 'hunter22', token: 'tok' }, code: '123456' }, 'oops');
    expect(captured.join('')).not.toMatch(/a@example\.com|hunter22|tok"|123456/);
    expect(captured.join('')).toContain('[redacted]');
  });
});
