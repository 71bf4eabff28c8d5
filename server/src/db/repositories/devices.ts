/** @module Queries on `devices`: the browsers (ids of signed `foyer_device` cookies) that signed in to an account. */
import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import { precompiled } from '../precompiled.js';

const knownDevice = precompiled<{ deviceId: string; userId: string; since: string }>((db, param) =>
  db
    .selectFrom('devices')
    .select('id')
    .where('id', '=', param('deviceId'))
    .where('user_id', '=', param('userId'))
    .where('last_seen_at', '>', param('since')),
);

/** True when the device signed in to the user's account after `sinceIso`. Precompiled: every sign-in asks. */
export async function isDeviceSeenSince(
  db: Kysely<Database>,
  deviceId: string,
  userId: string,
  sinceIso: string,
): Promise<boolean> {
  return (await knownDevice(db, { deviceId, userId, since: sinceIso })).rows.length > 0;
}

const upsertDevice = precompiled<{ deviceId: string; userId: string; nowIso: string }, { created_at: string }>(
  (db, param) =>
    db
      .insertInto('devices')
      .values({
        id: param('deviceId'),
        user_id: param('userId'),
        created_at: param('nowIso'),
        last_seen_at: param('nowIso'),
      })
      .onConflict((oc) => oc.columns(['id', 'user_id']).doUpdateSet({ last_seen_at: param('nowIso') }))
      .returning('created_at'),
);

/**
 * Records a sign-in of the user on the device at `nowIso` (inserts it, or moves `last_seen_at`):
 * one upsert. @returns the row's `created_at` (equal to `nowIso` when this call inserted it)
 */
export async function upsertDeviceSeen(
  db: Kysely<Database>,
  deviceId: string,
  userId: string,
  nowIso: string,
): Promise<string | undefined> {
  const [row] = (await upsertDevice(db, { deviceId, userId, nowIso })).rows;
  return row?.created_at;
}
