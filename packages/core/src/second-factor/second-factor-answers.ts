/**
 * @module What the second-factor machines (`mfaChallenge` at sign-in, `stepUp` before a
 * sensitive action) share: checking a typed code locally, building the proof they send, reading
 * the server's refusals, and telling a cancelled passkey ceremony from a server error.
 */
import { codeSchema, fieldErrorsOf, recoveryCodeSchema, type MfaVerifyRequest } from '../contracts/index.js';
import { errorOfEvent, isFoyerError, type FoyerErrorBody } from '../errors.js';

/**
 * The field errors of a typed code for `method` (`{}` when it is well formed): recovery codes
 * have their own shape, every other method takes a 6-digit code.
 *
 * @example
 * codeFieldErrors('totp', '12a') // { code: 'Enter the 6-digit code.' }
 */
export function codeFieldErrors(method: string, code: string): Record<string, string> {
  const result = (method === 'recovery_code' ? recoveryCodeSchema : codeSchema).safeParse(code);
  return result.success ? {} : { code: fieldErrorsOf(result.error)['_'] ?? 'Enter the code.' };
}

/** The server's refusal in an actor error event, with the tries it says are left. */
export function secondFactorRefusal(event: unknown): {
  error: FoyerErrorBody;
  fieldErrors: Record<string, string>;
  attemptsLeft: number | null;
} {
  const error = errorOfEvent(event);
  const attemptsLeft = typeof error.details?.attemptsLeft === 'number' ? error.details.attemptsLeft : null;
  return { error, fieldErrors: error.fields ?? {}, attemptsLeft };
}

/** A WebAuthn ceremony that failed without a server answer was cancelled (or timed out) by the person. */
export function isCeremonyCancelled(event: unknown): boolean {
  return !isFoyerError((event as { error?: unknown } | null)?.error);
}

/**
 * The second factor to send for the event that reached the verifying state: a `code.submit`
 * for the chosen method (TOTP, SMS or recovery code), or the passkey assertion a ceremony produced
 * (its done event's `output`). `POST /auth/mfa/verify` and `POST /auth/step-up` both take it.
 *
 * @example
 * secondFactorProof('recovery_code', { type: 'code.submit', code: 'abcd-efgh' })
 * // { factor: 'recovery_code', code: 'abcd-efgh' }
 */
export function secondFactorProof(method: string, event: { type: string; code?: string }): MfaVerifyRequest {
  if (event.type === 'code.submit') {
    const code = event.code ?? '';
    if (method === 'recovery_code') return { factor: 'recovery_code', code };
    if (method === 'sms') return { factor: 'sms', code };
    return { factor: 'totp', code };
  }
  return { factor: 'passkey', response: (event as unknown as { output: Record<string, unknown> }).output as never };
}
