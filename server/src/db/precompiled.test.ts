/**
 * Precompiled queries: compiled once per database (SQLite `?` and PostgreSQL `$1` differ), then run
 * with new values in the right places — including values repeated in several places and constants
 * of the builder — and refused when a placeholder would end up inside the SQL text. The query with
 * repeated placeholders is the rate-limit store's own hit.
 */
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openMigratedDatabase, type MigratedTestDatabase } from '../test-support/dialects.js';
import type { Database } from './database.js';
import { countHit } from './repositories/rate-limit-buckets.js';
import { precompiled } from './precompiled.js';

const bucketByKey = precompiled<{ key: string }, { key: string; hits: number }>((db, param) =>
  db.selectFrom('rate_limit_buckets').select(['key', 'hits']).where('key', '=', param('key')),
);

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.available)(`precompiled [${dialect.name}]`, () => {
    let opened: MigratedTestDatabase;
    let db: Kysely<Database>;
    beforeAll(async () => {
      opened = await openMigratedDatabase(dialect);
      db = opened.db;
    });
    afterAll(() => opened.close());

    it('fills each value where it belongs, on every call', async () => {
      const hit = async (key: string, now: string, reset: string) =>
        (await countHit(db, { key, nowIso: now, resetIso: reset })).rows[0];
      expect(await hit('a', '2026-01-01T00:00:00Z', '2026-01-01T00:01:00Z')).toEqual({
        hits: 1,
        reset_at: '2026-01-01T00:01:00Z',
      });
      expect(await hit('b', '2026-01-01T00:00:00Z', '2026-01-01T00:05:00Z')).toMatchObject({ hits: 1 });
      // Same window: counted; the window's end stays.
      expect(await hit('a', '2026-01-01T00:00:30Z', '2026-01-01T00:01:30Z')).toEqual({
        hits: 2,
        reset_at: '2026-01-01T00:01:00Z',
      });
      // After the window: a new one (the repeated `nowIso` and `resetIso` both took the new values).
      expect(await hit('a', '2026-01-01T00:02:00Z', '2026-01-01T00:03:00Z')).toEqual({
        hits: 1,
        reset_at: '2026-01-01T00:03:00Z',
      });
      const rows = await db.selectFrom('rate_limit_buckets').select(['key', 'hits']).orderBy('key').execute();
      expect(rows.map((row) => [row.key, Number(row.hits)])).toEqual([
        ['a', 1],
        ['b', 1],
      ]);
    });

    it('refuses a placeholder written into the SQL text', async () => {
      const broken = precompiled<{ table: string }>((db, param) =>
        db.selectFrom(sql.raw<{ n: number }>(param('table')).as('t')).select(sql<number>`1`.as('n')),
      );
      await expect(async () => broken(db, { table: 'users' })).rejects.toThrow(/SQL text/);
    });

    it('while a transaction is open, waits for it and never reads its uncommitted rows', async () => {
      // SQLite runs precompiled statements on the connection directly, except inside a transaction:
      // there the one connection would show the transaction's own rows before they are committed.
      let inserted!: () => void;
      const insertedNow = new Promise<void>((resolve) => (inserted = resolve));
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      const transaction = db
        .transaction()
        .execute(async (trx) => {
          await trx.insertInto('rate_limit_buckets').values({ key: 'uncommitted', hits: 7, reset_at: 'x' }).execute();
          inserted();
          await released;
          throw new Error('rolled back');
        })
        .catch((error: Error) => error.message);
      await insertedNow;
      const read = bucketByKey(db, { key: 'uncommitted' });
      const write = countHit(db, { key: 'after', nowIso: '2026-01-01T00:00:00Z', resetIso: '2026-01-01T00:01:00Z' });
      release();
      expect(await transaction).toBe('rolled back');
      expect((await read).rows).toEqual([]);
      // The write outside it was not rolled back with it.
      expect((await write).rows).toEqual([{ hits: 1, reset_at: '2026-01-01T00:01:00Z' }]);
      expect((await bucketByKey(db, { key: 'after' })).rows).toEqual([{ key: 'after', hits: 1 }]);
    });

    it('reports the rows a write changed', async () => {
      const reset = precompiled<{ key: string }>((db, param) =>
        db.updateTable('rate_limit_buckets').set({ hits: 0 }).where('key', '=', param('key')),
      );
      expect(Number((await reset(db, { key: 'after' })).numAffectedRows)).toBe(1);
      expect(Number((await reset(db, { key: 'nowhere' })).numAffectedRows)).toBe(0);
    });
  });
}
