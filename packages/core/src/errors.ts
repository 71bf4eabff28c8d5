/**
 * @module The one error vocabulary of Foyer: the server answers with these codes, machines branch
 * on them and elements localise by them.
 */

/**
 * Every error code the HTTP API can answer with, and the HTTP status it travels with.
 * `network_error` never comes from the server: the client uses it when no answer arrived.
 */
export const ERROR_STATUS = {
  invalid_input: 400,
  invalid_code: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  email_not_verified: 403,
  step_up_required: 403,
  mfa_required: 403,
  mfa_pending_expired: 401,
  csrf_rejected: 403,
  not_found: 404,
  version_conflict: 409,
  step_locked: 409,
  publish_blocked: 409,
  slug_taken: 409,
  code_expired: 410,
  unsupported_media_type: 415,
  step_invalid: 422,
  weak_password: 422,
  password_breached: 422,
  account_locked: 423,
  precondition_required: 428,
  captcha_required: 428,
  captcha_invalid: 400,
  rate_limited: 429,
  oauth_failed: 400,
  internal_error: 500,
  network_error: 0,
} as const;

/** A snake_case error code from {@link ERROR_STATUS}. */
export type ErrorCode = keyof typeof ERROR_STATUS;

/** All error codes, for schemas and exhaustive tests. */
export const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

/** Default English messages; elements localise by code, servers send these. */
export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  invalid_input: 'Some fields are not valid.',
  invalid_code: 'That code is not right.',
  unauthenticated: 'You are not signed in.',
  invalid_credentials: 'The email or password is not right.',
  email_not_verified: 'Please verify your email address first.',
  step_up_required: 'Confirm it is you to continue.',
  mfa_required: 'Turn on two-step verification first.',
  mfa_pending_expired: 'This sign-in took too long. Sign in again.',
  csrf_rejected: 'This request came from a site that is not allowed.',
  not_found: 'Not found.',
  version_conflict: 'This was changed somewhere else. Review the latest version.',
  step_locked: 'Complete the earlier steps first.',
  publish_blocked: 'Your profile is not ready to publish yet.',
  slug_taken: 'That address is taken. Choose another.',
  code_expired: 'That code has expired. Ask for a new one.',
  unsupported_media_type: 'Send JSON with Content-Type: application/json.',
  step_invalid: 'Some fields of this step need attention.',
  weak_password: 'Choose a stronger password.',
  password_breached: 'This password has appeared in a data breach. Choose another one.',
  account_locked: 'Too many failed attempts. Try again later or unlock your account from the email we sent.',
  captcha_required: 'Please confirm you are human.',
  captcha_invalid: 'The human check did not pass. Try again.',
  precondition_required: 'Send the version you edited in an If-Match header.',
  rate_limited: 'Too many attempts. Try again later.',
  oauth_failed: 'Signing in with that provider did not work. Try again or use another way to sign in.',
  internal_error: 'Something went wrong on our side.',
  network_error: 'Could not reach the server. Check your connection.',
};

/** The body of every error answer: `{ "error": FoyerErrorBody }`. */
export interface FoyerErrorBody {
  code: ErrorCode;
  message: string;
  /** Per-field messages, keyed by field path (`email`, `password`). */
  fields?: Record<string, string>;
  /** Seconds until the request may be retried. */
  retryAfter?: number;
  /** Machine-readable context of some codes: `version_conflict` → `{ current }`, `publish_blocked` → `{ reasons }`. */
  details?: Record<string, unknown>;
}

/**
 * A coded error. Thrown by the server's handlers (turned into the error shape by one `onError`)
 * and by the client (built from the error shape), so both sides speak the same type.
 *
 * @example
 * throw new FoyerError('invalid_credentials');
 */
export class FoyerError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields: Record<string, string> | undefined;
  readonly retryAfter: number | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    options: {
      message?: string;
      fields?: Record<string, string>;
      retryAfter?: number;
      status?: number;
      details?: Record<string, unknown>;
    } = {},
  ) {
    super(options.message ?? ERROR_MESSAGES[code]);
    this.name = 'FoyerError';
    this.code = code;
    this.status = options.status ?? ERROR_STATUS[code];
    this.fields = options.fields;
    this.retryAfter = options.retryAfter;
    this.details = options.details;
  }

  /** The error shape sent over the wire. */
  toBody(): { error: FoyerErrorBody } {
    const error: FoyerErrorBody = { code: this.code, message: this.message };
    if (this.fields) error.fields = this.fields;
    if (this.retryAfter !== undefined) error.retryAfter = this.retryAfter;
    if (this.details) error.details = this.details;
    return { error };
  }
}

/** True when `value` is a {@link FoyerError} (also across bundle copies, by shape). */
export function isFoyerError(value: unknown): value is FoyerError {
  return (
    value instanceof FoyerError ||
    (typeof value === 'object' && value !== null && (value as { name?: unknown }).name === 'FoyerError')
  );
}

/** Reduces anything thrown to the error body a machine keeps in its context. */
export function toErrorBody(value: unknown): FoyerErrorBody {
  if (isFoyerError(value)) return value.toBody().error;
  return { code: 'internal_error', message: ERROR_MESSAGES.internal_error };
}

/** The error body of an XState actor error event (`onError`), for guards and actions. */
export function errorOfEvent(event: unknown): FoyerErrorBody {
  return toErrorBody((event as { error?: unknown } | null)?.error);
}
