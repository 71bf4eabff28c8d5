/**
 * @module Account deletion (GDPR Art. 17): a single-use confirm token (15 min, SHA-256 at rest)
 * issued behind step-up, then one transaction that deletes every row of the user and anonymises
 * the audit trail, leaving an `account.deleted` tombstone. Media removal is scheduled through the
 * `mediaRemoval` hook; the confirmation email goes to the address the account had.
 */
import { randomUUID } from 'node:crypto';
import { FoyerError } from '@foyer/core';
import {
  deleteUserAndRows,
  findDeletionRequestByTokenHash,
  markDeletionRequestUsed,
  replaceDeletionRequest,
} from '../db/repositories/account-deletion.js';
import { anonymiseAuditEventsOfUser } from '../db/repositories/audit-events.js';
import { findUserEmailById } from '../db/repositories/users.js';
import { accountDeletedEmail } from '../mail/account-templates.js';
import { notifySecurityChange, securityNoticeSms, verifiedPhonesOf } from '../notifications/notify-security-change.js';
import { recordAuditEvent } from '../security/audit-log.js';
import { generateToken, hashToken } from '../security/tokens.js';
import type { FoyerServerContext } from '../server-context.js';

/** How long a confirm token works. */
export const DELETION_CONFIRM_TTL_MS = 15 * 60 * 1000;

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
  await replaceDeletionRequest(ctx.db, {
    id: randomUUID(),
    user_id: userId,
    token_hash: hashToken(confirmToken),
    expires_at: expiresAt,
    used_at: null,
    created_at: now.toISOString(),
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
    const request = await findDeletionRequestByTokenHash(trx, hashToken(confirmToken));
    if (!request || request.user_id !== userId || request.used_at !== null) throw new FoyerError('invalid_code');
    if (request.expires_at <= nowIso) throw new FoyerError('code_expired');
    if (!(await markDeletionRequestUsed(trx, request.id, nowIso))) throw new FoyerError('invalid_code');
    const user = await findUserEmailById(trx, userId);
    if (!user) throw new FoyerError('invalid_code');

    await anonymiseAuditEventsOfUser(trx, userId, JSON.stringify({ tombstone: tombstoneId }));
    await deleteUserAndRows(trx, userId);
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
