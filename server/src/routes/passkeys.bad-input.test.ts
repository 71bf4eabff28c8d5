/**
 * OWASP ASVS 4.0.3 V2.7/V2.8 and ARCHITECTURE §4 "a 500 is a bug": malformed, oversize, replayed
 * or foreign WebAuthn answers are refused with a 4xx (`invalid_input` for the wrong shape,
 * `invalid_code` for a well-formed answer that does not verify), never a 500. The real ceremony
 * is covered in Chromium by e2e/passkey.e2e.test.mjs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../test-support/dialects.js';
import { stepUpWithPassword } from '../test-support/mfa.js';
import { createVerifiedUser, startTestServer, type TestServer } from '../test-support/test-server.js';

const b64 = (value: unknown) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.available)(`passkeys: bad input → 4xx [${dialect.name}]`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer(dialect, {
        rateLimits: { 'mfa-verify': false, 'mfa-setup': false, 'passkey-options': false },
      });
    });
    afterAll(async () => {
      await server?.close();
    });

    it('authentication options are discoverable without a user, and list nothing for an unknown email (no enumeration)', async () => {
      const anyone = await server.request('/auth/passkeys/authenticate/options', { json: {} });
      expect(anyone.status).toBe(200);
      expect(anyone.body.challenge).toMatch(/^[A-Za-z0-9_-]{20,}$/);
      expect(anyone.body.allowCredentials ?? []).toEqual([]);
      const unknown = await server.request('/auth/passkeys/authenticate/options', {
        json: { email: 'nobody@example.com' },
      });
      expect(unknown.body.allowCredentials ?? []).toEqual([]);
    });

    it('malformed and oversize assertions → 400 with the code (and field) each deserves, never 500', async () => {
      const { body: options } = await server.request('/auth/passkeys/authenticate/options', { json: {} });
      const clientData = b64({ type: 'webauthn.get', challenge: options.challenge, origin: server.url });
      // Each with the answer it must get: a shape error names its field; an unreadable or unknown
      // credential is `invalid_code`.
      const cases: [unknown, string, string?][] = [
        [{}, 'invalid_input', 'response'],
        [{ response: null }, 'invalid_input', 'response'],
        [{ response: { id: 'x', rawId: 'x', type: 'public-key' } }, 'invalid_input', 'response.response'],
        [
          { response: { id: 'x', rawId: 'x', type: 'public-key', response: { clientDataJSON: 'not base64 json' } } },
          'invalid_code',
        ],
        [
          { response: { id: 'x', rawId: 'x', type: 'public-key', response: { clientDataJSON: b64('[1,2') } } },
          'invalid_code',
        ],
        [
          {
            response: {
              id: 'unknown-credential',
              rawId: 'unknown-credential',
              type: 'public-key',
              response: { clientDataJSON: clientData, authenticatorData: 'AA', signature: 'AA' },
            },
          },
          'invalid_code',
        ],
        [
          {
            response: {
              id: 'x'.repeat(5000),
              rawId: 'x',
              type: 'public-key',
              response: { clientDataJSON: clientData },
            },
          },
          'invalid_input',
          'response.id',
        ],
      ];
      for (const [json, code, field] of cases) {
        const answer = await server.request('/auth/passkeys/authenticate/verify', { json });
        const label = JSON.stringify(json).slice(0, 80);
        expect([answer.status, answer.body.error.code], label).toEqual([400, code]);
        expect(Object.keys(answer.body.error.fields ?? {}), label).toEqual(field ? [field] : []);
      }
      const huge = await server.request('/auth/passkeys/authenticate/verify', {
        json: {
          response: { id: 'a', rawId: 'a', type: 'public-key', response: { clientDataJSON: 'A'.repeat(200_000) } },
        },
      });
      expect(huge.status).toBe(400);
    });

    it('registration: a response to no challenge of this user, or garbage attestation → 400 invalid_code', async () => {
      const session = await createVerifiedUser(server, 'reg@example.com');
      const other = await createVerifiedUser(server, 'reg-other@example.com');
      // Registering a passkey is a step-up action.
      expect(
        (await server.request('/auth/passkeys/register/options', { method: 'POST', session })).body.error.code,
      ).toBe('step_up_required');
      await stepUpWithPassword(server, session);
      await stepUpWithPassword(server, other);
      const { body: options } = await server.request('/auth/passkeys/register/options', {
        method: 'POST',
        session: other,
      });
      expect(options.rp.id).toBe('127.0.0.1');
      expect(options.authenticatorSelection.residentKey).toBe('required');
      const clientData = b64({ type: 'webauthn.create', challenge: options.challenge, origin: server.url });
      const forged = {
        id: 'abc',
        rawId: 'abc',
        type: 'public-key',
        response: { clientDataJSON: clientData, attestationObject: 'AAAA' },
      };
      // Another user's challenge is refused…
      const foreign = await server.request('/auth/passkeys/register/verify', { json: { response: forged }, session });
      expect([foreign.status, foreign.body.error.code]).toEqual([400, 'invalid_code']);
      // …and the owner's own, with a garbage attestation, too (and it is spent: single use).
      const { body: mine } = await server.request('/auth/passkeys/register/options', { method: 'POST', session });
      const ownData = b64({ type: 'webauthn.create', challenge: mine.challenge, origin: server.url });
      const garbage = await server.request('/auth/passkeys/register/verify', {
        json: { response: { ...forged, response: { clientDataJSON: ownData, attestationObject: 'AAAA' } } },
        session,
      });
      expect([garbage.status, garbage.body.error.code]).toEqual([400, 'invalid_code']);
      const replay = await server.request('/auth/passkeys/register/verify', {
        json: { response: { ...forged, response: { clientDataJSON: ownData, attestationObject: 'AAAA' } } },
        session,
      });
      expect([replay.status, replay.body.error.code]).toEqual([400, 'invalid_code']);
      expect((await server.request('/auth/passkeys/register/options', { method: 'POST' })).status).toBe(401);
    });
  });
}
