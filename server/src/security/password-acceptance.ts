/**
 * @module Password acceptance for every route that sets a password (sign-up, reset, change):
 * the core policy (NIST SP 800-63B §5.1.1.2: length, context words), zxcvbn strength, and the
 * breach check (OWASP ASVS 4.0.3 V2.1.7). Also the breach check of a password used to sign in.
 */
import { checkPasswordPolicy, FoyerError } from '@foyer/core';
import { BreachCheckUnavailableError } from '../adapters/breach/breach-checker.js';
import type { FoyerServerContext } from '../server-context.js';
import type { PasswordPolicyConfig } from './password-policy-config.js';

export type { PasswordPolicyConfig };

/**
 * Throws unless the password may be set for this account: `422 weak_password` (policy problem
 * as the message, or zxcvbn's feedback in `details`) or `422 password_breached`. Cheap checks
 * run first; the breach check last.
 *
 * @example
 * await assertAcceptablePassword(ctx, password, { email });
 * const passwordHash = await hashPassword(password);
 */
export async function assertAcceptablePassword(
  ctx: Pick<FoyerServerContext, 'passwordPolicy' | 'logger'>,
  password: string,
  context: { email?: string; words?: readonly string[] } = {},
): Promise<void> {
  const policy = ctx.passwordPolicy;
  const passwordContext = { ...context, productNames: policy.productNames };
  const [problem] = checkPasswordPolicy(password, passwordContext);
  if (problem) {
    const code = problem.code === 'contains_context' ? 'weak_password' : 'invalid_input';
    throw new FoyerError(code, { message: problem.message, fields: { password: problem.message } });
  }
  const strength = await policy.strength.estimate(password, passwordContext);
  if (strength.score < policy.minScore) {
    throw new FoyerError('weak_password', {
      details: { score: strength.score, warning: strength.warning, suggestions: strength.suggestions },
    });
  }
  if (!policy.breach) return;
  try {
    const verdict = await policy.breach.check(password);
    if (verdict.breached) throw new FoyerError('password_breached');
  } catch (error) {
    if (!(error instanceof BreachCheckUnavailableError)) throw error;
    ctx.logger?.warn({ breachChecker: policy.breach.name }, 'breach check unavailable; refusing (fail closed)');
    throw new FoyerError('password_breached', {
      message: 'We could not check this password against known data breaches just now. Try again in a moment.',
      details: { reason: 'check_unavailable' },
    });
  }
}

/**
 * True when a password just used to sign in is known breached. Never throws and never blocks a
 * sign-in: an unavailable checker answers `false` (the person still has the right password).
 */
export async function isBreachedAtSignIn(
  ctx: Pick<FoyerServerContext, 'passwordPolicy' | 'logger'>,
  password: string,
): Promise<boolean> {
  const { breach, checkOnSignIn } = ctx.passwordPolicy;
  if (!breach || !checkOnSignIn) return false;
  try {
    return (await breach.check(password)).breached;
  } catch (error) {
    ctx.logger?.warn(
      { breachChecker: breach.name, err: error instanceof Error ? error.name : 'unknown' },
      'breach check at sign-in failed',
    );
    return false;
  }
}
