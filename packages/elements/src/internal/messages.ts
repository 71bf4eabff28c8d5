/**
 * @module Every text the elements show, one table per locale. Templates read texts from here only,
 * so `@lit/localize` (or any other catalogue) can replace the tables without touching templates.
 */
import type { ErrorCode, FoyerErrorBody } from '@foyer/core';

/** The texts of the Foyer elements. Functions take the values they interpolate. */
export interface FoyerMessages {
  errors: Record<ErrorCode, string>;
  /** Shown for an error code this version does not know: the server's own message follows. */
  unknownError: string;
  retryAfter: (seconds: number) => string;

  emailLabel: string;
  passwordLabel: string;
  showPassword: string;
  newPasswordHint: string;

  signInHeading: string;
  signInSubmit: string;

  signUpHeading: string;
  signUpSubmit: string;
  useDifferentEmail: string;

  verifyHeading: string;
  codeSentTo: (email: string) => string;
  codeLabel: string;
  codeHint: string;
  verifySubmit: string;
  resendCode: string;
  newCodeSent: (email: string) => string;
  emailVerified: string;

  loading: string;
  toSignUpPrompt: string;
  toSignUp: string;
  toSignIn: string;
  signedInAs: (email: string) => string;
  signOut: string;
}

/** English (the default and the fallback). */
export const en: FoyerMessages = {
  errors: {
    invalid_input: 'Some fields are not valid. Check them and try again.',
    invalid_code: 'That code is not right. Check the email and try again.',
    unauthenticated: 'You are not signed in.',
    invalid_credentials: 'The email or password is not right.',
    email_not_verified: 'Please verify your email address first.',
    csrf_rejected: 'This page is not allowed to sign you in.',
    not_found: 'Something is missing on our side. Try again later.',
    version_conflict: 'This was changed somewhere else. Review the latest version.',
    step_locked: 'Complete the earlier steps first.',
    publish_blocked: 'Your profile is not ready to publish yet.',
    slug_taken: 'That address is taken. Choose another.',
    step_invalid: 'Some fields of this step need attention.',
    precondition_required: 'Something went wrong on our side. Try again later.',
    code_expired: 'That code has expired. Ask for a new one.',
    unsupported_media_type: 'Something went wrong on our side. Try again later.',
    rate_limited: 'Too many attempts. Try again later.',
    internal_error: 'Something went wrong on our side. Try again later.',
    network_error: 'Could not reach the server. Check your connection and try again.',
  },
  unknownError: 'Something went wrong.',
  retryAfter: (seconds) =>
    seconds < 90
      ? `Too many attempts. Try again in ${seconds} seconds.`
      : `Too many attempts. Try again in ${Math.ceil(seconds / 60)} minutes.`,

  emailLabel: 'Email',
  passwordLabel: 'Password',
  showPassword: 'Show password',
  newPasswordHint: 'At least 8 characters',

  signInHeading: 'Sign in',
  signInSubmit: 'Sign in',

  signUpHeading: 'Create your account',
  signUpSubmit: 'Create account',
  useDifferentEmail: 'Use a different email',

  verifyHeading: 'Check your email',
  codeSentTo: (email) => `We sent a 6-digit code to ${email}.`,
  codeLabel: 'Verification code',
  codeHint: 'Enter the 6 digits from the email.',
  verifySubmit: 'Verify',
  resendCode: 'Send a new code',
  newCodeSent: (email) => `We sent a new code to ${email}.`,
  emailVerified: 'Your email address is verified.',

  loading: 'Loading…',
  toSignUpPrompt: 'New here?',
  toSignUp: 'Create an account',
  toSignIn: 'I already have an account',
  signedInAs: (email) => `Signed in as ${email}`,
  signOut: 'Sign out',
};

/** The locale used when none is set or the set one has no table. */
export const DEFAULT_LOCALE = 'en';

const tables = new Map<string, FoyerMessages>([['en', en]]);

/**
 * Adds or replaces the texts of a locale; missing keys fall back to English.
 *
 * @example
 * registerMessages('de', { signInSubmit: 'Anmelden' });
 */
export function registerMessages(locale: string, messages: Partial<FoyerMessages>): void {
  tables.set(locale.toLowerCase(), { ...en, ...messages, errors: { ...en.errors, ...messages.errors } });
}

/** The table of `locale` (`de-AT` → `de` → English). */
export function messagesFor(locale: string | null | undefined): FoyerMessages {
  const key = (locale ?? DEFAULT_LOCALE).toLowerCase();
  return tables.get(key) ?? tables.get(key.split('-')[0] ?? '') ?? en;
}

/**
 * The text shown for a server error. Known codes use the localised table, never the server's raw
 * message; an unknown code shows the server's message.
 */
export function errorMessage(messages: FoyerMessages, error: FoyerErrorBody): string {
  if (error.code === 'rate_limited' && typeof error.retryAfter === 'number' && error.retryAfter > 0) {
    return messages.retryAfter(error.retryAfter);
  }
  return messages.errors[error.code] ?? (error.message || messages.unknownError);
}
