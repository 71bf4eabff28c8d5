/**
 * @module Zod contracts of the sign-in security endpoints: password reset and change, sessions
 * and devices, CAPTCHA challenges, unlock links, and the `details` of the security errors.
 */
import * as z from 'zod/mini';
import { codeSchema, emailSchema, linkTokenSchema, passwordSchema } from './auth.contracts.js';

/** A CAPTCHA solution, as the widget produced it (ALTCHA payload, Turnstile or hCaptcha token). */
export const captchaSolutionSchema = z
  .string({ error: 'Complete the human check.' })
  .check(
    z.minLength(1, { error: 'Complete the human check.' }),
    z.maxLength(8192, { error: 'The human check answer is too long.' }),
  );

/** Optional CAPTCHA field of sign-in and sign-up bodies (needed after a `428 captcha_required`). */
export const withCaptcha = { captcha: z.optional(captchaSolutionSchema) };

/** `details` of `428 captcha_required`: which widget to show and where its challenge comes from. */
export const captchaRequiredDetailsSchema = z.object({
  captcha: z.object({
    provider: z.enum(['altcha', 'turnstile', 'hcaptcha']),
    /** ALTCHA: where to fetch a challenge (`GET /auth/captcha/challenge`). */
    challengeUrl: z.optional(z.string()),
    /** Turnstile / hCaptcha: the public site key. */
    siteKey: z.optional(z.string()),
  }),
});
export type CaptchaRequiredDetails = z.output<typeof captchaRequiredDetailsSchema>;

/** `details` of `423 account_locked` (and `retryAfter` in seconds on the error). */
export const accountLockedDetailsSchema = z.object({
  /** ISO time the lock ends. */
  lockedUntil: z.string(),
  /** An unlock link was emailed to the owner (always said, whether or not the account exists). */
  unlockEmailSent: z.boolean(),
});
export type AccountLockedDetails = z.output<typeof accountLockedDetailsSchema>;

/** `details` of `401 invalid_credentials` when few attempts remain before a CAPTCHA or a lock. */
export const invalidCredentialsDetailsSchema = z.object({ attemptsLeft: z.number() });

/** `details` of `422 weak_password`: zxcvbn's feedback. */
export const weakPasswordDetailsSchema = z.object({
  score: z.number(),
  warning: z.nullable(z.string()),
  suggestions: z.array(z.string()),
});

/** `POST /auth/password/forgot` */
export const forgotPasswordRequestSchema = z.object({ email: emailSchema, ...withCaptcha });
export type ForgotPasswordRequest = z.input<typeof forgotPasswordRequestSchema>;

/** `POST /auth/password/reset`: the code with the email, or the link token; and the new password. */
export const resetPasswordRequestSchema = z.union([
  z.object({ email: emailSchema, code: codeSchema, password: passwordSchema }),
  z.object({ token: linkTokenSchema, password: passwordSchema }),
]);
export type ResetPasswordRequest = z.input<typeof resetPasswordRequestSchema>;

/** `POST /auth/password/change` (signed in). */
export const changePasswordRequestSchema = z.object({
  currentPassword: z
    .string({ error: 'Enter your current password.' })
    .check(z.minLength(1, { error: 'Enter your current password.' }), z.maxLength(512)),
  newPassword: passwordSchema,
});
export type ChangePasswordRequest = z.input<typeof changePasswordRequestSchema>;

/** `POST /auth/unlock`: the token from the lock email. */
export const unlockRequestSchema = z.object({ token: linkTokenSchema });
export type UnlockRequest = z.input<typeof unlockRequestSchema>;

/** One session of the signed-in user, with its device. */
export const sessionInfoSchema = z.object({
  id: z.string(),
  /** Readable device, e.g. `Chrome on macOS`. */
  device: z.string(),
  /** The IP truncated to /24 (IPv4) or /64 (IPv6). */
  ipPrefix: z.nullable(z.string()),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  current: z.boolean(),
});
export type SessionInfo = z.output<typeof sessionInfoSchema>;

/** `200` answer of `GET /auth/sessions`. */
export const sessionsResponseSchema = z.object({ sessions: z.array(sessionInfoSchema) });
export type SessionsResponse = z.output<typeof sessionsResponseSchema>;

/** `GET /auth/captcha/challenge` (ALTCHA): the challenge object the widget solves. */
export const altchaChallengeSchema = z.record(z.string(), z.unknown());
