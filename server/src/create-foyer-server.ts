/**
 * @module `createFoyerServer()`: opens the store, runs migrations, resolves the secret and
 * builds the Hono app, ready to serve alone or be mounted in a host server.
 */
import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { creativeMarketplace, DEFAULT_MIN_PASSWORD_SCORE, type OnboardingDefinition } from '@foyer/core';
import type { BreachChecker } from './adapters/breach/breach-checker.js';
import { createStrengthEstimator, DEFAULT_STRENGTH_MAX_WAIT_MS } from './security/strength-estimator.js';
import { createOfflineCorpusBreachChecker } from './adapters/breach/offline-corpus.js';
import { DevOutboxMailer } from './adapters/mail/dev-outbox.js';
import type { Mailer, MailMessage } from './adapters/mail/mailer.js';
import { createApp } from './app.js';
import { DevSmsSink } from './adapters/sms/dev-sink.js';
import type { SmsMessage, SmsSender } from './adapters/sms/sms.js';
import { resolvePhoneConfig, type PhoneOptions } from './phone/phone-config.js';
import type { Database } from './db/database.js';
import { openDatabase, type DatabaseConfig } from './db/dialect.js';
import { migrateToLatest } from './db/migrate.js';
import { getOrInsertSetting } from './db/repositories/settings.js';
import { createFoyerLogger } from './middleware/logger/request-logger.js';
import { createDummyPasswordHash, DEFAULT_HASH_MAX_WAIT_MS, verifyPassword } from './security/password-hashing.js';
import { recordAuditEvent } from './security/audit-log.js';
import { createSignInSecurity, type SignInSecurityOptions } from './security/sign-in-security-setup.js';
import { generateToken } from './security/tokens.js';
import { resolveOAuthProviders, type OAuthProvidersOption } from './oauth/providers.js';
import type { FoyerEnv, FoyerServerContext, MediaRemovalScheduler } from './server-context.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Options of {@link createFoyerServer}. */
export interface FoyerServerOptions {
  /**
   * The store: a Kysely instance you own (Foyer will not destroy it), or a URL Foyer opens and
   * closes: `':memory:'`, `'sqlite:PATH'`, `'postgres://…'`.
   */
  db: Kysely<Database> | DatabaseConfig;
  /**
   * How mail leaves. Required in production (`NODE_ENV=production`): `createFoyerServer` refuses
   * to start without one. @default outside production, a {@link DevOutboxMailer} over `db` (mail
   * stays in the database)
   */
  mailer?: Mailer;
  /**
   * Where Foyer's routes are reachable from browsers, including any mount prefix
   * (`https://auth.example.com`). Required: every link in an email (verification, reset, unlock)
   * is built from it and never from the request's `Host`, which an attacker chooses. Also the
   * origin CSRF, OpenID `return_to` and passkeys trust, the cookie's `Secure` default, and HSTS
   * (sent on every answer when it is `https:`).
   */
  publicUrl: string;
  /** Where the email-link confirmation page sends the user afterwards. @default '/' */
  appUrl?: string;
  /** Partner origins allowed by CORS (with credentials) and by CSRF. @default [] */
  origins?: string[];
  /**
   * HMAC key for one-time codes. @default a random key generated once and kept in the `settings`
   * table, so restarts and other instances agree
   */
  secret?: string;
  /** Session lifetimes. @default { idleDays: 7, absoluteDays: 30 } */
  session?: { idleDays?: number; absoluteDays?: number };
  /**
   * `Secure` attribute of the session cookie. @default true, unless `publicUrl` is plain
   * `http://localhost` or `http://127.0.0.1`
   */
  secureCookies?: boolean;
  /**
   * A pino logger, or `false` for none (this also silences the dev outbox's console line).
   * @default a pino logger to stdout with PII redaction
   */
  logger?: Logger | false;
  /**
   * Mount `/dev/outbox`. Only ever honoured when the default dev outbox mailer is in use and
   * `NODE_ENV` is not `production`. @default true
   */
  devRoutes?: boolean;
  /** Repository root to serve `/` (example host page), `/dist/*` and `/examples/*` from. @default none */
  staticRoot?: string;
  /** The clock, injectable so tests can move time. @default () => new Date() */
  now?: () => Date;
  /**
   * Password acceptance (sign-up, reset, change) and the breached-at-sign-in flag.
   * `minScore`: lowest zxcvbn score (0–4) accepted; `productNames`: words a password must not be
   * built from; `breach`: the breach checker, `false` for none (e.g. `createHibpBreachChecker()`);
   * `checkOnSignIn`: flag sessions signed in with a breached password. Load shedding:
   * `strengthMaxWaitMs`: a sign-up, reset or change whose strength estimate would wait longer
   * than this behind others, and `hashMaxWaitMs`: a sign-in, sign-up, reset, change or password step-up whose
   * argon2id hash would, is refused with `429 rate_limited` and `Retry-After` instead of queueing.
   * @default { minScore: 3, productNames: ['foyer'], breach: createOfflineCorpusBreachChecker(), checkOnSignIn: true, strengthMaxWaitMs: 5000, hashMaxWaitMs: 5000 }
   */
  passwordPolicy?: {
    minScore?: number;
    productNames?: string[];
    breach?: BreachChecker | false;
    checkOnSignIn?: boolean;
    strengthMaxWaitMs?: number;
    hashMaxWaitMs?: number;
  };
  /** Onboarding tracks, steps, weights and gates (build one with `defineOnboarding`). @default creativeMarketplace */
  onboarding?: OnboardingDefinition;
  /**
   * The lockout ladder: CAPTCHA from unknown devices after `captchaAfter` consecutive failures,
   * lock for unknown devices after `lockAfter`, for `lockMs` doubling per repeat up to `maxLockMs`.
   * @default { captchaAfter: 3, lockAfter: 5, lockMs: 900_000, maxLockMs: 86_400_000 }
   */
  lockout?: SignInSecurityOptions['lockout'];
  /**
   * Risk score that makes sign-in and sign-up require a CAPTCHA (see docs/security.md).
   * @default { threshold: 50, weights: { ipFailure: 2, networkFailure: 0.5, identity: 5, unknownDevice: 5, signUp: 5 }, freeIdentities: 3, freeSignUps: 5 }
   */
  risk?: SignInSecurityOptions['risk'];
  /**
   * The CAPTCHA: `{ provider: 'altcha' | 'turnstile' | 'hcaptcha', secret?, siteKey?, verifyUrl?, cost?, timeoutMs? }`
   * or a `CaptchaVerifier`. @default ALTCHA (self-hosted proof of work) signed with the server secret
   */
  captcha?: SignInSecurityOptions['captcha'];
  /**
   * Per-route rate limits (`{ 'sign-in': { identity: { limit, windowMs }, ip: … } }`, `false` to
   * turn one off), merged over `DEFAULT_RATE_LIMITS`. @default DEFAULT_RATE_LIMITS
   */
  rateLimits?: SignInSecurityOptions['rateLimits'];
  /**
   * Where rate-limit counters live: `'database'`, `{ redis: 'redis://…' }` (for several
   * instances) or a `RateLimitStore`. @default 'database'
   */
  rateLimitStore?: SignInSecurityOptions['rateLimitStore'];
  /**
   * Behind a reverse proxy you trust, take the client address from the last `X-Forwarded-For`
   * entry (rate limits, risk, audit log). Never enable without such a proxy: clients could pick
   * their address. @default false
   */
  trustProxy?: boolean;
  /** Password verifier, for instrumentation and tests. @default argon2id `verifyPassword` */
  verifyPassword?: (passwordHash: string, password: string) => Promise<boolean>;
  /**
   * Social sign-in (OpenID Connect): `google: { clientId, clientSecret }`, `apple: { clientId, teamId,
   * keyId, privateKey }`, and any other id as `{ issuer, clientId, clientSecret, responseMode? }`.
   * Register `${publicUrl}/auth/oauth/<id>/callback` with each (docs/social-sign-in.md). @default {} (none)
   */
  providers?: OAuthProvidersOption;
  /**
   * MFA naming: `issuer` shown by authenticator apps, WebAuthn `rpName`, and `rpId` (a registrable
   * domain suffix of the public host, e.g. `example.com`). @default { issuer: 'Foyer', rpName: 'Foyer', rpId: host of publicUrl }
   */
  mfa?: { issuer?: string; rpName?: string; rpId?: string };
  /**
   * SMS sign-in and phone numbers on accounts: `{ countries: ['US', 'DE'], defaultCountry?, codeTtlMs?, limits? }`.
   * Off unless set: every phone route answers `404 not_found`. @default undefined (off)
   */
  phone?: PhoneOptions;
  /**
   * How text messages leave (e.g. `createTwilioSmsSender(…)`). Required in production when `phone`
   * is set: `createFoyerServer` refuses to start without one. @default outside production, a
   * `DevSmsSink` (dev outbox + console)
   */
  sms?: SmsSender;
  /**
   * Called when an account is deleted, to remove its stored media. @default logs the call (no media
   * is stored yet)
   */
  mediaRemoval?: MediaRemovalScheduler;
}

