/** @module The one place that turns a database URL into a Kysely dialect (SQLite or PostgreSQL). */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  Kysely,
  PostgresDialect,
  SqliteDialect,
  type Dialect,
  type SqliteDatabase as KyselySqliteDatabase,
} from 'kysely';
import pg from 'pg';
import type { Database } from './database.js';
import { BACKSTOP_AUTOCHECKPOINT_PAGES, startCheckpointing, stopCheckpointing } from './sqlite-checkpointer.js';

/**
 * Where the data lives: `':memory:'`, `'sqlite:PATH'` (or `'sqlite::memory:'`), or a
 * `postgres://` / `postgresql://` URL.
 */
export type DatabaseConfig = string;

/** Which engine a {@link DatabaseConfig} selects. */
export type DialectName = 'sqlite' | 'postgres';

/** Tells which engine a database URL names. Throws on anything else. */
export function dialectNameOf(config: DatabaseConfig): DialectName {
  if (config === ':memory:' || config.startsWith('sqlite:')) return 'sqlite';
  if (/^postgres(ql)?:\/\//.test(config)) return 'postgres';
  throw new Error(`Unsupported database URL (expected sqlite:PATH, :memory: or postgres://…): ${redactUrl(config)}`);
}

/**
 * Builds the dialect for a database URL. SQLite runs in WAL mode with foreign keys on, a
 * 5-second busy timeout, prepared statements reused and WAL checkpoints in a worker thread; PostgreSQL gets a `pg.Pool` (default 10 connections).
 *
 * @example
 * const db = new Kysely<Database>({ dialect: createDialect('sqlite:./data/foyer.db') });
 */
export function createDialect(config: DatabaseConfig, options: { poolSize?: number } = {}): Dialect {
  return openDialect(config, options).dialect;
}

/** The dialect, and for SQLite the connection it serves (with its statement cache). */
function openDialect(
  config: DatabaseConfig,
  options: { poolSize?: number },
): { dialect: Dialect; sqlite?: DirectSqliteConnection } {
  if (dialectNameOf(config) === 'postgres') {
    const pool = new pg.Pool({ connectionString: config, max: options.poolSize ?? 10 });
    return { dialect: new PostgresDialect({ pool }) };
  }
  const path = config === ':memory:' ? ':memory:' : config.slice('sqlite:'.length);
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new SqliteDatabase(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Checkpoints run in a worker thread (./sqlite-checkpointer.ts); SQLite's own stays as a backstop.
  const file = path === ':memory:' ? undefined : resolve(path);
  if (file && startCheckpointing(file)) sqlite.pragma(`wal_autocheckpoint = ${BACKSTOP_AUTOCHECKPOINT_PAGES}`);
  const database = withStatementCache(sqlite);
  const dialect = new SqliteDialect({
    database: {
      prepare: (sql) => database.prepare(sql),
      close() {
        if (file) stopCheckpointing(file);
        database.close();
      },
    },
  });
  return {
    dialect,
    sqlite: {
      prepare: (sql) => database.prepare(sql),
      get idle() {
        return sqlite.open && !sqlite.inTransaction;
      },
    },
  };
}

/** The SQLite connection behind a Kysely instance opened by {@link openDatabase}, for {@link directSqliteOf}. */
export interface DirectSqliteConnection {
  /** A prepared statement from the connection's cache. */
  prepare(sql: string): SqliteDatabase.Statement;
  /** Open, with no transaction on it: a statement may run here (otherwise Kysely holds it: go through Kysely). */
  readonly idle: boolean;
}

const directConnections = new WeakMap<Kysely<Database>, DirectSqliteConnection>();

/**
 * The SQLite connection of a database opened by {@link openDatabase}, or `undefined` (PostgreSQL,
 * a transaction, an instance made elsewhere). better-sqlite3 runs a statement synchronously, so
 * one run outside a transaction cannot interleave with anything: `precompiled()` runs its
 * statements here directly, without Kysely's connection queue and promise chain (about 10 % of a
 * session check), and goes through Kysely whenever a transaction is open.
 */
export function directSqliteOf(db: Kysely<Database>): DirectSqliteConnection | undefined {
  return directConnections.get(db);
}

/** A SQLite connection as Kysely's dialect takes it, handing out better-sqlite3 statements. */
export interface CachedSqliteDatabase extends KyselySqliteDatabase {
  prepare(sql: string): SqliteDatabase.Statement;
}

/** How many prepared statements one SQLite connection keeps (least recently prepared dropped first). */
export const STATEMENT_CACHE_SIZE = 512;

/**
 * The connection as Kysely sees it, with its prepared statements reused. Kysely's SQLite driver
 * calls `prepare(sql)` for every query, and compiling the SQL was the largest single cost of a
 * session check (13 % of its CPU in a profile); the SQL text of a query builder chain is the same
 * on every call (values are parameters), so a small cache by text makes it a lookup. A statement
 * busy in an `iterate()` (a streamed query) is never handed out twice: a fresh one is prepared.
 * SQLite re-prepares cached statements by itself after a schema change.
 */
export function withStatementCache(sqlite: SqliteDatabase.Database, size = STATEMENT_CACHE_SIZE): CachedSqliteDatabase {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      const cached = statements.get(sql);
      if (cached && !cached.busy) {
        // Most recently used last, so the oldest is first in line to go.
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const statement = sqlite.prepare(sql);
      if (!cached) {
        statements.set(sql, statement);
        if (statements.size > size) statements.delete(statements.keys().next().value as string);
      }
      return statement;
    },
  };
}

/** Opens a Kysely instance for a database URL. The caller owns it and calls `destroy()`. */
export function openDatabase(config: DatabaseConfig, options: { poolSize?: number } = {}): Kysely<Database> {
  const { dialect, sqlite } = openDialect(config, options);
  const db = new Kysely<Database>({ dialect });
  if (sqlite) directConnections.set(db, sqlite);
  return db;
}

/** A URL with its password masked, for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
