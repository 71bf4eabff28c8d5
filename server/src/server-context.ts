/** @module What every route and middleware of one Foyer server shares: store, mailer, clock, config. */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { OnboardingDefinition } from '@foyer/core';
import type { Mailer, MailMessage } from './adapters/mail/mailer.js';
import type { Database } from './db/database.js';
import type { OAuthProvider } from './oauth/providers.js';
import type { SmsMessage, SmsSender } from './adapters/sms/sms.js';
import type { PhoneConfig } from './phone/phone-config.js';
import type { PasswordPolicyConfig } from './security/password-policy-config.js';
import type { SignInSecurity } from './security/sign-in-security-setup.js';

/** Session lifetimes, in milliseconds. */
export interface SessionPolicy {
  /** A session unused this long is over. */
  idleMs: number;
  /** A session is over this long after sign-in, used or not. */
  absoluteMs: number;
  /** `last_seen_at` is written at most this often, so reading a session rarely writes. */
  touchIntervalMs: number;
}

/** The resolved configuration and services of one Foyer server. */
export interface FoyerServerContext {
  db: Kysely<Database>;
  mailer: Mailer;
  now: () => Date;
  /** HMAC key for one-time codes. */
  secret: string;
  /**
   * Where Foyer's routes are reachable from browsers (with any mount prefix), without a trailing
   * slash. The only base of links in mail and the only own origin CSRF, OpenID and passkeys trust:
   * never the request's `Host`.
   */
  publicUrl: string;
  /** Where the verification link page sends the user afterwards. */
  appUrl: string;
  /** Partner origins allowed by CORS and CSRF, besides the server's own. */
  allowedOrigins: readonly string[];
  secureCookies: boolean;
  session: SessionPolicy;
  logger: Logger | undefined;
  /** argon2id hash verified against for unknown emails, so timing does not tell. */
  dummyPasswordHash: string;
  /** Hands a message to the mailer without making the request wait (or fail) for it. */
  sendInBackground(message: MailMessage): void;
  /** Password strength and breach policy (sign-up, reset, change, sign-in flag). */
  passwordPolicy: PasswordPolicyConfig;
  /** The onboarding definition: tracks, steps, weights and gates. */
  onboarding: OnboardingDefinition;
  /** Take the client address from the last `X-Forwarded-For` entry (behind a trusted proxy). */
  trustProxy: boolean;
  /** Checks a password against a stored hash (argon2id); injectable so tests can count checks. */
  verifyPassword(passwordHash: string, password: string): Promise<boolean>;
  /** Lockout ladder, risk score, CAPTCHA and rate limits. */
  signInSecurity: SignInSecurity;
  /** Social sign-in providers by id (`google`, `apple`, custom); empty when none is configured. */
  oauthProviders: ReadonlyMap<string, OAuthProvider>;
  /** TOTP issuer and WebAuthn relying party; defaults: issuer and rpName `Foyer`, rpId the public URL's host. */
  mfa?: { issuer?: string; rpName?: string; rpId?: string };
  /** SMS sign-in and phone numbers; `undefined` when not configured (phone routes answer 404). */
  phone: PhoneConfig | undefined;
  /** How text messages leave. */
  sms: SmsSender;
  /** Hands a text message to the SMS sender without making the request wait (or fail) for it. */
  sendSmsInBackground(message: SmsMessage): void;
  /** Runs `task` without making the request wait (or fail) for it; errors are logged, never thrown. */
  runInBackground(what: string, task: () => Promise<void>): void;
  /** Removes a deleted user's media (a no-op hook until media lands; see docs/account.md). */
  mediaRemoval: MediaRemovalScheduler;
}

/** Schedules removal of a deleted user's stored media (originals and variants). */
export interface MediaRemovalScheduler {
  scheduleRemoval(userId: string): Promise<void>;
}

/** Hono's `Env` for Foyer apps: the variables middleware sets. */
export interface FoyerEnv {
  Variables: {
    requestId: string;
    /** This server's context, for middleware built without it (`requireStepUp()`). */
    foyerContext: FoyerServerContext;
  };
}
