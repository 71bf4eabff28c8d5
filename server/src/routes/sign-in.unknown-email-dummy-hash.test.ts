/**
 * OWASP ASVS 4.0.3 V2.2.x / V3 and the OWASP Authentication Cheat Sheet ("return a generic error
 * … the response time should be the same"): a sign-in for an unknown email costs the same work as
 * one for a known email with a wrong password. Counted, not timed: each does exactly one argon2id
 * verification, the unknown one against a dummy hash with the same algorithm and parameters as a
 * real user's hash, and both answer the same `401 invalid_credentials`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUserByEmail } from '../db/repositories/users.js';
import { verifyPassword } from '../security/password-hashing.js';
import { DIALECTS } from '../test-support/dialects.js';
import { createVerifiedUser, startTestServer, type TestServer } from '../test-support/test-server.js';

/** `$argon2id$v=19$m=19456,t=2,p=1$salt$hash` → `['argon2id', 'v=19', 'm=19456,t=2,p=1']`. */
const parametersOf = (phc: string) => phc.split('$').slice(1, 4);

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.available)(`sign-in: an unknown email verifies a dummy hash [${dialect.name}]`, () => {
    let server: TestServer;
    const calls: { passwordHash: string; password: string }[] = [];
    beforeAll(async () => {
      server = await startTestServer(dialect, {
        risk: { threshold: Number.MAX_SAFE_INTEGER },
        rateLimits: { 'sign-in': false },
        // The real verifier, counted.
        verifyPassword: async (passwordHash, password) => {
          calls.push({ passwordHash, password });
          return verifyPassword(passwordHash, password);
        },
      });
    });
    afterAll(async () => {
      await server?.close();
    });

    const signIn = async (email: string, password: string) => {
      calls.length = 0;
      const response = await server.request('/auth/sign-in', { json: { email, password } });
      return { response, calls: [...calls] };
    };

    it('known email, wrong password: one verification, against the user’s hash', async () => {
      const email = 'known@example.com';
      await createVerifiedUser(server, email);
      const user = await findUserByEmail(server.foyer.db, email);
      const { response, calls: made } = await signIn(email, 'not the password at all');
      expect([response.status, response.body.error.code]).toEqual([401, 'invalid_credentials']);
      expect(made).toEqual([{ passwordHash: user!.password_hash, password: 'not the password at all' }]);
    });

    it('unknown email: the same one verification, against an argon2id hash with the same parameters', async () => {
      await createVerifiedUser(server, 'twin@example.com');
      const known = await findUserByEmail(server.foyer.db, 'twin@example.com');
      for (let failure = 1; failure <= 2; failure++) {
        const wrongPassword = await signIn('twin@example.com', 'another wrong password');
        const unknown = await signIn('nobody@example.com', 'another wrong password');

        expect(unknown.calls, `failure ${failure}`).toHaveLength(1);
        const [dummy] = unknown.calls;
        expect(dummy!.password).toBe('another wrong password');
        expect(dummy!.passwordHash).not.toBe(known!.password_hash);
        expect(parametersOf(dummy!.passwordHash)).toEqual(['argon2id', 'v=19', 'm=19456,t=2,p=1']);
        expect(parametersOf(dummy!.passwordHash)).toEqual(parametersOf(known!.password_hash));
        // A well-formed hash, which the verifier really computes (a malformed one fails at once).
        expect(dummy!.passwordHash).toMatch(
          /^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/,
        );

        // The same answer either way, attempts left included.
        expect(wrongPassword.calls).toHaveLength(1);
        expect(unknown.response.status).toBe(401);
        expect(unknown.response.body).toEqual(wrongPassword.response.body);
      }
    });

    it('several unknown emails: one verification each', async () => {
      for (const email of ['ghost1@example.com', 'ghost2@example.com', 'ghost3@example.com']) {
        const { response, calls: made } = await signIn(email, 'whatever password 1');
        expect([response.status, response.body.error.code]).toEqual([401, 'invalid_credentials']);
        expect(made).toHaveLength(1);
      }
    });
  });
}
