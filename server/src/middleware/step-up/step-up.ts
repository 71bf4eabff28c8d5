/**
 * @module Step-up for sensitive actions: a route behind {@link requireStepUp} answers
 * `403 step_up_required` unless this session proved a second factor (or, for a user without MFA,
 * the password again) within `maxAgeMs`; `POST /auth/step-up` records that proof on the session.
 * NIST SP 800-63B §4.2.3 / OWASP ASVS 4.0.3 V3.7.1 (re-authentication before sensitive operations).
 */
import type { MiddlewareHandler } from 'hono';
import { FoyerError } from '@foyer/core';
import { resolveSession, type ResolvedSession } from '../../auth/sessions.js';
import { mfaMethodsOf, phoneHintOf, smsPhoneOf } from '../../auth/mfa/second-factor.js';
import { findStepUpAt, listConfirmedFactors } from '../../db/repositories/mfa.js';
import type { FoyerServerContext } from '../../server-context.js';
import { readSessionToken } from '../session/session-cookie.js';
import type { SessionVariables } from '../session/session.js';

/** How long a step-up lasts unless a route says otherwise. */
export const DEFAULT_STEP_UP_MAX_AGE_MS = 5 * 60_000;

/** Options of {@link requireStepUp} and {@link assertFreshStepUp}. */
export interface StepUpOptions {
  /** How recent the proof must be. @default 300000 (5 minutes) */
  maxAgeMs?: number;
  /** Refuse users without MFA (`403 mfa_required`) instead of accepting their password. @default false */
  requireMfa?: boolean;
}

/** A step-up method, as listed in `step_up_required` details and accepted by `POST /auth/step-up`. */
export type StepUpMethod = 'totp' | 'passkey' | 'recovery_code' | 'sms' | 'password';

/** The methods this user can step up with: their factors (+ SMS as an extra channel, recovery codes), else the password. */
export async function stepUpMethodsOf(ctx: FoyerServerContext, userId: string): Promise<StepUpMethod[]> {
  const factors = await listConfirmedFactors(ctx.db, userId);
  if (factors.length === 0) return ['password'];
  return mfaMethodsOf(ctx, userId);
}

/** The variables {@link requireStepUp} reads: the session (loaded if absent) and the server context. */
export interface StepUpVariables extends SessionVariables {
  foyerContext: FoyerServerContext;
}

/**
 * Refuses unless this session proved a second factor (or, for a user without MFA, the password
 * again) within `maxAgeMs`: `403 step_up_required` with the methods to use, or `403 mfa_required`
 * when `requireMfa` and the user has no second factor. Routes declare it in the route table
 * (`stepUp`); {@link requireStepUp} is the same check as middleware for host apps.
 *
 * @example
 * await assertFreshStepUp(ctx, current, { requireMfa: true });
 */
export async function assertFreshStepUp(
  ctx: FoyerServerContext,
  current: ResolvedSession,
  options: StepUpOptions = {},
): Promise<void> {
  const maxAgeMs = options.maxAgeMs ?? DEFAULT_STEP_UP_MAX_AGE_MS;
  const methods = await stepUpMethodsOf(ctx, current.user.id);
  if (options.requireMfa && methods.includes('password'))
    throw new FoyerError('mfa_required', { details: { setup: ['totp', 'passkey'] } });
  const stepUpAt = await findStepUpAt(ctx.db, current.session.id);
  const fresh = stepUpAt !== null && ctx.now().getTime() - Date.parse(stepUpAt) <= maxAgeMs;
  if (!fresh) {
    const phone = methods.includes('sms') ? await smsPhoneOf(ctx, current.user.id) : undefined;
    throw new FoyerError('step_up_required', {
      details: {
        methods,
        maxAgeSeconds: Math.round(maxAgeMs / 1000),
        ...(phone ? { phoneHint: phoneHintOf(phone) } : {}),
      },
    });
  }
}

/**
 * Guards a sensitive route of a host app. Mount after the session loader or alone (it loads the
 * session itself). The server context comes from `c.var.foyerContext` (set by the Foyer app) or is
 * passed first. Foyer's own routes declare `stepUp` in the route table instead.
 *
 * @example
 * routes.put('/payout', requireStepUp({ requireMfa: true }), handler);
 * routes.post('/password/change', requireStepUp(ctx), handler);
 */
export function requireStepUp(options?: StepUpOptions): MiddlewareHandler;
export function requireStepUp(ctx: FoyerServerContext, options?: StepUpOptions): MiddlewareHandler;
export function requireStepUp(first?: StepUpOptions | FoyerServerContext, second?: StepUpOptions): MiddlewareHandler {
  const given = first && 'db' in first ? first : undefined;
  const options = (given ? second : (first as StepUpOptions | undefined)) ?? {};
  return async (c, next) => {
    const ctx = given ?? (c.get('foyerContext') as FoyerServerContext | undefined);
    if (!ctx) throw new Error('requireStepUp: no server context (pass it, or mount inside the Foyer app)');
    let current = c.get('session') as SessionVariables['session'] | undefined;
    if (current === undefined) {
      const token = readSessionToken(c);
      current = token ? ((await resolveSession(ctx, token)) ?? null) : null;
      c.set('session', current);
    }
    if (!current) throw new FoyerError('unauthenticated');
    await assertFreshStepUp(ctx, current, options);
    return next();
  };
}
