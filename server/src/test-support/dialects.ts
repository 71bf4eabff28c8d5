/**
 * @module The dialects every server suite runs on (Kysely's test-setup pattern): SQLite always,
 * PostgreSQL when reachable at `PG_URL` (default postgres://postgres@127.0.0.1:5432/test), which
 * a suite that cannot reach it reports as skipped (./skipped-services.ts). Each suite gets its own
 * fresh database, so parallel files never collide.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import pg from 'pg';
import type { Database } from '../db/database.js';
import { openDatabase, type DatabaseConfig, type DialectName } from '../db/dialect.js';
import { migrateToLatest } from '../db/migrate.js';
import { reportSkippedService } from './skipped-services.js';

/** A fresh, empty database for one suite. */
export interface TestDatabase {
  url: DatabaseConfig;
  /** Drops the database (PostgreSQL) or deletes its files (SQLite). Call after the server closed. */
  dispose(): Promise<void>;
}

/** One dialect a suite can run on. */
export interface TestDialect {
  name: DialectName;
  /** `false` when the engine is unreachable: `describe.skipIf(!dialect.available)`. */
  available: boolean;
  createDatabase(): Promise<TestDatabase>;
}

const PG_URL = process.env.PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function probePostgres(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

const postgresUnavailable = await probePostgres();
if (postgresUnavailable) reportSkippedService('postgres', postgresUnavailable);

const sqlite: TestDialect = {
  name: 'sqlite',
  available: true,
  async createDatabase() {
    const dir = mkdtempSync(join(tmpdir(), 'foyer-test-'));
    return {
      url: `sqlite:${join(dir, 'foyer.db')}`,
      async dispose() {
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

const postgres: TestDialect = {
  name: 'postgres',
  available: postgresUnavailable === undefined,
  async createDatabase() {
    const name = `foyer_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name}`);
    } finally {
      await admin.end();
    }
    const url = new URL(PG_URL);
    url.pathname = `/${name}`;
    return {
      url: url.href,
      async dispose() {
        const client = new pg.Client({ connectionString: PG_URL });
        await client.connect();
        try {
          // Without FORCE, so the server's closing pool ends its connections itself; retry while it does.
          for (let attempt = 0; ; attempt++) {
            try {
              await client.query(`DROP DATABASE IF EXISTS ${name}`);
              break;
            } catch (error) {
              if (attempt >= 50) throw error;
              await new Promise((resolve) => setTimeout(resolve, 50));
            }
          }
        } finally {
          await client.end();
        }
      },
    };
  },
};

/** Every dialect; suites loop over it with `describe.skipIf(!dialect.available)`. */
export const DIALECTS: readonly TestDialect[] = [sqlite, postgres];

/** A fresh database on one dialect, migrated to the latest schema, for suites below the HTTP layer. */
export interface MigratedTestDatabase {
  db: Kysely<Database>;
  /** Destroys the Kysely instance, then the database. */
  close(): Promise<void>;
}

/**
 * Creates a fresh database on `dialect`, opens it and runs every migration.
 *
 * @example
 * let opened: MigratedTestDatabase;
 * beforeAll(async () => (opened = await openMigratedDatabase(dialect)));
 * afterAll(() => opened.close());
 */
export async function openMigratedDatabase(dialect: TestDialect): Promise<MigratedTestDatabase> {
  const database = await dialect.createDatabase();
  const db = openDatabase(database.url);
  await migrateToLatest(db);
  return {
    db,
    async close() {
      await db.destroy();
      await database.dispose();
    },
  };
}
