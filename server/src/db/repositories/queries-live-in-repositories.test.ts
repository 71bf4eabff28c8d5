/**
 * SQL lives in repositories (docs/contributing.md, "database"): no server module outside
 * `server/src/db/` builds a query. A query written next to a route or a policy escapes the
 * repositories' review for atomic counters, transactions and precompiled hot paths, so this walks
 * every non-test source file of the server and names each one that still calls the query builder.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SERVER_SRC = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Files that may still build queries, relative to `server/src`: none. An entry added for a
 * transition must go once its file is clean (the second test fails for an entry without a query).
 */
const ALLOWED = new Set<string>([]);

/** The query builder's entry points, and raw SQL (`sql\`…\`` and the typed `sql<T>\`…\``). */
const QUERY_PATTERNS: readonly { name: string; pattern: RegExp }[] = [
  { name: '.selectFrom(', pattern: /\.selectFrom\(/ },
  { name: '.selectNoFrom(', pattern: /\.selectNoFrom\(/ },
  { name: '.insertInto(', pattern: /\.insertInto\(/ },
  { name: '.replaceInto(', pattern: /\.replaceInto\(/ },
  { name: '.updateTable(', pattern: /\.updateTable\(/ },
  { name: '.deleteFrom(', pattern: /\.deleteFrom\(/ },
  { name: '.mergeInto(', pattern: /\.mergeInto\(/ },
  { name: '.with(', pattern: /\.with\(/ },
  { name: 'sql`', pattern: /\bsql(<[^`]*>)?`/ },
];

/** `path:line: pattern` for each line of `source` that builds a query. */
function queriesIn(path: string, source: string): string[] {
  const found: string[] = [];
  source.split('\n').forEach((line, index) => {
    for (const { name, pattern } of QUERY_PATTERNS) if (pattern.test(line)) found.push(`${path}:${index + 1}: ${name}`);
  });
  return found;
}

/** Every server source file that must not build queries, as `server/src`-relative posix paths. */
function sourceFiles(): string[] {
  return readdirSync(SERVER_SRC, { recursive: true, encoding: 'utf8' })
    .map((path) => path.split(sep).join('/'))
    .filter((path) => path.endsWith('.ts') && !path.endsWith('.test.ts') && !path.endsWith('.d.ts'))
    .filter((path) => !path.startsWith('db/') && !path.startsWith('test-support/'));
}

function read(path: string): string {
  return readFileSync(join(SERVER_SRC, path), 'utf8');
}

describe('queries live in repositories', () => {
  it('recognises every query form it looks for (and not their look-alikes)', () => {
    const source = [
      "db.selectFrom('users')",
      'db.selectNoFrom((eb) => eb.val(1))',
      "trx\n  .insertInto('users')",
      "db.replaceInto('users')",
      "db.updateTable('users')",
      "db.deleteFrom('users')",
      "db.mergeInto('users')",
      "db.with('recent', (qb) => qb)",
      'sql`select 1`',
      'sql<number>`count(*)`',
      // Not queries: plain words and other template tags.
      'selectFrom is documented in db/', // no leading dot
      'html`<p>${withSql}</p>`',
      'nosql`x`',
    ].join('\n');
    expect(queriesIn('sample.ts', source).map((hit) => hit.split(': ')[1])).toEqual([
      '.selectFrom(',
      '.selectNoFrom(',
      '.insertInto(',
      '.replaceInto(',
      '.updateTable(',
      '.deleteFrom(',
      '.mergeInto(',
      '.with(',
      'sql`',
      'sql`',
    ]);
  });

  it('walks the whole server source, outside db/ and test-support/', () => {
    const files = sourceFiles();
    // Modules that used to build queries themselves: still walked.
    for (const path of ['security/lockout/lockout.ts', 'auth/mfa/webauthn.ts', 'account/account-deletion.ts'])
      expect(files).toContain(path);
    expect(files.some((path) => path.startsWith('db/') || path.startsWith('test-support/'))).toBe(false);
    expect(files.some((path) => path.endsWith('.test.ts'))).toBe(false);
  });

  it('finds no query builder call outside server/src/db/', () => {
    const offenders = sourceFiles()
      .filter((path) => !ALLOWED.has(path))
      .flatMap((path) => queriesIn(path, read(path)));
    expect(offenders, `move these queries into server/src/db/repositories/:\n${offenders.join('\n')}`).toEqual([]);
  });

  it('allows only files that still build queries (drop an entry once its file is clean)', () => {
    const clean = [...ALLOWED].filter((path) => queriesIn(path, read(path)).length === 0);
    expect(clean, `remove from ALLOWED in server/src/${relative(SERVER_SRC, fileURLToPath(import.meta.url))}`).toEqual(
      [],
    );
  });
});
