/** @module The one place that turns a database URL into a Kysely dialect (SQLite or PostgreSQL). */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type Dialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database.js';

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
 * Builds the dialect for a database URL. SQLite runs in WAL mode with foreign keys on and a
 * 5-second busy timeout; PostgreSQL gets a `pg.Pool` (default 10 connections).
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
  return new SqliteDialect({ database: sqlite });
}

/** Opens a Kysely instance for a database URL. The caller owns it and calls `destroy()`. */
export function openDatabase(config: DatabaseConfig, options: { poolSize?: number } = {}): Kysely<Database> {
  return new Kysely<Database>({ dialect: createDialect(config, options) });
}

/** A URL with its password masked, for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
