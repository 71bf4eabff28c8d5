/**
 * NIST SP 800-63B §5.2.2 and ARCHITECTURE §4 ("every counter is an atomic UPDATE so that several
 * server instances agree"): two server processes sharing one PostgreSQL, 25 parallel guesses each
 * against one account: at most 5 password checks in total.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createVerifiedUser, startTestServer, type TestServer } from '../../test-support/test-server.js';
import { DIALECTS } from '../../test-support/dialects.js';
import { solveAltcha } from '../../test-support/sign-in-security.js';

const postgres = DIALECTS.find((dialect) => dialect.name === 'postgres')!;
const script = fileURLToPath(new URL('../../test-support/foyer-process.ts', import.meta.url));
const tsx = fileURLToPath(new URL('../../../../node_modules/.bin/tsx', import.meta.url));

function startProcess(db: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, ['--conditions=foyer-source', script], {
      env: { ...process.env, FOYER_DB: db },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const port = /PORT=(\d+)/.exec(output)?.[1];
      if (port) resolve({ child, url: `http://127.0.0.1:${port}` });
    });
    child.on('exit', (code) => reject(new Error(`foyer process exited (${code})`)));
  });
}

describe.skipIf(!postgres.available)('lockout across two processes sharing PostgreSQL', () => {
  const children: ChildProcess[] = [];
  let seed: TestServer | undefined;
  afterAll(async () => {
    await Promise.all(
      children.map(
        (child) =>
          new Promise((resolve) => {
            child.once('exit', resolve);
            child.kill('SIGTERM');
          }),
      ),
    );
    await seed?.close();
  });

  it('25 guesses to each process, at most 5 password checks in total', async () => {
    // A test server creates the database and the verified user; the two processes share it.
    seed = await startTestServer(postgres, { secret: 'multi-instance-test-secret' });
    const email = 'shared@example.com';
    await createVerifiedUser(seed, email);
    const database = await seed.foyer.db
      .selectNoFrom((eb) => eb.fn<string>('current_database', []).as('name'))
      .executeTakeFirstOrThrow();
    const url = new URL(process.env.PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
    url.pathname = `/${database.name}`;

    const [a, b] = await Promise.all([startProcess(url.href), startProcess(url.href)]);
    children.push(a.child, b.child);
    const guesses = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const target = i % 2 ? a.url : b.url;
        const captcha = await solveAltcha({ url: target });
        const response = await fetch(`${target}/auth/sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password: `wrong ${i}`, captcha }),
        });
        return response.status;
      }),
    );
    const counts = await Promise.all(
      [a.url, b.url].map(
        async (target) => ((await (await fetch(`${target}/__test/verifies`)).json()) as { verifies: number }).verifies,
      ),
    );
    expect(counts[0]! + counts[1]!).toBeLessThanOrEqual(5);
    expect(counts[0]! + counts[1]!).toBeGreaterThanOrEqual(1);
    expect(guesses.filter((status) => status === 423 || status === 428).length).toBeGreaterThanOrEqual(45);
    expect(guesses).toContain(423);
  }, 60_000);
});
