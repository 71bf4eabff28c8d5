/** @module Queries on `users`. Emails arrive already lower-cased by the core email schema. */
import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import { precompiled } from '../precompiled.js';
import type { NewUserRow, UserRow } from '../tables/user.table.js';

const userByEmail = precompiled<{ email: string }, UserRow>((db, param) =>
  db.selectFrom('users').selectAll().where('email', '=', param('email')),
);

/** The user with this (lower-cased) email, if any. Precompiled: every sign-in and sign-up asks. */
export async function findUserByEmail(db: Kysely<Database>, email: string): Promise<UserRow | undefined> {
  return (await userByEmail(db, { email })).rows[0];
}

/** The user with this id, if any. */
export async function findUserById(db: Kysely<Database>, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The id and email of the user with this id, if any. */
export async function findUserEmailById(
  db: Kysely<Database>,
  id: string,
): Promise<Pick<UserRow, 'id' | 'email'> | undefined> {
  return db.selectFrom('users').select(['id', 'email']).where('id', '=', id).executeTakeFirst();
}

/**
 * Inserts the user unless the email is taken (also by a parallel sign-up).
 * @returns `true` when this call created the user.
 */
export async function insertUserIfEmailFree(db: Kysely<Database>, user: NewUserRow): Promise<boolean> {
  const inserted = await db
    .insertInto('users')
    .values(user)
    .onConflict((conflict) => conflict.column('email').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Sets `email_verified_at` the first time; later calls keep the first date. */
export async function markEmailVerified(db: Kysely<Database>, userId: string, now: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ email_verified_at: now, updated_at: now })
    .where('id', '=', userId)
    .where('email_verified_at', 'is', null)
    .execute();
}

/** Replaces the user's password hash. */
export async function updatePasswordHash(
  db: Kysely<Database>,
  userId: string,
  passwordHash: string,
  now: string,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash, updated_at: now })
    .where('id', '=', userId)
    .execute();
}
