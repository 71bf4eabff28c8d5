/**
 * @module JSON-only request bodies: a body in any other content type is refused (415), so a
 * `text/plain` form post cannot smuggle JSON past CORS preflight; bodies are capped in size.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { FoyerError } from '@foyer/core';

/** Options of {@link jsonBodyOnly}. */
export interface JsonBodyOnlyOptions {
  /** Largest accepted body in bytes. @default 65536 */
  maxBytes?: number;
}

/** True for `application/json` and `application/*+json`, with or without parameters. */
export function isJsonMediaType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const mediaType = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  return mediaType === 'application/json' || (mediaType.startsWith('application/') && mediaType.endsWith('+json'));
}

/** True for `application/x-www-form-urlencoded`, with or without parameters. */
export function isFormMediaType(contentType: string | undefined): boolean {
  return (contentType?.split(';')[0] ?? '').trim().toLowerCase() === 'application/x-www-form-urlencoded';
}

/** True when the request carries a body (a non-zero length, or a chunked one). */
function hasBody(headers: Headers): boolean {
  if (headers.has('transfer-encoding')) return true;
  const length = headers.get('content-length');
  return length !== null && length !== '0';
}

/**
 * The declared body length, or `undefined` when the body is streamed without one (chunked). A
 * declared length is binding: HTTP servers read exactly that many bytes.
 */
function declaredLength(headers: Headers): number | undefined {
  if (headers.has('transfer-encoding')) return undefined;
  const length = headers.get('content-length');
  if (length === null) return undefined;
  const bytes = Number(length);
  return Number.isSafeInteger(bytes) && bytes >= 0 ? bytes : undefined;
}

/** Options of {@link requestBodyGuard}. */
export interface RequestBodyGuardOptions {
  /** The one encoding accepted: JSON, or an urlencoded form. @default 'json' */
  kind?: 'json' | 'form';
  /** Largest accepted body in bytes. @default 65536 */
  maxBytes?: number;
}

/**
 * For requests with a body: `415 unsupported_media_type` unless it has the accepted encoding,
 * `400 invalid_input` when it is larger than `maxBytes` (checked on the declared length and while
 * streaming, so a huge or endless body is cut off, never buffered). Every route of the route
 * table goes through it (../../routes/mount-route.ts).
 *
 * @example
 * app.post('/auth/sign-in', requestBodyGuard({ maxBytes: 64 * 1024 }), handler);
 */
export function requestBodyGuard(options: RequestBodyGuardOptions = {}): MiddlewareHandler {
  const maxBytes = options.maxBytes ?? 64 * 1024;
  const accepts = options.kind === 'form' ? isFormMediaType : isJsonMediaType;
  const tooLarge = (): never => {
    throw new FoyerError('invalid_input', {
      message: `The request body is larger than ${Math.round(maxBytes / 1024)} KiB.`,
      fields: { body: `Send at most ${Math.round(maxBytes / 1024)} KiB.` },
    });
  };
  const limit = bodyLimit({ maxSize: maxBytes, onError: tooLarge });
  return async (c, next) => {
    const { headers } = c.req.raw;
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || !hasBody(headers)) return next();
    if (!accepts(c.req.header('content-type'))) throw new FoyerError('unsupported_media_type');
    // A declared length is checked here, without touching the body: Hono's bodyLimit reads
    // `request.body` first, which makes @hono/node-server build a web stream over the socket
    // instead of reading it directly (about 0.4 ms per request here). Streamed bodies go through
    // bodyLimit, which counts while reading.
    const length = declaredLength(headers);
    if (length === undefined) return limit(c, next);
    if (length > maxBytes) return tooLarge();
    return next();
  };
}

/**
 * {@link requestBodyGuard} for JSON: `415` unless the body is JSON, `400` over `maxBytes`.
 *
 * @example
 * auth.use('*', jsonBodyOnly({ maxBytes: 64 * 1024 }));
 */
export function jsonBodyOnly(options: JsonBodyOnlyOptions = {}): MiddlewareHandler {
  return requestBodyGuard({ kind: 'json', ...options });
}
