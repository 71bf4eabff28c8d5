/**
 * @module The one way a proven first factor turns into a session: password sign-in, a password
 * reset, email verification, and (later) social, phone and passkey sign-in all end here, so
 * new-device notices, session flags and second factors apply to every route the same way.
 */
import type { Context } from 'hono';
import type { User } from '@foyer/core';
import type { UserRow } from '../db/tables/user.table.js';
import type { FoyerServerContext } from '../server-context.js';
import { resetPasswordUrl } from './account-links.js';
import { noticeNewDevice } from './devices.js';
import { startSession } from './sessions.js';

/** How the person proved who they are. */
export type FirstFactor = 'password' | 'email_code' | 'password_reset' | 'oauth' | 'phone' | 'passkey';

/** Options of {@link completeSignIn}. */
export interface SignInCompletion {
  method: FirstFactor;
  /** The password used has since appeared in a breach. */
  passwordChangeRequired?: boolean;
  /** Skip the new-device notice (the account's very first session). @default false */
  quiet?: boolean;
}

/** What a sign-in answers with. */
export interface SignInAnswer {
  user: User;
  passwordChangeRequired?: true;
}

/** The user as the API shows it. */
export function toApiUser(row: Pick<UserRow, 'id' | 'email' | 'email_verified_at' | 'created_at'>): User {
  return { id: row.id, email: row.email, emailVerified: row.email_verified_at !== null, createdAt: row.created_at };
}

/**
 * Starts a session for `user` on this request (rotating any session the request carried),
 * after noticing a new device, and returns the body to answer with.
 *
 * @example
 * return c.json(await completeSignIn(ctx, c, user, { method: 'password', passwordChangeRequired }), 200);
 */
export async function completeSignIn(ctx: FoyerServerContext, c: Context, user: UserRow, completion: SignInCompletion): Promise<SignInAnswer> {
  if (!completion.quiet) await noticeNewDevice(ctx, c, user, resetPasswordUrl(ctx, c));
  await startSession(ctx, c, user.id, { passwordChangeRequired: completion.passwordChangeRequired ?? false });
  return { user: toApiUser(user), ...(completion.passwordChangeRequired ? { passwordChangeRequired: true as const } : {}) };
}
