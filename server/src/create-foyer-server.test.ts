/**
 * `createFoyerServer()` as a library: mountable without a socket (`app.request()`), keeps its
 * generated secret across restarts, and turns unexpected failures into `500 internal_error` in the
 * error shape, never a stack trace.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFoyerServer } from './create-foyer-server.js';
import { getSetting } from './db/repositories/settings.js';
import { GOOD_PASSWORD } from './test-support/test-server.js';

const dir = mkdtempSync(join(tmpdir(), 'foyer-lib-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const json = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

describe('createFoyerServer()', () => {
  it('works through app.request() without a socket (no IP prefix then)', async () => {
    const foyer = await createFoyerServer({ db: ':memory:', publicUrl: 'http://localhost', logger: false });
    try {
      expect(
        (await foyer.app.request('/auth/sign-up', json({ email: 'lib@example.com', password: GOOD_PASSWORD }))).status,
      ).toBe(201);
      await foyer.flushMail();
      const [latest] = (await (await foyer.app.request('/dev/outbox.json')).json()) as { text: string }[];
      const code = /code is (\d{6})/.exec(latest?.text ?? '')?.[1];
      expect(code).toMatch(/^\d{6}$/);
      const verify = await foyer.app.request('/auth/verify-email', json({ email: 'lib@example.com', code }));
      expect(verify.status).toBe(200);
      const session = await foyer.db.selectFrom('sessions').selectAll().executeTakeFirstOrThrow();
      expect(session.ip_prefix).toBeNull();
    } finally {
      await foyer.close();
    }
  });

  it('generates the code secret once and keeps it across restarts', async () => {
    const url = `sqlite:${join(dir, 'secret.db')}`;
    const first = await createFoyerServer({ db: url, publicUrl: 'http://localhost', logger: false });
    const secret = await getSetting(first.db, 'code_hmac_secret');
    await first.close();
    const second = await createFoyerServer({ db: url, publicUrl: 'http://localhost', logger: false });
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await getSetting(second.db, 'code_hmac_secret')).toBe(secret);
    await second.close();
  });

  it('answers 500 internal_error in the error shape when something unexpected fails', async () => {
    const foyer = await createFoyerServer({ db: ':memory:', publicUrl: 'http://localhost', logger: false });
    await foyer.db.schema.dropTable('sessions').execute();
    await foyer.db.schema.dropTable('one_time_codes').execute();
    await foyer.db.schema.dropTable('users').execute();
    const response = await foyer.app.request(
      '/auth/sign-in',
      json({ email: 'x@example.com', password: GOOD_PASSWORD }),
    );
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: { code: 'internal_error', message: expect.any(String) } });
    await foyer.close();
  });
});
