/**
 * Load shedding of password work. zxcvbn takes up to 0.7 s for a 64-character password chosen to
 * be slow, so a burst of such sign-ups could queue everyone's sign-ups, resets and changes for
 * minutes; a request whose estimate would wait longer than `strengthMaxWaitMs` behind the others
 * is refused at once with `429 rate_limited` and `Retry-After`, and nothing of it is stored. The
 * same holds for argon2id (`hashMaxWaitMs`), and a sign-in refused for load spends no lockout
 * attempt.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordHasher } from '../security/password-hashing.js';
import { builtCoreUrl } from '../security/strength-estimator.js';
import { DIALECTS } from '../test-support/dialects.js';
import { createVerifiedUser, startTestServer, type TestServer } from '../test-support/test-server.js';

const coreUrl = builtCoreUrl();
const coreBuilt = coreUrl !== undefined && existsSync(fileURLToPath(coreUrl));
if (!coreBuilt)
  console.log('strength load-shedding test skipped: @foyer/core is not built, so estimates run inline, unqueued');

const WORDS = ['quartz', 'lantern', 'meadow', 'harbor', 'velvet', 'orbit', 'tangerine', 'fjord', 'walrus', 'cobalt'];
/** A distinct 64-character passphrase: strong, and slow to estimate. */
const passphrase = (seed: number) => {
  const words: string[] = [];
  for (let index = 0; words.join(' ').length < 64; index += 1)
    words.push(WORDS[(seed * 7 + index * 3) % WORDS.length]!);
  return `${words.join(' ')} ${seed}`.slice(0, 64);
};

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.available || !coreBuilt)(`strength check load shedding [${dialect.name}]`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer(dialect, {
        // Any estimate with another one ahead of it waits too long.
        passwordPolicy: { strengthMaxWaitMs: 1, breach: false },
        // One test IP sends the burst: keep the risk score from asking for a CAPTCHA.
        risk: { threshold: 1_000_000 },
      });
    });
    afterAll(async () => {
      await server?.close();
    });

    const signUp = (email: string, password: string) => server.request('/auth/sign-up', { json: { email, password } });
    const storedEmails = async (emails: string[]) =>
      (await server.foyer.db.selectFrom('users').select('email').where('email', 'in', emails).execute()).map(
        (row) => row.email,
      );

    it('refuses with 429 and Retry-After what would wait, stores nothing of it, and recovers', async () => {
      // Measures the task time (a cold pool refuses nothing).
      expect((await signUp('warm@example.com', passphrase(0))).status).toBe(201);

      const emails = [1, 2, 3, 4, 5, 6].map((n) => `burst${n}@example.com`);
      const responses = await Promise.all(emails.map((email, index) => signUp(email, passphrase(index + 1))));
      const accepted = emails.filter((_email, index) => responses[index]!.status === 201);
      const refused = responses.filter((response) => response.status === 429);
      expect(accepted.length).toBeGreaterThanOrEqual(1);
      expect(refused.length).toBeGreaterThanOrEqual(1);
      expect(accepted.length + refused.length).toBe(emails.length);
      for (const response of refused) {
        expect(response.body.error.code).toBe('rate_limited');
        expect(response.body.error.details).toEqual({ reason: 'server_busy' });
        expect(response.body.error.message).toMatch(/busy checking passwords/);
        expect(response.body.error.retryAfter).toBeGreaterThanOrEqual(1);
        expect(response.headers.get('retry-after')).toBe(String(response.body.error.retryAfter));
      }
      // No half-written record: exactly the accepted sign-ups exist.
      expect((await storedEmails(emails)).sort()).toEqual(accepted.sort());

      // Once the queue has drained, sign-ups go through again.
      expect((await signUp('after@example.com', passphrase(9))).status).toBe(201);
      expect(await storedEmails(['after@example.com'])).toEqual(['after@example.com']);
    });
  });

  describe.skipIf(!dialect.available)(`argon2id load shedding at sign-in [${dialect.name}]`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer(dialect, {
        // Any hash with another one ahead of it waits too long (the server's start hashed once,
        // so the pool knows its task time).
        passwordPolicy: { hashMaxWaitMs: 1, breach: false },
        risk: { threshold: 1_000_000 },
        // Out of reach of the burst: the test counts failures, it does not want a CAPTCHA.
        lockout: { captchaAfter: 100, lockAfter: 200 },
      });
    });
    afterAll(async () => {
      await server?.close();
    });

    it('refuses with 429 while hashes queue, and a refused sign-in or step-up is not counted as a failed one', async () => {
      const email = 'shed@example.com';
      expect((await server.request('/auth/sign-up', { json: { email, password: passphrase(3) } })).status).toBe(201);
      /** Failures on the lockout counters of sign-in (per identity) or of step-up (`mfa:<user id>`). */
      const failures = async (counter: 'sign-in' | 'mfa' = 'sign-in') =>
        (
          await server.foyer.db
            .selectFrom('sign_in_counters')
            .select('consecutive_failures')
            .where('kind', '=', 'identity')
            .where('key', counter === 'mfa' ? 'like' : 'not like', 'mfa:%')
            .execute()
        ).map((row) => Number(row.consecutive_failures));

      // A backlog in the server's own hasher (this process), as a burst of sign-ins elsewhere would leave.
      const backlog = Array.from({ length: 24 }, (_unused, n) => passwordHasher().hash(`backlog ${n}`));
      expect(passwordHasher().estimatedWaitMs).toBeGreaterThan(1);
      const refused = await Promise.all(
        [1, 2, 3].map((n) => server.request('/auth/sign-in', { json: { email, password: `wrong ${n}` } })),
      );
      for (const response of refused) {
        expect(response.status).toBe(429);
        expect(response.body.error.code).toBe('rate_limited');
        expect(response.body.error.details).toEqual({ reason: 'server_busy' });
        expect(response.body.error.retryAfter).toBeGreaterThanOrEqual(1);
        expect(response.headers.get('retry-after')).toBe(String(response.body.error.retryAfter));
      }
      expect(await failures()).toEqual([]); // no attempt reserved

      // Once the backlog is done, a wrong password is answered and counted, once.
      await Promise.all(backlog);
      const answered = await server.request('/auth/sign-in', { json: { email, password: 'wrong again' } });
      expect(answered.status).toBe(401);
      expect(await failures()).toEqual([1]);

      // A step-up with the password is refused the same way, before its own attempt counter.
      const session = await createVerifiedUser(server, 'step-up@example.com');
      const stepUpBacklog = Array.from({ length: 24 }, (_unused, n) => passwordHasher().hash(`step-up ${n}`));
      const stepUp = await server.request('/auth/step-up', {
        json: { factor: 'password', password: 'not the password' },
        session,
      });
      expect(stepUp.status).toBe(429);
      expect(stepUp.body.error.details).toEqual({ reason: 'server_busy' });
      expect(await failures('mfa')).toEqual([]);
      await Promise.all(stepUpBacklog);
      const wrongStepUp = await server.request('/auth/step-up', {
        json: { factor: 'password', password: 'not the password' },
        session,
      });
      expect(wrongStepUp.status).toBe(401);
      expect(await failures('mfa')).toEqual([1]);
    });
  });
}
