/**
 * OWASP ASVS 4.0.3 V2.1.7 with the HIBP Pwned Passwords range API (k-anonymity): only the first
 * 5 hex characters of the SHA-1 leave the server; `Add-Padding: true` is sent and padding lines
 * (count 0) are not hits; a timeout fails open (passes, "not checked") or closed (throws
 * BreachCheckUnavailableError → `422 password_breached`). Tested against a local server that
 * speaks the range format.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BreachCheckUnavailableError } from './breach-checker.js';
import { countInRange, createHibpBreachChecker, hibpRangeKey } from './hibp.js';

const BREACHED = 'hunter2-but-longer';
const PADDED_ONLY = 'only-in-a-padding-line';

describe('HIBP range API client', () => {
  let server: Server;
  let baseUrl: string;
  const seen: { url: string; headers: IncomingHttpHeaders }[] = [];

  beforeAll(async () => {
    const breached = hibpRangeKey(BREACHED);
    const padded = hibpRangeKey(PADDED_ONLY);
    server = createServer((request, response) => {
      seen.push({ url: request.url ?? '', headers: request.headers });
      const prefix = (request.url ?? '').split('/').at(-1) ?? '';
      if (request.url?.startsWith('/slow/')) {
        setTimeout(() => response.end('0000000000000000000000000000000000A:1\r\n'), 1000);
        return;
      }
      if (request.url?.startsWith('/broken/')) {
        response.writeHead(503).end();
        return;
      }
      const lines = ['0018A45C4D1DEF81644B54AB7F969B88D65:1', '00D4F6E8FA6EECAD2A3AA415EEC418D38EC:2'];
      if (prefix === breached.prefix) lines.push(`${breached.suffix}:3861493`);
      if (prefix === padded.prefix) lines.push(`${padded.suffix}:0`);
      lines.push('011053FD0102E94D6AE2F8B83D76FAF94F6:0', '012A7CA357541F0AC487871FEEC1891C49C:0');
      response.writeHead(200, { 'content-type': 'text/plain' }).end(lines.join('\r\n'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('finds a breached password with its count; sends only 5 hex chars, Add-Padding and a user agent', async () => {
    seen.length = 0;
    const hibp = createHibpBreachChecker({ baseUrl: `${baseUrl}/range/` });
    expect(await hibp.check(BREACHED)).toEqual({ breached: true, count: 3861493, source: 'hibp', checked: true });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toMatch(/^\/range\/[0-9A-F]{5}$/);
    expect(seen[0]?.url).toBe(`/range/${hibpRangeKey(BREACHED).prefix}`);
    expect(seen[0]?.url).not.toContain(hibpRangeKey(BREACHED).suffix.slice(0, 6));
    expect(seen[0]?.headers['add-padding']).toBe('true');
    expect(seen[0]?.headers['user-agent']).toBe('foyer-server');
  });

  it('a miss is not breached', async () => {
    const hibp = createHibpBreachChecker({ baseUrl: `${baseUrl}/range/` });
    expect(await hibp.check('violet tugboat marmalade drifts')).toMatchObject({
      breached: false,
      count: 0,
      checked: true,
    });
  });

  it('a suffix found only in a padding line (count 0) is a miss', async () => {
    const hibp = createHibpBreachChecker({ baseUrl: `${baseUrl}/range/` });
    expect(await hibp.check(PADDED_ONLY)).toMatchObject({ breached: false, count: 0, checked: true });
    expect(countInRange(`ABC:0\r\n${hibpRangeKey(PADDED_ONLY).suffix}:0\r\n`, hibpRangeKey(PADDED_ONLY).suffix)).toBe(
      0,
    );
  });

  it('timeout, fail open (default): passes as "not checked"', async () => {
    const hibp = createHibpBreachChecker({ baseUrl: `${baseUrl}/slow/`, timeoutMs: 100 });
    // The slow range answers after 1 s; had the timeout not fired, the answer would say checked: true.
    expect(await hibp.check(BREACHED)).toEqual({ breached: false, source: 'hibp', checked: false });
  });

  it('timeout or a 5xx, fail closed: throws BreachCheckUnavailableError', async () => {
    const slow = createHibpBreachChecker({ baseUrl: `${baseUrl}/slow/`, timeoutMs: 100, failClosed: true });
    await expect(slow.check(BREACHED)).rejects.toBeInstanceOf(BreachCheckUnavailableError);
    const broken = createHibpBreachChecker({ baseUrl: `${baseUrl}/broken/`, failClosed: true });
    await expect(broken.check(BREACHED)).rejects.toBeInstanceOf(BreachCheckUnavailableError);
  });
});
