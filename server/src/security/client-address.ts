/**
 * @module Where a request comes from: the socket's remote address (or, behind a trusted proxy,
 * the last address it appended to `X-Forwarded-For`), and its network prefix. Rate limits and
 * risk scoring key on these; sessions and the audit log keep only the prefix.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { ipPrefix } from './ip-prefix.js';

/** The remote address under @hono/node-server; `undefined` under `app.request()` or other runtimes. */
function socketAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}

/**
 * The client's IP address. With `trustProxy`, the right-most `X-Forwarded-For` entry (the one the
 * trusted proxy added — entries to its left are the client's own claims); otherwise the socket.
 *
 * @example
 * clientAddress(c, { trustProxy: true }) // '203.0.113.77'
 */
export function clientAddress(c: Context, options: { trustProxy?: boolean } = {}): string | undefined {
  if (options.trustProxy) {
    const forwarded = c.req
      .header('x-forwarded-for')
      ?.split(',')
      .map((entry) => entry.trim())
      .filter(Boolean)
      .at(-1);
    if (forwarded) return forwarded;
  }
  return socketAddress(c);
}

/** The `/24` or `/64` prefix of the client's address, or `null`. */
export function clientIpPrefix(c: Context, options: { trustProxy?: boolean } = {}): string | null {
  return ipPrefix(clientAddress(c, options));
}
