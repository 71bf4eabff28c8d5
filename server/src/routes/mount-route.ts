/**
 * @module Mounts a route of the core route table with every guard its entry declares, in one
 * fixed order, so no route can forget one (OWASP ASVS 4.0.3 V13.1.5 content type, V13.1.3 size,
 * V4.1.1 access control on every route): feature switch → body encoding and size → session →
 * step-up → rate limit → request schema → handler.
 */
import type { Context, Handler, Hono, MiddlewareHandler } from 'hono';
import * as z from 'zod/mini';
import { FoyerError, type RouteContract } from '@foyer/core';
import type { ResolvedSession } from '../auth/sessions.js';
import { requestBodyGuard } from '../middleware/json-body/json-body.js';
import { requireSession, sessionLoader, type SessionVariables } from '../middleware/session/session.js';
import { assertFreshStepUp } from '../middleware/step-up/step-up.js';
import type { FoyerEnv, FoyerServerContext } from '../server-context.js';
import { parseJsonBody } from '../validation/parse-json-body.js';

/** Largest JSON body any route accepts. */
export const JSON_BODY_LIMIT_BYTES = 64 * 1024;
/** Largest urlencoded form body any route accepts (Apple's `form_post` callback). */
export const FORM_BODY_LIMIT_BYTES = 16 * 1024;

/** Hono's env of the API routes: the Foyer variables and the session the guards resolved. */
export type RouteEnv = FoyerEnv & { Variables: SessionVariables };

/** The validated body of a route: the output of its `request` schema, else `undefined`. */
export type RouteBody<R extends RouteContract> = R extends { request: infer S extends z.core.$ZodType }
  ? z.output<S>
  : undefined;

/** The session a handler gets: always one behind `auth: 'session'`, maybe one behind `optional`, none for `public`. */
export type RouteSession<R extends RouteContract> = R['auth'] extends 'session'
  ? ResolvedSession
  : R['auth'] extends 'optional'
    ? ResolvedSession | null
    : null;

/** What the guards hand the handler. */
export interface RouteInput<R extends RouteContract> {
  body: RouteBody<R>;
  session: RouteSession<R>;
}

/** A route's handler: runs only after every guard of its entry passed. */
export type RouteHandler<R extends RouteContract> = (
  c: Context<RouteEnv>,
  input: RouteInput<R>,
) => Response | Promise<Response>;

/** Per-server additions to a route's declared guards. */
export interface MountOptions {
  /** Runs first; throws (e.g. `404 not_found`) when the route's feature is off on this server. */
  enabled?: () => void;
}

/** Mounts one route of the table; see {@link createRouteMounter}. */
export type MountRoute = <R extends RouteContract>(route: R, handler: RouteHandler<R>, options?: MountOptions) => void;

/**
 * A function that mounts routes of the core route table on `app` (at their full paths), each with
 * the guards its entry declares.
 *
 * @example
 * const mount = createRouteMounter(app, ctx);
 * mount(AUTH_ROUTES.signIn, async (c, { body }) => c.json(await signIn(body), 200));
 */
export function createRouteMounter(app: Hono<RouteEnv>, ctx: FoyerServerContext): MountRoute {
  return (route, handler, options = {}) => {
    const where = `${route.method} ${route.path}`;
    const schema = route.request as z.core.$ZodType | undefined;
    if (schema && route.body === 'form') throw new Error(`${where}: form bodies are read by the handler`);
    if (route.stepUp && route.auth !== 'session') throw new Error(`${where}: step-up needs auth 'session'`);

    const guards: MiddlewareHandler[] = [];
    const { enabled } = options;
    if (enabled)
      guards.push(async (_c, next) => {
        enabled();
        await next();
      });
    guards.push(
      requestBodyGuard(
        route.body === 'form'
          ? { kind: 'form', maxBytes: FORM_BODY_LIMIT_BYTES }
          : { kind: 'json', maxBytes: JSON_BODY_LIMIT_BYTES },
      ),
    );
    if (route.auth !== 'public') guards.push(route.auth === 'session' ? requireSession(ctx) : sessionLoader(ctx));
    const { stepUp } = route;
    if (stepUp) {
      const stepUpOptions = {
        ...(stepUp.maxAgeSeconds !== undefined ? { maxAgeMs: stepUp.maxAgeSeconds * 1000 } : {}),
        ...(stepUp.requireMfa ? { requireMfa: true } : {}),
      };
      guards.push(async (c, next) => {
        const current = c.get('session');
        if (!current) throw new FoyerError('unauthenticated');
        await assertFreshStepUp(ctx, current, stepUpOptions);
        await next();
      });
    }
    if (route.rateLimit) guards.push(ctx.signInSecurity.rateLimit(route.rateLimit));

    const run: Handler<RouteEnv> = async (c) => {
      const body = schema ? await parseJsonBody(c, schema) : undefined;
      const session = route.auth === 'public' ? null : (c.get('session') ?? null);
      return handler(c, { body, session } as RouteInput<typeof route>);
    };
    // Hono types `on()` per handler count; the chain here is built at run time.
    (app.on as (method: string, path: string, ...handlers: Handler[]) => void)(
      route.method,
      route.path,
      ...guards,
      run as Handler,
    );
  };
}
