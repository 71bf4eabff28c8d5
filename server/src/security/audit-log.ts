/**
 * @module The audit log: `recordAuditEvent()` appends one security event with the request's id,
 * IP prefix and user agent. Callers pass facts, never secrets (no passwords, codes or tokens).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { insertAuditEvent } from '../db/repositories/audit-events.js';
import { clientIpPrefix } from './client-address.js';

/** Every audit event type Foyer records. */
export type AuditEventType =
  | 'sign_up'
  | 'email.verified'
  | 'sign_in.succeeded'
  | 'oauth.linked'
  | 'sign_in.failed'
  | 'sign_out'
  | 'account.locked'
  | 'account.unlocked'
  | 'captcha.required'
  | 'captcha.failed'
  | 'rate_limited'
  | 'password.reset_requested'
  | 'password.reset'
  | 'password.changed'
  | 'session.revoked'
  | 'device.new'
  | 'mfa.enabled'
  | 'mfa.factor_removed'
  | 'mfa.challenged'
  | 'mfa.succeeded'
  | 'mfa.failed'
  | 'step_up.succeeded'
  | 'step_up.failed'
  | 'payout.changed'
  | 'email.change_requested'
  | 'email.changed'
  | 'phone.code_sent'
  | 'phone.verified'
  | 'phone.removed'
  | 'account.exported'
  | 'account.deletion_requested'
  | 'account.deleted';

/** One event to record. */
export interface AuditEvent {
  type: AuditEventType;
  userId?: string | null;
  /** The email (or phone) tried; stored only as a SHA-256. */
  identity?: string | null;
  /** Event-specific facts; must not hold secrets. */
  details?: Record<string, unknown>;
}

/** SHA-256 (hex) of a normalised identity, as stored in `identity_hash`. */
export function identityHash(identity: string): string {
  return createHash('sha256').update(identity.trim().toLowerCase()).digest('hex');
}

/** What the audit log needs of a server: its store, its clock and whether it trusts a proxy. */
export interface AuditLogContext {
  db: Kysely<Database>;
  now: () => Date;
  trustProxy?: boolean;
}

/**
 * Appends an event, taking request id, IP prefix and user agent from the request when given.
 *
 * @example
 * await recordAuditEvent(ctx, c, { type: 'account.locked', userId, identity: email, details: { minutes: 15 } });
 */
export async function recordAuditEvent(
  ctx: AuditLogContext,
  c: Context | undefined,
  event: AuditEvent,
  db: Kysely<Database> = ctx.db,
): Promise<void> {
  await insertAuditEvent(db, {
    id: randomUUID(),
    type: event.type,
    user_id: event.userId ?? null,
    identity_hash: event.identity ? identityHash(event.identity) : null,
    request_id: (c?.get('requestId') as string | undefined) ?? null,
    ip_prefix: c ? clientIpPrefix(c, { trustProxy: ctx.trustProxy ?? false }) : null,
    user_agent: c?.req.header('user-agent')?.slice(0, 512) ?? null,
    details: JSON.stringify(event.details ?? {}),
    created_at: ctx.now().toISOString(),
  });
}
