/** @module Queries on `sessions`. Lookups go by the SHA-256 of the cookie token, never the token. */
import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import { precompiled } from '../precompiled.js';
import type { NewSessionRow, SessionRow } from '../tables/session.table.js';

/** A live-or-not session joined to its user: what `GET /auth/session` needs, in one SELECT. */
export interface SessionWithUser {
  id: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  idle_expires_at: string;
  expires_at: string;
  email: string;
  email_verified_at: string | null;
  user_created_at: string;
  password_change_required: number | null;
}

/** Inserts a new session. */
export async function insertSession(db: Kysely<Database>, session: NewSessionRow): Promise<void> {
  await insertSessionRow(db, {
    ...session,
    revoked_at: session.revoked_at ?? null,
    user_agent: session.user_agent ?? null,
    ip_prefix: session.ip_prefix ?? null,
    password_change_required: session.password_change_required ?? null,
    step_up_at: session.step_up_at ?? null,
  });
}

/** Every column given: a precompiled insert has one column list (absent values are NULL). */
type CompleteSessionRow = Pick<
  SessionRow,
  | 'id'
  | 'user_id'
  | 'token_hash'
  | 'created_at'
  | 'last_seen_at'
  | 'idle_expires_at'
  | 'expires_at'
  | 'revoked_at'
  | 'user_agent'
  | 'ip_prefix'
  | 'password_change_required'
> & { step_up_at: string | null };

const insertSessionRow = precompiled<CompleteSessionRow>((db, param) =>
  db.insertInto('sessions').values({
    id: param('id'),
    user_id: param('user_id'),
    token_hash: param('token_hash'),
    created_at: param('created_at'),
    last_seen_at: param('last_seen_at'),
    idle_expires_at: param('idle_expires_at'),
    expires_at: param('expires_at'),
    revoked_at: param('revoked_at'),
    user_agent: param('user_agent'),
    ip_prefix: param('ip_prefix'),
    password_change_required: param('password_change_required'),
    step_up_at: param('step_up_at'),
  }),
);

const lookupByTokenHash = precompiled<{ tokenHash: string }, SessionWithUser>((db, param) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id',
      'sessions.user_id',
      'sessions.created_at',
      'sessions.last_seen_at',
      'sessions.idle_expires_at',
      'sessions.expires_at',
      'users.email',
      'users.email_verified_at',
      'users.created_at as user_created_at',
      'sessions.password_change_required',
    ])
    .where('sessions.token_hash', '=', param('tokenHash'))
    .where('sessions.revoked_at', 'is', null),
);

/**
 * The unrevoked session with this token hash, joined to its user. Expiry is checked by the
 * caller against its clock. Precompiled: this is the hot path.
 */
export async function findSessionByTokenHash(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<SessionWithUser | undefined> {
  return (await lookupByTokenHash(db, { tokenHash })).rows[0];
}

/** Records use of a session: moves `last_seen_at` and the idle expiry forward. */
export async function touchSession(
  db: Kysely<Database>,
  sessionId: string,
  lastSeenAt: string,
  idleExpiresAt: string,
): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: lastSeenAt, idle_expires_at: idleExpiresAt })
    .where('id', '=', sessionId)
    .execute();
}

/** Revokes the session with this token hash, if it is live. */
export async function revokeSessionByTokenHash(db: Kysely<Database>, tokenHash: string, now: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .execute();
}

/** The user's live sessions (unrevoked, not expired at `now`), most recently used first. */
export async function listLiveSessionsOfUser(db: Kysely<Database>, userId: string, now: string): Promise<SessionRow[]> {
  return db
    .selectFrom('sessions')
    .selectAll()
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .where('idle_expires_at', '>', now)
    .orderBy('last_seen_at', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

/**
 * The distinct (user agent, IP prefix) pairs of the user's `limit` most recent sessions: what a
 * new-device check compares with. Distinct in SQL, so a user who always signs in from the same
 * browser costs one row, not `limit`.
 */
export async function recentDevicesOfUser(
  db: Kysely<Database>,
  userId: string,
  limit: number,
): Promise<Pick<SessionRow, 'user_agent' | 'ip_prefix'>[]> {
  return (await recentDevices(db, { userId, limit })).rows;
}

/**
 * The query of {@link recentDevicesOfUser} as a builder: its SQLite plan is tested to stay on the
 * covering index `sessions_user_devices_idx` (migration 2026_12_02_000000).
 */
export function recentDevicesQuery(db: Kysely<Database>, userId: string, limit: number) {
  const recent = db
    .selectFrom('sessions')
    .select(['user_agent', 'ip_prefix'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .as('recent');
  return db.selectFrom(recent).select(['recent.user_agent', 'recent.ip_prefix']).distinct();
}

const recentDevices = precompiled<{ userId: string; limit: number }, Pick<SessionRow, 'user_agent' | 'ip_prefix'>>(
  (db, param) => recentDevicesQuery(db, param('userId'), param('limit')),
);

/**
 * Revokes one live session, only when it belongs to `userId` (an id of another user's session
 * matches nothing: no IDOR).
 * @returns `true` when a session was revoked
 */
export async function revokeSessionOfUser(
  db: Kysely<Database>,
  userId: string,
  sessionId: string,
  now: string,
): Promise<boolean> {
  const row = await db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('id', '=', sessionId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Revokes every live session of the user except `exceptSessionId` (none when `undefined`).
 * @returns the number of sessions revoked
 */
export async function revokeSessionsOfUser(
  db: Kysely<Database>,
  userId: string,
  now: string,
  exceptSessionId?: string,
): Promise<number> {
  let query = db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (exceptSessionId !== undefined) query = query.where('id', '!=', exceptSessionId);
  const rows = await query.returning('id').execute();
  return rows.length;
}

/** Gives a live session a new token (privilege change) and clears its password-change flag. */
export async function rotateSessionToken(db: Kysely<Database>, sessionId: string, tokenHash: string): Promise<boolean> {
  const row = await db
    .updateTable('sessions')
    .set({ token_hash: tokenHash, password_change_required: null })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}
