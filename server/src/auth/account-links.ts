/** @module Links Foyer puts in emails: the base URL of its routes, and the app's reset-password entry. */
import type { Context } from 'hono';
import type { FoyerServerContext } from '../server-context.js';

/** Base URL for links in emails: the configured public URL, else the origin the request came to. */
export function linkBaseOf(ctx: Pick<FoyerServerContext, 'publicUrl'>, c: Context): string {
  return (ctx.publicUrl ?? new URL(c.req.url).origin).replace(/\/+$/, '');
}

/**
 * Where "this wasn't me → reset your password" links go: the app, asked to open its reset form
 * (`?foyer=reset-password`, which `<foyer-reset-password>` reads).
 */
export function resetPasswordUrl(ctx: Pick<FoyerServerContext, 'publicUrl' | 'appUrl'>, c: Context): string {
  const url = new URL(ctx.appUrl, `${linkBaseOf(ctx, c)}/`);
  url.searchParams.set('foyer', 'reset-password');
  return url.href;
}
