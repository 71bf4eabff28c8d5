/**
 * @module Linking a provider identity to a Foyer account. Automatic only when the provider asserts
 * the email as verified AND the Foyer account's email is verified; otherwise a signed pending-link
 * cookie waits for the next password sign-in (or password reset) of the account with that email,
 * which proves the person owns the account (pre-account-takeover defence: an attacker who
 * registered the victim's email first keeps no way in).
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { insertOAuthAccount } from '../db/repositories/oauth-accounts.js';
import type { UserRow } from '../db/tables/user.table.js';
import { recordAuditEvent } from '../security/audit-log.js';
import type { FoyerServerContext } from '../server-context.js';
import { readSignedCookieValue, signCookieValue } from './signed-cookie.js';

/** Name of the pending-link cookie. */
export const PENDING_LINK_COOKIE = 'foyer_oauth_link';
const PENDING_LINK_PURPOSE = 'oauth-pending-link';
/** How long a pending link waits for the password sign-in. */
export const PENDING_LINK_TTL_MS = 10 * 60 * 1000;

/** A provider identity waiting to be linked. */
export interface PendingLink {
  provider: string;
  subject: string;
  email: string;
  name?: string | null;
}

/** Remembers a link that needs the password first (signed, HttpOnly, 10 minutes). */
export function writePendingLink(ctx: FoyerServerContext, c: Context, link: PendingLink): void {
  const expires = new Date(ctx.now().getTime() + PENDING_LINK_TTL_MS);
  setCookie(c, PENDING_LINK_COOKIE, signCookieValue(ctx.secret, PENDING_LINK_PURPOSE, { ...link }, expires), {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: ctx.secureCookies,
    expires,
  });
}

/**
 * Called by `completeSignIn()`: after a password sign-in or a password reset of the account whose
 * email the pending link names, links the provider identity. Other first factors never link.
 */
export async function completePendingLink(
  ctx: FoyerServerContext,
  c: Context,
  user: UserRow,
  method: string,
): Promise<void> {
  if (method !== 'password' && method !== 'password_reset') return;
  const raw = getCookie(c, PENDING_LINK_COOKIE);
  if (!raw) return;
  const link = readSignedCookieValue<PendingLink & Record<string, unknown>>(
    ctx.secret,
    PENDING_LINK_PURPOSE,
    raw,
    ctx.now(),
  );
  deleteCookie(c, PENDING_LINK_COOKIE, { path: '/', secure: ctx.secureCookies, httpOnly: true, sameSite: 'Lax' });
  if (!link || typeof link.email !== 'string' || link.email !== user.email) return;
  const linked = await insertOAuthAccount(ctx.db, { ...link, userId: user.id }, ctx.now().toISOString());
  if (linked)
    await recordAuditEvent(ctx, c, {
      type: 'oauth.linked',
      userId: user.id,
      details: { provider: link.provider, via: method },
    });
}
