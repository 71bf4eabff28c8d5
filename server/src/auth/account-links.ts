/**
 * @module Links Foyer puts in emails: built from the configured `publicUrl` only, never from the
 * request's `Host` (which the sender chooses: a reset link on the attacker's host would hand them
 * the token).
 */
import type { FoyerServerContext } from '../server-context.js';

/**
 * Where "this wasn't me → reset your password" links go: the app, asked to open its reset form
 * (`?foyer=reset-password`, which `<foyer-reset-password>` reads).
 */
export function resetPasswordUrl(ctx: Pick<FoyerServerContext, 'publicUrl' | 'appUrl'>): string {
  const url = new URL(ctx.appUrl, `${ctx.publicUrl}/`);
  url.searchParams.set('foyer', 'reset-password');
  return url.href;
}
