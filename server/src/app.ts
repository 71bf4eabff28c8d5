/**
 * @module Builds the Foyer Hono app from a server context: request id, HSTS (https public URL),
 * logs, CORS, CSRF, the auth and dev sub-apps, optional static files with the host page's CSP,
 * and the single error shape.
 */
import { resolve } from 'node:path';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { serveStatic } from '@hono/node-server/serve-static';
import { FoyerError, type ErrorCode } from '@foyer/core';
import type { DevOutboxMailer } from './adapters/mail/dev-outbox.js';
import { BackgroundPoolBusyError } from './security/background-pool.js';
import { apiHeaders } from './middleware/api-headers/api-headers.js';
import { csrfProtection } from './middleware/csrf/csrf.js';
import { requestLogger } from './middleware/logger/request-logger.js';
import { hostPageHeaders, strictTransportSecurity } from './middleware/security-headers/security-headers.js';
import { mountAuthRoutes } from './routes/auth.js';
import { mountMfaRoutes } from './routes/mfa.js';
import { mountAccountRoutes } from './routes/account.js';
import { mountOAuthRoutes, isFormPostCallback } from './routes/oauth.js';
import { createDevRoutes } from './routes/dev.js';
import { mountPasswordRoutes } from './routes/password.js';
import { mountSessionRoutes } from './routes/sessions.js';
import { mountSecurityRoutes } from './routes/security.js';
import { mountOnboardingRoutes } from './routes/onboarding.js';
import { mountProfileRoutes } from './routes/profiles.js';
import { mountPhoneRoutes } from './routes/phone.js';
import { mountAccountDeletionRoutes } from './routes/account-deletion.js';
import { createRouteMounter, type RouteEnv } from './routes/mount-route.js';
import type { FoyerEnv, FoyerServerContext } from './server-context.js';

/** What the app serves besides the API. */
export interface AppExtras {
  /** Mounts `/dev/outbox` over this outbox when set. */
  devOutbox?: DevOutboxMailer;
  /**
   * Repository root to serve the example host page and built bundles from: `GET /` →
   * `examples/plain-html/index.html`, `/dist/*` → `dist/`, `/examples/*` → `examples/`.
   */
  staticRoot?: string;
}

/** Where the API answers: these get `Cache-Control: no-store` and `nosniff` (./middleware/api-headers). */
const API_PATH_PREFIXES = ['/auth', '/account', '/onboarding', '/profiles'] as const;

const STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  400: 'invalid_input',
  401: 'unauthenticated',
  403: 'csrf_rejected',
  404: 'not_found',
  413: 'invalid_input',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

/** Maps anything thrown to a FoyerError; unexpected errors become `internal_error`. */
function toFoyerError(error: unknown): FoyerError | undefined {
  if (error instanceof FoyerError) return error;
  // Load shedding: password work would wait too long (./security/background-pool.ts).
  if (error instanceof BackgroundPoolBusyError)
    return new FoyerError('rate_limited', {
      message: 'We are busy checking passwords just now. Try again in a moment.',
      details: { reason: 'server_busy' },
      retryAfter: error.retryAfterSeconds,
    });
  if (error instanceof HTTPException) {
    const code = STATUS_CODES[error.status];
    if (code)
      return new FoyerError(
        code,
        code === 'invalid_input' ? { fields: { body: 'The request could not be read.' } } : {},
      );
  }
  return undefined;
}

/**
 * Builds the app. Most callers want `createFoyerServer()`, which also opens the database and
 * runs migrations.
 */
export function createApp(ctx: FoyerServerContext, extras: AppExtras = {}): Hono<FoyerEnv> {
  const app = new Hono<FoyerEnv>();

  app.use(requestId());
  if (new URL(ctx.publicUrl).protocol === 'https:') app.use(strictTransportSecurity());
  app.use(async (c, next) => {
    c.set('foyerContext', ctx);
    await next();
  });
  if (ctx.logger) app.use(requestLogger({ logger: ctx.logger }));
  if (ctx.allowedOrigins.length > 0) {
    app.use(
      cors({
        origin: [...ctx.allowedOrigins],
        credentials: true,
        allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
        allowHeaders: ['Content-Type', 'X-Request-Id', 'If-Match'],
        exposeHeaders: ['X-Request-Id'],
        maxAge: 600,
      }),
    );
  }
  app.use(
    csrfProtection({
      allowedOrigins: ctx.allowedOrigins,
      publicUrl: ctx.publicUrl,
      // Apple's form_post callback is a cross-site POST by design; state + nonce + PKCE protect it.
      exempt: (path, method) => method === 'POST' && isFormPostCallback(ctx, path),
    }),
  );

  for (const prefix of API_PATH_PREFIXES) app.use(`${prefix}/*`, apiHeaders());

  // Every API route comes from the core route table, mounted with the guards its entry declares.
  const api = new Hono<RouteEnv>();
  const mount = createRouteMounter(api, ctx);
  mountOAuthRoutes(mount, ctx);
  mountAuthRoutes(mount, ctx);
  mountPasswordRoutes(mount, ctx);
  mountSessionRoutes(mount, ctx);
  mountSecurityRoutes(mount, ctx);
  mountMfaRoutes(mount, ctx);
  mountAccountRoutes(mount, ctx);
  mountAccountDeletionRoutes(mount, ctx);
  mountOnboardingRoutes(mount, ctx);
  mountProfileRoutes(mount, ctx);
  mountPhoneRoutes(mount, ctx);
  app.route('/', api);
  if (extras.devOutbox) app.route('/dev', createDevRoutes(extras.devOutbox));

  if (extras.staticRoot) {
    const root = resolve(extras.staticRoot);
    app.get('/', hostPageHeaders(), serveStatic({ path: resolve(root, 'examples/plain-html/index.html') }));
    app.use('/dist/*', hostPageHeaders(), serveStatic({ root }));
    app.use('/examples/*', hostPageHeaders(), serveStatic({ root }));
  }

  app.notFound((c) => c.json(new FoyerError('not_found').toBody(), 404));

  app.onError((error, c) => {
    const foyerError = toFoyerError(error);
    if (foyerError) {
      if (foyerError.retryAfter !== undefined) c.header('Retry-After', String(foyerError.retryAfter));
      return c.json(foyerError.toBody(), foyerError.status as 400);
    }
    ctx.logger?.error({ err: error, reqId: c.get('requestId') }, 'unexpected error');
    return c.json(new FoyerError('internal_error').toBody(), 500);
  });

  return app;
}