/** A running Foyer server (not yet listening: serve `app.fetch` or mount `app`). */
export interface FoyerServer {
  /** The Hono app; `app.fetch` is the request handler. */
  app: Hono<FoyerEnv>;
  /** The Kysely instance in use. */
  db: Kysely<Database>;
  /** The mailer in use. */
  mailer: Mailer;
  /** The dev outbox, when the default mailer is in use. */
  devOutbox: DevOutboxMailer | undefined;
  /** Resolves once every mail queued so far has been handed to the mailer (or failed and been logged). */
  flushMail(): Promise<void>;
  /** Waits for queued mail, closes the mailer, and destroys the database when Foyer opened it. */
  close(): Promise<void>;
}

/** True for `http://localhost…`, `http://127.0.0.1…` and `http://[::1]…`. */
function isLocalPlainHttp(url: string): boolean {
  const parsed = new URL(url);
  return parsed.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
}

/** The `publicUrl` option, checked and without a trailing slash. @throws when it is missing or not an http(s) URL */
function resolvePublicUrl(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new Error(
      "publicUrl is required: Foyer builds every link it mails (email verification, password reset, unlock) from it, never from the request's Host header, which any client can set. Pass createFoyerServer({ publicUrl: 'https://auth.example.com', … }) — where browsers reach Foyer, with any mount prefix (PUBLIC_URL for npm start).",
    );
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(
      `publicUrl must be an absolute http(s) URL such as 'https://auth.example.com', not ${JSON.stringify(value)}`,
    );
  }
  if (
    (url.protocol !== 'https:' && url.protocol !== 'http:') ||
    url.username ||
    url.password ||
    url.search ||
    url.hash
  ) {
    throw new Error(
      `publicUrl must be an http(s) URL without credentials, query or fragment, such as 'https://auth.example.com', not ${JSON.stringify(value)}`,
    );
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/**
 * Refuses configurations that would leak secrets in production (`NODE_ENV=production`): the dev
 * outbox keeps every code and link token in clear in `dev_mail` and prints it, and so does the
 * dev SMS sink. @throws naming the missing option
 */
function assertProductionDelivery(options: FoyerServerOptions, phoneOn: boolean): void {
  if (process.env.NODE_ENV !== 'production') return;
  if (!options.mailer) {
    throw new Error(
      'mailer is required in production (NODE_ENV=production): without one, mail would go to the dev outbox, which keeps every code and link token in clear in the database and prints it. Pass createFoyerServer({ mailer: createSmtpMailer({ url }), … }) (SMTP_URL for npm start).',
    );
  }
  if (phoneOn && !options.sms) {
    throw new Error(
      'sms is required in production (NODE_ENV=production) when phone is set: without one, codes would go to the dev SMS sink, which keeps them in clear in the database and prints them. Pass createFoyerServer({ sms: createTwilioSmsSender({ … }), … }) (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM for npm start), or leave phone unset.',
    );
  }
}

/** The SMS sender of a production server without phone sign-in: no code is ever sent, and none may reach a dev sink. */
const NO_SMS_SENDER: SmsSender = {
  send: () => Promise.reject(new Error('no SMS sender is configured')),
};

/**
 * Creates a Foyer server: opens the database (when given a URL), runs migrations, loads or
 * creates the code secret, and builds the app.
 *
 * @example
 * import { serve } from '@hono/node-server';
 * const foyer = await createFoyerServer({ db: 'sqlite:./data/foyer.db', publicUrl: 'https://auth.example.com' });
 * serve({ fetch: foyer.app.fetch, port: 8787 });
 *
 * @example Mounted in a host Hono app
 * const foyer = await createFoyerServer({ db, mailer, publicUrl: 'https://example.com/id' });
 * host.route('/id', foyer.app);
 */
export async function createFoyerServer(options: FoyerServerOptions): Promise<FoyerServer> {
  const publicUrl = resolvePublicUrl(options.publicUrl);
  const phone = resolvePhoneConfig(options.phone);
  assertProductionDelivery(options, phone !== undefined);
  const production = process.env.NODE_ENV === 'production';
  const ownsDb = typeof options.db === 'string';
  const db = typeof options.db === 'string' ? openDatabase(options.db) : options.db;
  try {
    await migrateToLatest(db);
    const now = options.now ?? (() => new Date());
    const ownsLogger = options.logger === undefined;
    const logger =
      options.logger === false
        ? undefined
        : (options.logger ?? createFoyerLogger({ level: process.env.LOG_LEVEL ?? 'info' }));
    const devOutbox =
      options.mailer || production
        ? undefined
        : new DevOutboxMailer({ db, now, print: logger ? (line) => console.log(line) : false });
    const mailer: Mailer = options.mailer ?? (devOutbox as DevOutboxMailer);
    const secret = options.secret ?? (await getOrInsertSetting(db, 'code_hmac_secret', generateToken(32)));

    const pending = new Set<Promise<void>>();
    const sendInBackground = (message: MailMessage): void => {
      const delivery = mailer
        .send(message)
        .catch((error: unknown) => {
          // The error may quote the address: log its kind only.
          const { name, code } = (error ?? {}) as { name?: string; code?: string };
          logger?.error({ mailError: { name, code } }, 'mail delivery failed');
        })
        .finally(() => pending.delete(delivery));
      pending.add(delivery);
    };
    const sms: SmsSender =
      options.sms ??
      (production ? NO_SMS_SENDER : new DevSmsSink({ db, now, print: logger ? (line) => console.log(line) : false }));
    const sendSmsInBackground = (message: SmsMessage): void => {
      const delivery = sms
        .send(message)
        .catch((error: unknown) => {
          // The error may quote the number: log its kind only.
          const { name, status, providerCode } = (error ?? {}) as {
            name?: string;
            status?: number;
            providerCode?: string;
          };
          logger?.error({ smsError: { name, status, providerCode } }, 'sms delivery failed');
        })
        .finally(() => pending.delete(delivery));
      pending.add(delivery);
    };
    const runInBackground = (what: string, task: () => Promise<void>): void => {
      const run = Promise.resolve()
        .then(task)
        .catch((error: unknown) => {
          const { name, code } = (error ?? {}) as { name?: string; code?: string };
          logger?.error({ backgroundError: { what, name, code } }, 'background task failed');
        })
        .finally(() => pending.delete(run));
      pending.add(run);
    };
    const flushMail = async (): Promise<void> => {
      while (pending.size > 0) await Promise.all([...pending]);
    };

    const trustProxy = options.trustProxy ?? false;
    const signInSecurity = createSignInSecurity(
      {
        ...(options.lockout ? { lockout: options.lockout } : {}),
        ...(options.risk ? { risk: options.risk } : {}),
        ...(options.captcha ? { captcha: options.captcha } : {}),
        ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
        ...(options.rateLimitStore ? { rateLimitStore: options.rateLimitStore } : {}),
        trustProxy,
      },
      {
        db,
        secret,
        now,
        audit: (c, event) => recordAuditEvent({ db, now, trustProxy }, c, event),
        onStoreError: (error) => logger?.error({ err: error }, 'rate-limit store failed; request let through'),
      },
    );

    const ctx: FoyerServerContext = {
      db,
      mailer,
      now,
      secret,
      publicUrl,
      appUrl: options.appUrl ?? '/',
      allowedOrigins: (options.origins ?? []).map((origin) => new URL(origin).origin),
      secureCookies: options.secureCookies ?? !isLocalPlainHttp(publicUrl),
      session: {
        idleMs: (options.session?.idleDays ?? 7) * DAY_MS,
        absoluteMs: (options.session?.absoluteDays ?? 30) * DAY_MS,
        touchIntervalMs: 60_000,
      },
      logger,
      dummyPasswordHash: await createDummyPasswordHash(),
      sendInBackground,
      passwordPolicy: {
        minScore: options.passwordPolicy?.minScore ?? DEFAULT_MIN_PASSWORD_SCORE,
        productNames: options.passwordPolicy?.productNames ?? ['foyer'],
        breach:
          options.passwordPolicy?.breach === false
            ? undefined
            : (options.passwordPolicy?.breach ?? createOfflineCorpusBreachChecker()),
        checkOnSignIn: options.passwordPolicy?.checkOnSignIn ?? true,
        strength: createStrengthEstimator({
          maxWaitMs: options.passwordPolicy?.strengthMaxWaitMs ?? DEFAULT_STRENGTH_MAX_WAIT_MS,
        }),
        hashMaxWaitMs: options.passwordPolicy?.hashMaxWaitMs ?? DEFAULT_HASH_MAX_WAIT_MS,
      },
      onboarding: options.onboarding ?? creativeMarketplace,
      trustProxy,
      verifyPassword: options.verifyPassword ?? verifyPassword,
      signInSecurity,
      oauthProviders: resolveOAuthProviders(options.providers, now),
      ...(options.mfa ? { mfa: options.mfa } : {}),
      phone,
      sms,
      sendSmsInBackground,
      runInBackground,
      mediaRemoval: options.mediaRemoval ?? {
        scheduleRemoval: async (userId) => {
          logger?.info({ userId }, 'media removal scheduled (no media stored yet)');
        },
      },
    };
    // Build the breach corpus in the background now, so the first sign-up does not wait for it.
    ctx.passwordPolicy.breach?.warm?.();
    const mountDevRoutes = (options.devRoutes ?? true) && devOutbox !== undefined && !production;
    const app = createApp(ctx, {
      ...(mountDevRoutes ? { devOutbox } : {}),
      ...(options.staticRoot ? { staticRoot: options.staticRoot } : {}),
    });

    let closed: Promise<void> | undefined;
    return {
      app,
      db,
      mailer,
      devOutbox,
      flushMail,
      close: () =>
        (closed ??= (async () => {
          await flushMail();
          await mailer.close?.();
          await sms.close?.();
          await ctx.signInSecurity.rateLimitStore.close?.();
          await ctx.passwordPolicy.strength.close();
          if (ownsDb) await db.destroy();
          if (ownsLogger) logger?.flush();
        })()),
    };
  } catch (error) {
    if (ownsDb) await db.destroy();
    throw error;
  }
}
