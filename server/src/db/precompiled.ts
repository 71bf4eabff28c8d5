/**
 * @module Queries built and compiled once per database, then run with new parameters.
 *
 * Kysely builds an operation tree and compiles it to SQL on every call: on the hot paths (a
 * rate-limit hit on every sign-in, sign-up and code check; the session insert) that cost as much
 * CPU as SQLite running the statement. A precompiled query is written with the same builder, with
 * named placeholders where the values go; the first call per database compiles it (the SQL differs
 * between SQLite and PostgreSQL) and later calls only fill the parameters in.
 */
import { CompiledQuery, type Compilable, type Kysely, type QueryResult } from 'kysely';
import type { Database } from './database.js';
import { directSqliteOf } from './dialect.js';

const SENTINEL = '\u0000foyer-param:';

type Slot = { name: string } | { value: unknown };

/**
 * A query compiled once per database. `param(name)` marks where a value goes; it may only stand
 * where Kysely binds a value (never inside raw SQL text), which the first compile checks.
 *
 * @example
 * const insertNote = precompiled<{ id: string; body: string }>((db, param) =>
 *   db.insertInto('notes').values({ id: param('id'), body: param('body') }),
 * );
 * await insertNote(db, { id, body });
 */
export function precompiled<P extends Record<string, unknown>, R = unknown>(
  build: (db: Kysely<Database>, param: <K extends keyof P & string>(name: K) => P[K]) => Compilable<R>,
): (db: Kysely<Database>, params: P) => Promise<QueryResult<R>> {
  const compiledFor = new WeakMap<Kysely<Database>, { sql: string; slots: Slot[] }>();
  return (db, params) => {
    let entry = compiledFor.get(db);
    if (!entry) {
      const compiled = build(db, (name) => `${SENTINEL}${name}` as never).compile();
      if (compiled.sql.includes(SENTINEL)) throw new Error('precompiled: a parameter was written into the SQL text');
      const slots = compiled.parameters.map((value): Slot =>
        typeof value === 'string' && value.startsWith(SENTINEL) ? { name: value.slice(SENTINEL.length) } : { value },
      );
      entry = { sql: compiled.sql, slots };
      compiledFor.set(db, entry);
    }
    const parameters = entry.slots.map((slot) => ('name' in slot ? params[slot.name] : slot.value));
    // SQLite outside a transaction: the statement runs right here (./dialect.ts, directSqliteOf),
    // with the same result shape as Kysely's SQLite driver.
    const direct = directSqliteOf(db);
    if (direct?.idle) {
      try {
        const statement = direct.prepare(entry.sql);
        if (statement.reader) return Promise.resolve({ rows: statement.all(parameters) as R[] });
        const { changes, lastInsertRowid } = statement.run(parameters);
        return Promise.resolve({ rows: [], numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid) });
      } catch (error) {
        return Promise.reject(error as Error);
      }
    }
    return db.executeQuery(CompiledQuery.raw(entry.sql, parameters) as CompiledQuery<R>);
  };
}
