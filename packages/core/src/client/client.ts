/**
 * @module The typed HTTP client of the Foyer API. Its methods are the production actors of the
 * machines (see `createHttpActors`).
 */
import type * as z from 'zod/mini';
import {
  AUTH_ROUTES,
  errorResponseSchema,
  sessionResponseSchema,
  signUpResponseSchema,
  userResponseSchema,
  type ResendVerificationRequest,
  type SessionResponse,
  type SignInRequest,
  type SignUpRequest,
  type SignUpResponse,
  type UserResponse,
  type VerifyEmailRequest,
} from '../contracts/index.js';
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

/** The typed client: one method per endpoint. */
export interface FoyerClient {
  signUp(body: SignUpRequest, init?: RequestOptions): Promise<SignUpResponse>;
  verifyEmail(body: VerifyEmailRequest, init?: RequestOptions): Promise<UserResponse>;
  resendVerification(body: ResendVerificationRequest, init?: RequestOptions): Promise<void>;
  signIn(body: SignInRequest, init?: RequestOptions): Promise<UserResponse>;
  /** The current session, or `null` when signed out. */
  getSession(init?: RequestOptions): Promise<SessionResponse | null>;
  signOut(init?: RequestOptions): Promise<void>;
}

/** Per-call options. */
export interface RequestOptions {
  signal?: AbortSignal;
}

interface Route {
  method: string;
  path: string;
}

/**
 * Creates the typed client. Cookies ride along (`credentials: 'include'`), so the same client works
 * on the server's own origin and, with CORS configured, from an allowed partner origin.
 *
 * @example
 * const client = createFoyerClient({ baseUrl: 'https://auth.example.com' });
 * await client.signIn({ email, password });
 */
export function createFoyerClient(options: FoyerClientOptions = {}): FoyerClient {
  const baseUrl = (options.baseUrl ?? '').replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));

  async function call<T>(route: Route, body: unknown, schema: z.ZodMiniType<T> | null, init?: RequestOptions): Promise<T> {
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${route.path}`, {
        method: route.method,
        credentials: 'include',
        headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: init?.signal,
      });
    } catch (cause) {
      if (init?.signal?.aborted) throw cause;
      throw new FoyerError('network_error');
    }
    if (!response.ok) throw await readError(response);
    if (schema === null) return undefined as T;
    const parsed = schema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) throw new FoyerError('internal_error', { message: 'The server answered in an unexpected shape.' });
    return parsed.data;
  }

  return {
    signUp: (body, init) => call(AUTH_ROUTES.signUp, body, signUpResponseSchema, init),
    verifyEmail: (body, init) => call(AUTH_ROUTES.verifyEmail, body, userResponseSchema, init),
    resendVerification: (body, init) => call(AUTH_ROUTES.resendVerification, body, null, init),
    signIn: (body, init) => call(AUTH_ROUTES.signIn, body, userResponseSchema, init),
    async getSession(init) {
      try {
        return await call(AUTH_ROUTES.session, undefined, sessionResponseSchema, init);
      } catch (error) {
        if (error instanceof FoyerError && error.code === 'unauthenticated') return null;
        throw error;
      }
    },
    signOut: (init) => call(AUTH_ROUTES.signOut, undefined, null, init),
  };
}

/** Turns an error answer into a {@link FoyerError}; anything unexpected becomes `internal_error`. */
async function readError(response: Response): Promise<FoyerError> {
  const parsed = errorResponseSchema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) return new FoyerError('internal_error', { status: response.status });
  const { code, message, fields, retryAfter } = parsed.data.error;
  return new FoyerError(code, { message, fields, retryAfter, status: response.status });
}
