/** @module Queries on `oauth_accounts`: which provider identity (issuer and `sub`) belongs to which user. */
import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { OAuthAccountRow } from '../tables/oauth-account.table.js';

/** A provider identity to link to `userId`. */
export interface OAuthAccountLink {
  provider: string;
  subject: string;
  email: string;
  name?: string | null;
  userId: string;
}

/** The link of this provider identity, if any. */
export async function findOAuthAccount(
  db: Kysely<Database>,
  provider: string,
  subject: string,
): Promise<OAuthAccountRow | undefined> {
  return db
    .selectFrom('oauth_accounts')
    .selectAll()
    .where('provider', '=', provider)
    .where('subject', '=', subject)
    .executeTakeFirst();
}

/**
 * Links the identity to `link.userId` unless it is linked already (also by a parallel request):
 * one insert. @returns `true` when this call linked it
 */
export async function insertOAuthAccount(db: Kysely<Database>, link: OAuthAccountLink, now: string): Promise<boolean> {
  const inserted = await db
    .insertInto('oauth_accounts')
    .values({
      provider: link.provider,
      subject: link.subject,
      user_id: link.userId,
      email: link.email,
      name: link.name ?? null,
      created_at: now,
    })
    .onConflict((conflict) => conflict.columns(['provider', 'subject']).doNothing())
    .returning('user_id')
    .executeTakeFirst();
  return inserted !== undefined;
}
