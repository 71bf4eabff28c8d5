/**
 * Load shedding of the strength check: zxcvbn takes up to 0.7 s for a 64-character password chosen
 * to be slow, so a burst of such sign-ups could queue everyone's sign-ups, resets and changes for
 * minutes. A request whose estimate would wait longer than `strengthMaxWaitMs` behind the others is
 * refused at once with `429 rate_limited` and `Retry-After`, and nothing of it is stored.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtCoreUrl } from '../security/strength-estimator.js';
import { DIALECTS } from '../test-support/dialects.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

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
}
