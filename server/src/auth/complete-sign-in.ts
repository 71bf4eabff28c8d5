/**
 * @module The one way a proven first factor turns into a session: password sign-in, a password
 * reset, email verification, and (later) social, phone and passkey sign-in all end here, so
 * new-device notices, session flags and second factors apply to every route the same way.
 */
import type { Context } from 'hono';
import type { MfaMethod, User } from '@foyer/core';
import type { UserRow } from '../db/tables/user.table.js';
import type { FoyerServerContext } from '../server-context.js';
import { noticeNewDevice } from './devices.js';
import { startSession } from './sessions.js';
import { startPendingSignIn } from './mfa/pending-sign-in.js';
import { mfaChallengeOf } from './mfa/second-factor.js';
import { completePendingLink } from '../oauth/account-linking.js';

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

/** What a sign-in answers with when a session started. */
export interface SignedInAnswer {
  user: User;
  passwordChangeRequired?: true;
}

/** What a sign-in answers with when the user has MFA: no session yet, a pending cookie instead. */
export interface MfaRequiredAnswer {
  mfaRequired: true;
  /** The methods `POST /auth/mfa/verify` accepts for this user. */
  factors: MfaMethod[];
  /** When `factors` has `sms`: the verified number, masked (`•••• 71`). */
  phoneHint?: string;
}

/** What a sign-in answers with: a session, or (users with MFA, any first factor but a passkey) a second-factor step. */
export type SignInAnswer = SignedInAnswer | MfaRequiredAnswer;

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
export async function completeSignIn(
  ctx: FoyerServerContext,
  c: Context,
  user: UserRow,
  completion: SignInCompletion,
): Promise<SignInAnswer> {
  // A passkey is multi-factor in itself (possession + user verification); every other first factor needs the second one.
  if (completion.method !== 'passkey') {
    const challenge = await mfaChallengeOf(ctx, user.id, { firstFactor: completion.method });
    if (challenge.factors.length > 0) {
      await startPendingSignIn(ctx, c, user.id, completion);
      return { mfaRequired: true, ...challenge };
    }
  }
  // Without MFA, a password just typed is the step-up such accounts have (e.g. the forced change of a breached password right after).
  const passwordTyped = completion.method === 'password' || completion.method === 'password_reset';
  return finishSignIn(ctx, c, user, { ...completion, stepUp: passwordTyped });
}

/**
 * Starts the session without the MFA check: for {@link completeSignIn} and for a pending sign-in
 * whose second factor was just proven.
 */
export async function finishSignIn(
  ctx: FoyerServerContext,
  c: Context,
  user: UserRow,
  completion: SignInCompletion & { stepUp?: boolean },
): Promise<SignedInAnswer> {
  if (!completion.quiet) await noticeNewDevice(ctx, c, user);
  // A social identity waiting for this account's password (docs/social-sign-in.md, linking).
  await completePendingLink(ctx, c, user, completion.method);
  await startSession(ctx, c, user.id, {
    passwordChangeRequired: completion.passwordChangeRequired ?? false,
    ...(completion.stepUp ? { stepUpAt: ctx.now().toISOString() } : {}),
  });
  return {
    user: toApiUser(user),
    ...(completion.passwordChangeRequired ? { passwordChangeRequired: true as const } : {}),
  };
}
