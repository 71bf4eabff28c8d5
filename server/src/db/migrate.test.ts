/**
 * Migrations on every dialect: the latest schema has the indexes the hot queries rely on, and the
 * newest migration steps down and up again cleanly. The new-device lookup of every sign-in
 * (`recentDevicesOfUser`) is answered from one covering index, without reading the table.
 */
import { CompiledQuery, Migrator, sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openMigratedDatabase, type MigratedTestDatabase } from '../test-support/dialects.js';
import type { Database } from './database.js';
import type { DialectName } from './dialect.js';
import { migrateToLatest, staticMigrationProvider } from './migrate.js';
import { recentDevicesOfUser, recentDevicesQuery } from './repositories/sessions.js';

/** Names of the indexes on `sessions` that Foyer made (not the engine's own for keys). */
async function sessionIndexes(db: Kysely<Database>, dialect: DialectName): Promise<string[]> {
  const rows =
    dialect === 'sqlite'
      ? await sql<{
          name: string;
        }>`select name from sqlite_master where type = 'index' and tbl_name = 'sessions' and sql is not null`.execute(
          db,
        )
      : await sql<{
          name: string;
        }>`select indexname as name from pg_indexes where tablename = 'sessions' and indexname not like '%_pkey' and indexname not like '%_key'`.execute(
          db,
        );
  return rows.rows.map((row) => row.name).sort();
}

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.available)(`migrations [${dialect.name}]`, () => {
    let opened: MigratedTestDatabase;
    let db: Kysely<Database>;
    beforeAll(async () => {
      opened = await openMigratedDatabase(dialect);
      db = opened.db;
    });
    afterAll(() => opened.close());

    it('indexes sessions by user once, covering the new-device lookup', async () => {
      expect(await sessionIndexes(db, dialect.name)).toEqual(['sessions_user_devices_idx']);
    });

    it('steps the newest migration down and up again', async () => {
      const migrator = new Migrator({ db, provider: staticMigrationProvider });
      const down = await migrator.migrateDown();
      expect(down.error).toBeUndefined();
      expect(down.results?.map((result) => [result.migrationName, result.status])).toEqual([
        ['2026_12_02_000000_index_sessions_by_device', 'Success'],
      ]);
      expect(await sessionIndexes(db, dialect.name)).toEqual(['sessions_user_created_idx', 'sessions_user_id_idx']);
      await migrateToLatest(db);
      expect(await sessionIndexes(db, dialect.name)).toEqual(['sessions_user_devices_idx']);
    });

    it('answers the new-device lookup from the newest sessions only', async () => {
      const now = Date.parse('2026-12-02T10:00:00Z');
      await db
        .insertInto('users')
        .values({
          id: 'u-devices',
          email: 'devices@example.com',
          password_hash: 'x',
          email_verified_at: null,
          created_at: 'x',
          updated_at: 'x',
        })
        .execute();
      const devices = ['Firefox/1', 'Chrome/2', 'Safari/3'];
      for (let i = 0; i < devices.length; i++) {
        await db
          .insertInto('sessions')
          .values({
            id: `s-${i}`,
            user_id: 'u-devices',
            token_hash: `t-${i}`,
            created_at: new Date(now + i * 1000).toISOString(),
            last_seen_at: 'x',
            idle_expires_at: 'x',
            expires_at: 'x',
            revoked_at: null,
            user_agent: devices[i]!,
            ip_prefix: '203.0.113.0/24',
          })
          .execute();
      }
      // The two newest: the oldest device falls outside the history asked for.
      const recent = await recentDevicesOfUser(db, 'u-devices', 2);
      expect(recent.map((row) => row.user_agent).sort()).toEqual(['Chrome/2', 'Safari/3']);
    });

    it.skipIf(dialect.name !== 'sqlite')('reads the lookup from the covering index alone (SQLite plan)', async () => {
      // The repository's own query, so a change to it is checked too.
      const query = recentDevicesQuery(db, 'u', 50).compile();
      const plan = await db.executeQuery<{ detail: string }>(
        CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]),
      );
      expect(plan.rows.map((row) => row.detail).join('\n')).toContain('USING COVERING INDEX sessions_user_devices_idx');
    });
  });
}
