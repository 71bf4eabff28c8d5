/**
 * NIST SP 800-63B §5.1.1.2 (a look-up secret is used once), below HTTP: `markCodeUsed` is the one
 * conditional UPDATE that makes a code or link token single use. Of five parallel calls for one
 * code exactly one reports that it used it, and the first use's time is the one kept. The HTTP
 * race suite (routes/one-time-codes.single-use-race.test.ts) depends on it; this proves it
 * without depending on how requests interleave.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openMigratedDatabase, type MigratedTestDatabase } from '../test-support/dialects.js';
import type { Database } from './database.js';
import { markCodeUsed, replaceOneTimeCode } from './repositories/one-time-codes.js';
import { insertUserIfEmailFree } from './repositories/users.js';

const T0 = '2026-11-28T10:00:00.000Z';

/** A user with a live, unused reset code; returns the code's id. */
async function liveCode(db: Kysely<Database>): Promise<string> {
  const userId = randomUUID();
  await insertUserIfEmailFree(db, {
    id: userId,
    email: `${userId}@example.com`,
    password_hash: 'not-a-hash',
    email_verified_at: null,
    created_at: T0,
    updated_at: T0,
  });
  const id = randomUUID();
  await replaceOneTimeCode(db, {
    id,
    user_id: userId,
    purpose: 'reset_password',
    code_hash: randomUUID(),
    token_hash: randomUUID(),
    attempts: 0,
    expires_at: '2026-11-28T10:15:00.000Z',
    used_at: null,
    created_at: T0,
  });
  return id;
}

async function usedAt(db: Kysely<Database>, id: string): Promise<string | null> {
  const row = await db.selectFrom('one_time_codes').select('used_at').where('id', '=', id).executeTakeFirstOrThrow();
  return row.used_at;
}

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.available)(`markCodeUsed is single use [${dialect.name}]`, () => {
    let opened: MigratedTestDatabase;
    beforeAll(async () => {
      opened = await openMigratedDatabase(dialect);
    });
    afterAll(() => opened?.close());

    it('the first call uses the code; a second call reports false and keeps the first time', async () => {
      const id = await liveCode(opened.db);
      expect(await markCodeUsed(opened.db, id, '2026-11-28T10:01:00.000Z')).toBe(true);
      expect(await markCodeUsed(opened.db, id, '2026-11-28T10:02:00.000Z')).toBe(false);
      expect(await usedAt(opened.db, id)).toBe('2026-11-28T10:01:00.000Z');
    });

    it('five parallel calls: exactly one reports true', async () => {
      const id = await liveCode(opened.db);
      const results = await Promise.all(
        Array.from({ length: 5 }, (_, i) => markCodeUsed(opened.db, id, `2026-11-28T10:0${i + 1}:00.000Z`)),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await usedAt(opened.db, id)).toBe(`2026-11-28T10:0${results.indexOf(true) + 1}:00.000Z`);
    });
  });
}
