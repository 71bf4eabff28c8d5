/** @module Queries on `sessions`. Lookups go by the SHA-256 of the cookie token, never the token. */
import { CompiledQuery, type Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { NewSessionRow } from '../tables/session.table.js';

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
}

/** Inserts a new session. */
export async function insertSession(db: Kysely<Database>, session: NewSessionRow): Promise<void> {
  await db.insertInto('sessions').values(session).execute();
}

const compiledLookups = new WeakMap<Kysely<Database>, CompiledQuery<SessionWithUser>>();

/**
 * The unrevoked session with this token hash, joined to its user. Expiry is checked by the
 * caller against its clock. The SQL is compiled once per database and reused: this is the hot path.
 */
export async function findSessionByTokenHash(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<SessionWithUser | undefined> {
  let compiled = compiledLookups.get(db);
  if (!compiled) {
    compiled = db
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
      ])
      .where('sessions.token_hash', '=', '')
      .where('sessions.revoked_at', 'is', null)
      .compile();
    compiledLookups.set(db, compiled);
  }
  const result = await db.executeQuery(CompiledQuery.raw(compiled.sql, [tokenHash]) as CompiledQuery<SessionWithUser>);
  return result.rows[0];
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
