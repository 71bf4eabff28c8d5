/** @module The one request function every endpoint method of the client is built on. */
import type * as z from 'zod/mini';
import { errorResponseSchema } from '../contracts/index.js';
import { FoyerError } from '../errors.js';

/** Options of {@link createFoyerClient}. */
export interface FoyerClientOptions {
  /**
   * Where the Foyer server is mounted, e.g. `https://auth.example.com` or `/` for the same origin.
   * @default ''
   */
  baseUrl?: string;
  /** A `fetch` to use instead of the global one (tests, SSR). */
  fetch?: typeof fetch;
}

/** Per-call options. */
export interface RequestOptions {
  signal?: AbortSignal;
  /** Lets the request outlive the page (`pagehide` flushes). */
  keepalive?: boolean;
}

/** What a request needs of a route: its method and path (`AUTH_ROUTES.signIn`…). */
export interface Route {
  method: string;
  path: string;
}

/** The variable parts of one request. */
export interface CallParts {
  params?: Record<string, string>;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Sends one request of a route and parses its answer: what every endpoint method is built on. */
export type EndpointCall = <T>(
  route: Route,
  parts: CallParts,
  schema: z.ZodMiniType<T> | null,
  init?: RequestOptions,
) => Promise<T>;

/**
 * The request function the endpoint groups share: base URL, `fetch`, cookies, error answers.
 *
 * @example
 * const sessions = securityEndpoints(createEndpointCall({ baseUrl: 'https://auth.example.com' }));
 */
export function createEndpointCall(options: FoyerClientOptions = {}): EndpointCall {
  const baseUrl = (options.baseUrl ?? '').replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));

  return async function call<T>(
    route: Route,
    parts: CallParts,
    schema: z.ZodMiniType<T> | null,
    init?: RequestOptions,
  ): Promise<T> {
    const { params = {}, query, headers = {}, body } = parts;
    const path = route.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
    const search = query ? `?${new URLSearchParams(query).toString()}` : '';
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${path}${search}`, {
        method: route.method,
        credentials: 'include',
        headers: {
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: init?.signal,
        keepalive: init?.keepalive,
      });
    } catch (cause) {
      if (init?.signal?.aborted) throw cause;
      throw new FoyerError('network_error');
    }
    if (!response.ok) throw await readError(response);
    if (schema === null || response.status === 204) return undefined as T;
    const parsed = schema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success)
      throw new FoyerError('internal_error', { message: 'The server answered in an unexpected shape.' });
    return parsed.data;
  };
}

/** Turns an error answer into a {@link FoyerError}; anything unexpected becomes `internal_error`. */
async function readError(response: Response): Promise<FoyerError> {
  const parsed = errorResponseSchema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) return new FoyerError('internal_error', { status: response.status });
  const { code, message, fields, retryAfter, details } = parsed.data.error;
  return new FoyerError(code, { message, fields, retryAfter, details, status: response.status });
}
