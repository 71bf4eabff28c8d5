/**
 * The SQLite connection as the server uses it: prepared statements reused by SQL text (bounded,
 * never handing out a statement busy in an iteration), and WAL checkpoints done by a worker thread
 * instead of a commit on the event loop.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, withStatementCache } from './dialect.js';
import { BACKSTOP_AUTOCHECKPOINT_PAGES, checkpointedPaths } from './sqlite-checkpointer.js';

const dirs: string[] = [];
const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'foyer-dialect-'));
  dirs.push(dir);
  return join(dir, 'foyer.db');
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('withStatementCache', () => {
  it('reuses the statement of the same SQL and prepares other SQL anew', () => {
    const sqlite = new SqliteDatabase(':memory:');
    const cached = withStatementCache(sqlite);
    const first = cached.prepare('select 1 as n');
    expect(cached.prepare('select 1 as n')).toBe(first);
    expect(cached.prepare('select 2 as n')).not.toBe(first);
    cached.close();
    expect(sqlite.open).toBe(false);
  });

  it('never hands out a statement that is busy in an iteration', () => {
    const sqlite = new SqliteDatabase(':memory:');
    const cached = withStatementCache(sqlite);
    const text = 'select value from json_each(?)';
    const outer = cached.prepare(text);
    const seen: unknown[] = [];
    for (const row of outer.iterate(['[1,2]']) as Iterable<{ value: number }>) {
      const inner = cached.prepare(text);
      expect(inner).not.toBe(outer);
      seen.push(row.value, inner.all(['[9]']));
    }
    expect(seen).toEqual([1, [{ value: 9 }], 2, [{ value: 9 }]]);
    sqlite.close();
  });

  it('keeps at most `size` statements, dropping the least recently used', () => {
    const sqlite = new SqliteDatabase(':memory:');
    const cached = withStatementCache(sqlite, 2);
    const one = cached.prepare('select 1');
    const two = cached.prepare('select 2');
    expect(cached.prepare('select 1')).toBe(one); // now "select 2" is the oldest
    cached.prepare('select 3');
    expect(cached.prepare('select 1')).toBe(one);
    expect(cached.prepare('select 2')).not.toBe(two);
    sqlite.close();
  });
});

describe('SQLite checkpoints in a worker thread', () => {
  it('copies the log into the database file without a commit crossing wal_autocheckpoint', async () => {
    const file = tempFile();
    const db = openDatabase(`sqlite:${file}`);
    try {
      await sql`create table notes (id integer primary key, body text not null)`.execute(db);
      const pages = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db);
      expect(pages.rows[0]?.wal_autocheckpoint).toBe(BACKSTOP_AUTOCHECKPOINT_PAGES);
      expect(checkpointedPaths()).toContain(file);

      const before = statSync(file).size;
      // ~2 MB: 500 pages, far below the backstop, so only the worker can move it into the file.
      const body = 'x'.repeat(4000);
      for (let i = 0; i < 500; i += 1) await sql`insert into notes (body) values (${body})`.execute(db);
      let after = statSync(file).size;
      for (let i = 0; i < 100 && after < before + 1_000_000; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        after = statSync(file).size;
      }
      expect(after).toBeGreaterThan(before + 1_000_000);
    } finally {
      await db.destroy();
    }
    expect(checkpointedPaths()).not.toContain(file);
  });

  it('does not start for an in-memory database', async () => {
    const db = openDatabase(':memory:');
    const pages = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db);
    expect(pages.rows[0]?.wal_autocheckpoint).toBe(1000);
    expect(checkpointedPaths()).not.toContain(':memory:');
    await db.destroy();
  });
});
