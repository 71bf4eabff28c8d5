/** @module The shape of one route of the HTTP API. */
import type { ErrorCode } from '../errors.js';

/** One endpoint of the HTTP API. */
export interface RouteContract {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  summary: string;
  /** Schema of the JSON body, when the route takes one. */
  request?: unknown;
  /** Status and schema of the success answer (`undefined` for an empty body). */
  response: { status: number; schema?: unknown };
  /** Error codes this route answers with, besides `invalid_input`, `csrf_rejected` and `internal_error`. */
  errors: ErrorCode[];
  /** Sets or clears the session cookie, or needs one. */
  session?: 'sets' | 'clears' | 'requires';
  /** Query parameters. */
  query?: Record<string, string>;
  /** Request headers that matter. */
  headers?: Record<string, string>;
}

/** The errors of a route that needs a fresh step-up. */
export const STEP_UP_ERRORS = ['unauthenticated', 'step_up_required'] as const;
