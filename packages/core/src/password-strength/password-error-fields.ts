/** @module Puts the server's password refusals on the right field of a form. */
import type { FoyerErrorBody } from '../errors.js';

/**
 * The field errors of an answer: the server's `fields`, plus `weak_password` / `password_breached`
 * on the new-password field (with zxcvbn's warning when given) and `invalid_credentials` on the
 * current-password field.
 *
 * @example
 * passwordErrorFields(error, { password: 'newPassword', current: 'currentPassword' })
 */
export function passwordErrorFields(
  error: FoyerErrorBody,
  names: { password: string; current?: string },
): Record<string, string> {
  const fields = { ...(error.fields ?? {}) };
  if (error.code === 'weak_password' || error.code === 'password_breached') {
    const warning = typeof error.details?.warning === 'string' ? error.details.warning : null;
    fields[names.password] = warning ? `${error.message} ${warning}` : error.message;
  }
  if (error.code === 'invalid_credentials' && names.current) fields[names.current] = error.message;
  return fields;
}
