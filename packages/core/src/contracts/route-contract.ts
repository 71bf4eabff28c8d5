/** @module The shape of one route of the HTTP API. */
import type { ErrorCode } from '../errors.js';

/**
 * The server's rate-limit policies (limits per identity and per IP; defaults and overrides live in
 * the server's `rateLimits` option). A route names the one that guards it.
 */
export const RATE_LIMIT_POLICY_IDS = [
  'sign-up',
  'sign-in',
  'verify-email',
  'resend-verification',
  'password-forgot',
  'password-reset',
  'unlock',
  'captcha-challenge',
  'mfa-verify',
  'mfa-setup',
  'passkey-options',
] as const;

/** A rate-limit policy id (see {@link RATE_LIMIT_POLICY_IDS}). */
export type RateLimitPolicyId = (typeof RATE_LIMIT_POLICY_IDS)[number];

/**
 * Who may call a route:
 * - `public`: anyone; the session is not read.
 * - `session`: a live session, else `401 unauthenticated` before anything else is looked at.
 * - `optional`: the handler gets the session when there is one (sign-out, routes that serve a
 *   pending sign-in or a signed-in user alike).
 */
export type RouteAuth = 'public' | 'session' | 'optional';

/** A fresh proof of identity a sensitive route needs (NIST SP 800-63B §4.2.3 re-authentication). */
export interface RouteStepUp {
  /** How recent the step-up must be, in seconds. @default 300 */
  maxAgeSeconds?: number;
  /** Users without MFA get `403 mfa_required` instead of being allowed to step up with their password. @default false */
  requireMfa?: boolean;
}

/**
 * One endpoint of the HTTP API. The server mounts every route from its entry with the guards it
 * declares (body limits and content type, session, step-up, rate limit, request validation), so a
 * route cannot forget one; the docs and the client derive from the same entry.
 */
export interface RouteContract {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  summary: string;
  /** Who may call it. */
  auth: RouteAuth;
  /** Schema of the body, when the route takes one; the server validates it before the handler runs. */
  request?: unknown;
  /**
   * How a body is encoded: JSON (`application/json`, 64 KiB), an urlencoded form (Apple's
   * `form_post`, 16 KiB). Any other content type is `415 unsupported_media_type`. @default 'json'
   */
  body?: 'json' | 'form';
  /** A fresh step-up first (`403 step_up_required`). */
  stepUp?: RouteStepUp;
  /** The rate-limit policy that guards it. */
  rateLimit?: RateLimitPolicyId;
  /** Status and schema of the success answer (`undefined` for an empty body); `html` for a page. */
  response: { status: number; schema?: unknown; html?: true };
  /** Error codes this route answers with, besides `invalid_input`, `csrf_rejected` and `internal_error`. */
  errors: ErrorCode[];
  /** Sets or clears the session cookie. */
  session?: 'sets' | 'clears';
  /** Query parameters. */
  query?: Record<string, string>;
  /** Request headers that matter. */
  headers?: Record<string, string>;
}

/** The errors of a route that needs a fresh step-up. */
export const STEP_UP_ERRORS = ['unauthenticated', 'step_up_required'] as const;
