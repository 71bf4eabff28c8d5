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
  if (dialectNameOf(config) === 'postgres') {
    const pool = new pg.Pool({ connectionString: config, max: options.poolSize ?? 10 });
    return new PostgresDialect({ pool });
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
  return new SqliteDialect({
    database: {
      prepare: (sql) => database.prepare(sql),
      close() {
        if (file) stopCheckpointing(file);
        database.close();
      },
    },
  });
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
export function withStatementCache(sqlite: SqliteDatabase.Database, size = STATEMENT_CACHE_SIZE): KyselySqliteDatabase {
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
  return new Kysely<Database>({ dialect: createDialect(config, options) });
}

/** A URL with its password masked, for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
