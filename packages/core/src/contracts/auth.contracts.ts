/**
 * @module Zod contracts of the auth endpoints: the server validates requests with them, the client
 * parses answers with them, the machines check input with them before anything is sent.
 *
 * `zod/mini` keeps the browser bundle small; the schemas are the same on both sides.
 */
import * as z from 'zod/mini';

/** Longest address RFC 5321 lets through a mail server. */
export const EMAIL_MAX_LENGTH = 254;
/** NIST SP 800-63B §5.1.1.2: at least 8 characters. */
export const PASSWORD_MIN_LENGTH = 8;
/** NIST SP 800-63B §5.1.1.2: allow at least 64; Foyer allows 128. */
export const PASSWORD_MAX_LENGTH = 128;
/** Length of one-time codes sent by email. */
export const CODE_LENGTH = 6;

/** Characters as a person counts them (code points), not UTF-16 units. */
const codePointLength = (value: string): number => [...value].length;

/**
 * An email address: trimmed, lower-cased, at most 254 characters, ASCII only (zod's email pattern),
 * so look-alike Unicode addresses are refused rather than stored.
 */
export const emailSchema = z.pipe(
  z
    .string({ error: 'Enter your email address.' })
    .check(z.maxLength(EMAIL_MAX_LENGTH * 4, { error: 'Email is too long.' })),
  z.pipe(
    z.transform((value: string) => value.trim().toLowerCase()),
    z
      .email({ error: 'Enter a valid email address.' })
      .check(z.maxLength(EMAIL_MAX_LENGTH, { error: 'Email is too long.' })),
  ),
);

/**
 * A new or current password: 8–128 characters counted as code points, no composition rules
 * (NIST SP 800-63B). Not trimmed: every character counts.
 */
export const passwordSchema = z.string({ error: 'Enter a password.' }).check(
  z.refine((value) => codePointLength(value) >= PASSWORD_MIN_LENGTH, {
    error: `Use at least ${PASSWORD_MIN_LENGTH} characters.`,
    abort: true,
  }),
  z.refine((value) => codePointLength(value) <= PASSWORD_MAX_LENGTH, {
    error: `Use at most ${PASSWORD_MAX_LENGTH} characters.`,
  }),
);

/** A 6-digit one-time code; spaces and dashes a person types or pastes are removed first. */
export const codeSchema = z.pipe(
  z.string({ error: 'Enter the 6-digit code.' }).check(z.maxLength(64, { error: 'Enter the 6-digit code.' })),
  z.pipe(
    z.transform((value: string) => value.replace(/[\s-]/g, '')),
    z.string().check(z.regex(/^\d{6}$/, { error: 'Enter the 6-digit code.' })),
  ),
);

/** A link token from an email: URL-safe base64 of 32 random bytes. */
export const linkTokenSchema = z
  .string({ error: 'This link is not valid.' })
  .check(z.regex(/^[A-Za-z0-9_-]{32,128}$/, { error: 'This link is not valid.' }));

/** `POST /auth/sign-up` */
export const signUpRequestSchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  /** A CAPTCHA solution, when a `428 captcha_required` asked for one. */
  captcha: z.optional(z.string().check(z.maxLength(8192, { error: 'The human check answer is too long.' }))),
});
export type SignUpRequest = z.input<typeof signUpRequestSchema>;

/** `201` answer of `POST /auth/sign-up`: the same whether or not the email was new. */
export const signUpResponseSchema = z.object({ status: z.literal('verification_required') });
export type SignUpResponse = z.output<typeof signUpResponseSchema>;

/** `POST /auth/verify-email`: the code typed by the user, or the token from the email's link. */
export const verifyEmailRequestSchema = z.union([
  z.object({ email: emailSchema, code: codeSchema }),
  z.object({ token: linkTokenSchema }),
]);
export type VerifyEmailRequest = z.input<typeof verifyEmailRequestSchema>;

/** `POST /auth/resend-verification` */
export const resendVerificationRequestSchema = z.object({ email: emailSchema });
export type ResendVerificationRequest = z.input<typeof resendVerificationRequestSchema>;

/**
 * `POST /auth/sign-in`. The password is only checked for presence and size here: a password set
 * under an older policy must still be able to sign in.
 */
export const signInRequestSchema = z.object({
  email: emailSchema,
  password: z
    .string({ error: 'Enter your password.' })
    .check(
      z.minLength(1, { error: 'Enter your password.' }),
      z.maxLength(PASSWORD_MAX_LENGTH * 4, { error: 'Password is too long.' }),
    ),
  /** A CAPTCHA solution, when a `428 captcha_required` asked for one. */
  captcha: z.optional(z.string().check(z.maxLength(8192, { error: 'The human check answer is too long.' }))),
});
export type SignInRequest = z.input<typeof signInRequestSchema>;

/** The user as the API shows it to that user. */
export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  emailVerified: z.boolean(),
  createdAt: z.string(),
});
export type User = z.output<typeof userSchema>;

/**
 * `200` answer of sign-in and verify-email. `passwordChangeRequired` is set when the password
 * used has since appeared in a breach: the session works, and the person should change it.
 */
export const userResponseSchema = z.object({ user: userSchema, passwordChangeRequired: z.optional(z.boolean()) });
export type UserResponse = z.output<typeof userResponseSchema>;

/** A session as the API shows it (never its token). */
export const sessionSchema = z.object({ id: z.string(), createdAt: z.string(), expiresAt: z.string() });
export type Session = z.output<typeof sessionSchema>;

/** `200` answer of `GET /auth/session`. */
export const sessionResponseSchema = z.object({
  user: userSchema,
  session: sessionSchema,
  passwordChangeRequired: z.optional(z.boolean()),
});
export type SessionResponse = z.output<typeof sessionResponseSchema>;
