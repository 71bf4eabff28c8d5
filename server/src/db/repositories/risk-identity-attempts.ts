/** @module Queries on `risk_identity_attempts`: which identities an IP tried to sign in as (a risk signal). */
import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import { precompiled } from '../precompiled.js';

const identitiesTriedFrom = precompiled<{ ip: string; since: string }, { n: number | string }>((db, param) =>
  db
    .selectFrom('risk_identity_attempts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('ip', '=', param('ip'))
    .where('last_seen_at', '>', param('since')),
);

/** How many distinct identities `ip` tried after `sinceIso`. Precompiled: every sign-in asks. */
export async function countIdentitiesTriedFrom(db: Kysely<Database>, ip: string, sinceIso: string): Promise<number> {
  const row = (await identitiesTriedFrom(db, { ip, since: sinceIso })).rows[0];
  return Number(row?.n ?? 0);
}

const upsertIdentityTried = precompiled<{ ip: string; identityHash: string; nowIso: string }>((db, param) =>
  db
    .insertInto('risk_identity_attempts')
    .values({ ip: param('ip'), identity_hash: param('identityHash'), last_seen_at: param('nowIso') })
    .onConflict((oc) => oc.columns(['ip', 'identity_hash']).doUpdateSet({ last_seen_at: param('nowIso') })),
);

/** Notes (or refreshes) that `ip` tried the identity with this hash at `nowIso`: one upsert. */
export async function recordIdentityAttempt(
  db: Kysely<Database>,
  ip: string,
  identityHash: string,
  nowIso: string,
): Promise<void> {
  await upsertIdentityTried(db, { ip, identityHash, nowIso });
}

/** Deletes the attempts last seen at or before `cutoffIso`. */
export async function deleteIdentityAttemptsSeenBefore(db: Kysely<Database>, cutoffIso: string): Promise<void> {
  await db.deleteFrom('risk_identity_attempts').where('last_seen_at', '<=', cutoffIso).execute();
}
