/**
 * NIST SP 800-63B §4.2.3 / OWASP ASVS 4.0.3 V3.7.1: sensitive actions (change password, remove
 * a factor, payout destination, change email) need a fresh re-authentication: a second factor
 * within 5 minutes, or the password for users without MFA. Without it: `403 step_up_required`
 * with the methods; the payout needs MFA on (`403 mfa_required`). Another user's factor id → 404.
 * Each change notifies the user by email.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../test-support/dialects.js';
import { enrolTotp, totpCode } from '../test-support/mfa.js';
import {
  createVerifiedUser,
  GOOD_PASSWORD,
  sessionTokenOf,
  startTestServer,
  type TestServer,
} from '../test-support/test-server.js';

const IBAN = 'DE89370400440532013000';

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.available)(`step-up for sensitive actions [${dialect.name}]`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer(dialect, {
        rateLimits: { 'mfa-verify': false, 'mfa-setup': false, 'resend-verification': false },
      });
    });
    afterAll(async () => {
      await server?.close();
    });

    const now = () => server.clock.now().getTime();
    const stepUp = (session: string, json: unknown) => server.request('/auth/step-up', { json, session });
    const payout = (session: string, json: unknown = { accountHolder: 'Ada Lovelace', iban: IBAN }) =>
      server.request('/account/payout', { method: 'PUT', json, session });

    /** A user with TOTP whose session is NOT freshly stepped up (the clock moved past the window). */
    async function mfaUser(email: string) {
      const session = await createVerifiedUser(server, email);
      const enrolled = await enrolTotp(server, session);
      server.clock.advance(6 * 60_000);
      return { session, ...enrolled };
    }

    it('payout without MFA → 403 mfa_required; with MFA but stale → 403 step_up_required {methods}; after a TOTP step-up → 200, masked, notified', async () => {
      const plain = await createVerifiedUser(server, 'nomfa@example.com');
      const refused = await payout(plain);
      expect([refused.status, refused.body.error.code]).toEqual([403, 'mfa_required']);

      const { session, secret } = await mfaUser('payout@example.com');
      const stale = await payout(session);
      expect([stale.status, stale.body.error.code]).toEqual([403, 'step_up_required']);
      expect(stale.body.error.details.methods).toEqual(['totp', 'recovery_code']);
      const password = await stepUp(session, { factor: 'password', password: GOOD_PASSWORD });
      expect([password.status, password.body.error.code]).toEqual([400, 'invalid_input']);
      const up = await stepUp(session, { factor: 'totp', code: totpCode(secret, now()) });
      expect(up.status).toBe(200);
      expect(Date.parse(up.body.stepUpUntil) - now()).toBe(5 * 60_000);
      const saved = await payout(session);
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({ accountHolder: 'Ada Lovelace', ibanLast4: '3000' });
      expect(saved.text).not.toContain(IBAN);
      const bad = await payout(session, { accountHolder: 'Ada', iban: 'DE89370400440532013001' });
      expect([bad.status, bad.body.error.code]).toEqual([400, 'invalid_input']);
      expect((await server.mails('payout@example.com')).some((mail) => /ending in 3000/.test(mail.text))).toBe(true);
      // The step-up expires: 5 minutes later it is needed again (injectable clock).
      server.clock.advance(5 * 60_000 + 1000);
      expect((await payout(session)).body.error.code).toBe('step_up_required');
    });

    it('change password needs step-up: without MFA the password re-entered counts; wrong password → 401', async () => {
      const session = await createVerifiedUser(server, 'pw@example.com');
      server.clock.advance(6 * 60_000);
      const change = () =>
        server.request('/auth/password/change', {
          json: { currentPassword: GOOD_PASSWORD, newPassword: 'violet tugboat marmalade drifts' },
          session,
        });
      const stale = await change();
      expect([stale.status, stale.body.error.code]).toEqual([403, 'step_up_required']);
      expect(stale.body.error.details.methods).toEqual(['password']);
      const totp = await stepUp(session, { factor: 'totp', code: '123456' });
      expect([totp.status, totp.body.error.code]).toEqual([400, 'invalid_input']);
      const wrong = await stepUp(session, { factor: 'password', password: 'not the password' });
      expect([wrong.status, wrong.body.error.code]).toEqual([401, 'invalid_credentials']);
      expect((await stepUp(session, { factor: 'password', password: GOOD_PASSWORD })).status).toBe(200);
      expect((await change()).status).toBe(204);
    });

    it('without MFA, a password sign-in is itself a fresh step-up (e.g. changing a breached password right after)', async () => {
      await createVerifiedUser(server, 'typed@example.com');
      const session = sessionTokenOf(
        await server.request('/auth/sign-in', { json: { email: 'typed@example.com', password: GOOD_PASSWORD } }),
      ) as string;
      const change = await server.request('/auth/password/change', {
        json: { currentPassword: GOOD_PASSWORD, newPassword: 'violet tugboat marmalade drifts' },
        session,
      });
      expect(change.status).toBe(204);
    });

    it('step-up and sensitive routes need a session', async () => {
      expect(
        (await server.request('/auth/step-up', { json: { factor: 'password', password: GOOD_PASSWORD } })).status,
      ).toBe(401);
      expect(
        (await server.request('/account/payout', { method: 'PUT', json: { accountHolder: 'A', iban: IBAN } })).status,
      ).toBe(401);
      expect((await server.request('/auth/mfa/factors/x', { method: 'DELETE' })).status).toBe(401);
    });

    it('a sign-in completed with a second factor counts as a fresh step-up', async () => {
      const email = 'fresh@example.com';
      const { secret } = await mfaUser(email);
      const first = await server.request('/auth/sign-in', { json: { email, password: GOOD_PASSWORD } });
      const pending = /foyer_mfa=([^;]*)/.exec(first.setCookies.join('\n'))?.[1];
      const done = await server.request('/auth/mfa/verify', {
        json: { factor: 'totp', code: totpCode(secret, now()) },
        headers: { cookie: `foyer_mfa=${pending}` },
      });
      expect((await payout(sessionTokenOf(done) as string)).status).toBe(200);
    });

    it('remove a factor: step-up required; another user’s factor id → 404; removing the last factor turns MFA off', async () => {
      const alice = await mfaUser('alice@example.com');
      const bob = await mfaUser('bob@example.com');
      const bobFactors = (await server.request('/auth/mfa', { session: bob.session })).body.factors;
      const aliceFactors = (await server.request('/auth/mfa', { session: alice.session })).body.factors;
      const stale = await server.request(`/auth/mfa/factors/${aliceFactors[0].id}`, {
        method: 'DELETE',
        session: alice.session,
      });
      expect([stale.status, stale.body.error.code]).toEqual([403, 'step_up_required']);
      expect((await stepUp(alice.session, { factor: 'recovery_code', code: alice.recoveryCodes[0] })).status).toBe(200);
      const foreign = await server.request(`/auth/mfa/factors/${bobFactors[0].id}`, {
        method: 'DELETE',
        session: alice.session,
      });
      expect([foreign.status, foreign.body.error.code]).toEqual([404, 'not_found']);
      expect((await server.request('/auth/mfa', { session: bob.session })).body.factors).toHaveLength(2);
      const unknown = await server.request('/auth/mfa/factors/nope', { method: 'DELETE', session: alice.session });
      expect(unknown.status).toBe(404);
      const removed = await server.request(`/auth/mfa/factors/${aliceFactors[0].id}`, {
        method: 'DELETE',
        session: alice.session,
      });
      expect(removed.status).toBe(204);
      expect((await server.request('/auth/mfa', { session: alice.session })).body.factors).toEqual([]);
      // MFA off: password sign-in gives a session again.
      const signIn = await server.request('/auth/sign-in', {
        json: { email: 'alice@example.com', password: GOOD_PASSWORD },
      });
      expect(signIn.body.user.email).toBe('alice@example.com');
      expect((await server.mails('alice@example.com')).some((mail) => /was removed/.test(mail.text))).toBe(true);
    });

    it('change email: step-up, code to the new address, switch on confirm, both addresses told', async () => {
      const session = await createVerifiedUser(server, 'old@example.com');
      server.clock.advance(6 * 60_000);
      const stale = await server.request('/account/email', { json: { newEmail: 'new@example.com' }, session });
      expect(stale.body.error.code).toBe('step_up_required');
      await stepUp(session, { factor: 'password', password: GOOD_PASSWORD });
      expect((await server.request('/account/email', { json: { newEmail: 'New@Example.com' }, session })).status).toBe(
        202,
      );
      const mail = (await server.mails('new@example.com')).find((entry) =>
        /confirms your new email/.test(entry.subject),
      );
      const code = /code is (\d{6})/.exec(mail?.text ?? '')?.[1] as string;
      const wrong = await server.request('/account/email/confirm', {
        json: { code: String((Number(code) + 1) % 1e6).padStart(6, '0') },
        session,
      });
      expect(wrong.status).toBe(400);
      const confirmed = await server.request('/account/email/confirm', { json: { code }, session });
      expect(confirmed.status).toBe(200);
      expect(confirmed.body.user).toMatchObject({ email: 'new@example.com', emailVerified: true });
      expect(
        (await server.request('/auth/sign-in', { json: { email: 'new@example.com', password: GOOD_PASSWORD } })).status,
      ).toBe(200);
      expect(
        (await server.mails('old@example.com')).some((entry) => /changed to new@example.com/.test(entry.text)),
      ).toBe(true);
      // A taken address: same 202, no code sent.
      await createVerifiedUser(server, 'taken@example.com');
      await stepUp(session, { factor: 'password', password: GOOD_PASSWORD });
      expect(
        (await server.request('/account/email', { json: { newEmail: 'taken@example.com' }, session })).status,
      ).toBe(202);
      expect(
        (await server.mails('taken@example.com')).some((entry) => /confirms your new email/.test(entry.subject)),
      ).toBe(false);
    });
  });
}
