/**
 * @module Account deletion (GDPR Art. 17): a single-use confirm token (15 min, SHA-256 at rest)
 * issued behind step-up, then one transaction that deletes every row of the user and anonymises
 * the audit trail, leaving an `account.deleted` tombstone. Media removal is scheduled through the
 * `mediaRemoval` hook; the confirmation email goes to the address the account had.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { FoyerError } from '@foyer/core';
import type { Database } from '../db/database.js';
import { accountDeletedEmail } from '../mail/account-templates.js';
import { notifySecurityChange, securityNoticeSms, verifiedPhonesOf } from '../notifications/notify-security-change.js';
import { recordAuditEvent } from '../security/audit-log.js';
import { generateToken, hashToken } from '../security/tokens.js';
import type { FoyerServerContext } from '../server-context.js';

/** How long a confirm token works. */
export const DELETION_CONFIRM_TTL_MS = 15 * 60 * 1000;

/**
 * Tables whose rows of the user are deleted, children first. `users` goes last; every table here
 * also cascades from it, the explicit list documents the intent and survives a missing cascade.
 */
const USER_TABLES = [
  'sessions',
  'one_time_codes',
  'user_phones',
  'devices',
  'onboarding_steps',
  'onboarding_tracks',
  'public_profiles',
  'mfa_factors',
  'recovery_codes',
  'webauthn_challenges',
  'mfa_pending_sign_ins',
  'oauth_accounts',
  'payout_destinations',
  'email_change_requests',
  'account_deletion_requests',
] as const satisfies readonly (keyof Database)[];

/**
 * Issues a confirm token for deleting `userId` (a new one replaces unused earlier ones).
 *
 * @example
 * const { confirmToken, expiresAt } = await issueDeletionConfirmToken(ctx, user.id);
 */
export async function issueDeletionConfirmToken(
  ctx: Pick<FoyerServerContext, 'db' | 'now'>,
  userId: string,
): Promise<{ confirmToken: string; expiresAt: string }> {
  const confirmToken = generateToken();
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + DELETION_CONFIRM_TTL_MS).toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('account_deletion_requests')
      .where('user_id', '=', userId)
      .where('used_at', 'is', null)
      .execute();
    await trx
      .insertInto('account_deletion_requests')
      .values({
        id: randomUUID(),
        user_id: userId,
        token_hash: hashToken(confirmToken),
        expires_at: expiresAt,
        used_at: null,
        created_at: now.toISOString(),
      })
      .execute();
  });
  return { confirmToken, expiresAt };
}

/**
 * Deletes the account of `userId` with its confirm token, in one transaction: the token is spent
 * atomically, every row of the user goes, audit events lose everything that identifies the user
 * (user id, identity hash, IP prefix, user agent; their details are replaced by the tombstone id)
 * and an `account.deleted` tombstone is written.
 * @returns the tombstone id and the address to confirm to
 * @throws `invalid_code` (unknown, used, or another user's token), `code_expired`
 */
export async function deleteAccount(
  ctx: FoyerServerContext,
  userId: string,
  confirmToken: string,
): Promise<{ tombstoneId: string; email: string }> {
  const nowIso = ctx.now().toISOString();
  const tombstoneId = randomUUID();
  // Read before the rows go: the numbers hear about the deletion too.
  const phones = await verifiedPhonesOf(ctx, userId);
  const result = await ctx.db.transaction().execute(async (trx) => {
    const request = await trx
      .selectFrom('account_deletion_requests')
      .selectAll()
      .where('token_hash', '=', hashToken(confirmToken))
      .executeTakeFirst();
    if (!request || request.user_id !== userId || request.used_at !== null) throw new FoyerError('invalid_code');
    if (request.expires_at <= nowIso) throw new FoyerError('code_expired');
    const spent = await trx
      .updateTable('account_deletion_requests')
      .set({ used_at: nowIso })
      .where('id', '=', request.id)
      .where('used_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!spent) throw new FoyerError('invalid_code');
    const user = await trx.selectFrom('users').select(['id', 'email']).where('id', '=', userId).executeTakeFirst();
    if (!user) throw new FoyerError('invalid_code');

    await trx
      .updateTable('audit_events')
      .set({
        user_id: null,
        identity_hash: null,
        ip_prefix: null,
        user_agent: null,
        details: JSON.stringify({ tombstone: tombstoneId }),
      })
      .where('user_id', '=', userId)
      .execute();
    const anyTrx = trx as unknown as Kysely<Record<string, { user_id: string }>>;
    for (const table of USER_TABLES) await anyTrx.deleteFrom(table).where('user_id', '=', userId).execute();
    await trx.deleteFrom('users').where('id', '=', userId).execute();
    await recordAuditEvent(ctx, undefined, { type: 'account.deleted', details: { tombstone: tombstoneId } }, trx);
    return { tombstoneId, email: user.email };
  });
  await ctx.mediaRemoval.scheduleRemoval(userId);
  const when = nowIso.slice(0, 16).replace('T', ' ');
  notifySecurityChange(ctx, undefined, userId, {
    mail: accountDeletedEmail({ to: result.email, when }),
    sms: securityNoticeSms('Your account was deleted.', when),
    phones,
  });
  return result;
}
