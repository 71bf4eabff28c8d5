/**
 * NIST SP 800-63B §5.1.4.2 / RFC 6238 §5.2 and OWASP ASVS 4.0.3 V2.8: TOTP is set up with a
 * secret + `otpauth://` URI + QR, confirmed with a code (then 10 single-use recovery codes, hashed
 * at rest); codes are accepted ±1 step and never twice; a user with MFA who proves a password gets
 * `{ mfaRequired }` and a 5-minute pending cookie, not a session; the second factor completes it;
 * wrong codes are limited (5 → the pending sign-in dies and the MFA counter locks).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../test-support/dialects.js';
import { enrolTotp, pendingTokenOf, stepUpWithPassword, totpCode, verifyMfa } from '../test-support/mfa.js';
import {
  createVerifiedUser,
  GOOD_PASSWORD,
  sessionTokenOf,
  startTestServer,
  type TestServer,
} from '../test-support/test-server.js';

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.available)(`MFA: TOTP, recovery codes, sign-in step [${dialect.name}]`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer(dialect, { rateLimits: { 'mfa-verify': false, 'mfa-setup': false } });
    });
    afterAll(async () => {
      await server?.close();
    });

    const now = () => server.clock.now().getTime();
    const signIn = (email: string) => server.request('/auth/sign-in', { json: { email, password: GOOD_PASSWORD } });

    it('setup answers a secret, an otpauth URI and an SVG QR; confirm needs the right code; recovery codes are 10 and hashed at rest', async () => {
      const session = await createVerifiedUser(server, 'setup@example.com');
      // Adding a factor is a step-up action: a stolen session alone cannot enrol its own authenticator.
      const stale = await server.request('/auth/mfa/totp/setup', { method: 'POST', session });
      expect([stale.status, stale.body.error.code]).toEqual([403, 'step_up_required']);
      expect(stale.body.error.details.methods).toEqual(['password']);
      await stepUpWithPassword(server, session);
      const setup = await server.request('/auth/mfa/totp/setup', { method: 'POST', session });
      expect(setup.status).toBe(200);
      expect(setup.body.secret).toMatch(/^[A-Z2-7]{32}$/);
      expect(setup.body.uri).toMatch(
        /^otpauth:\/\/totp\/Foyer:setup%40example\.com\?issuer=Foyer&secret=[A-Z2-7]+&algorithm=SHA1&digits=6&period=30$/,
      );
      expect(setup.body.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
      // Not on until confirmed.
      expect((await server.request('/auth/mfa', { session })).body.factors).toEqual([]);
      const wrong = await server.request('/auth/mfa/totp/confirm', {
        json: { code: '000000' === totpCode(setup.body.secret, now()) ? '111111' : '000000' },
        session,
      });
      expect([wrong.status, wrong.body.error.code]).toEqual([400, 'invalid_code']);
      const confirm = await server.request('/auth/mfa/totp/confirm', {
        json: { code: totpCode(setup.body.secret, now()) },
        session,
      });
      expect(confirm.status).toBe(200);
      expect(confirm.body.recoveryCodes).toHaveLength(10);
      expect(new Set(confirm.body.recoveryCodes).size).toBe(10);
      for (const code of confirm.body.recoveryCodes) expect(code).toMatch(/^[a-z0-9]{5}-[a-z0-9]{5}$/);
      const stored = await server.foyer.db.selectFrom('recovery_codes').select('code_hash').execute();
      const hashes = stored.map((row) => row.code_hash).join(' ');
      for (const code of confirm.body.recoveryCodes) expect(hashes).not.toContain(code.replace('-', ''));
      const secretAtRest = await server.foyer.db
        .selectFrom('mfa_factors')
        .select('totp_secret')
        .executeTakeFirstOrThrow();
      expect(secretAtRest.totp_secret).not.toContain(setup.body.secret);
      const list = await server.request('/auth/mfa', { session });
      expect(list.body.factors.map((factor: { type: string }) => factor.type)).toEqual(['totp', 'recovery_codes']);
      expect(list.body.factors[1].remaining).toBe(10);
      expect((await server.mails('setup@example.com')).some((mail) => /security setting/.test(mail.subject))).toBe(
        true,
      );
    });

    it('password sign-in of a user with MFA: 200 {mfaRequired, factors} + pending cookie, no session; TOTP completes it', async () => {
      const email = 'flow@example.com';
      const { secret } = await enrolTotp(server, await createVerifiedUser(server, email));
      const first = await signIn(email);
      expect(first.status).toBe(200);
      expect(first.body).toEqual({ mfaRequired: true, factors: ['totp', 'recovery_code'] });
      expect(sessionTokenOf(first)).toBeUndefined();
      const pending = pendingTokenOf(first);
      expect(pending).toBeDefined();
      const cookie = first.setCookies.find((line) => line.startsWith('foyer_mfa='));
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
      expect(cookie).toMatch(/Max-Age=300/i);
      // Without the pending cookie there is nothing to complete.
      const orphan = await verifyMfa(server, undefined, { factor: 'totp', code: totpCode(secret, now()) });
      expect([orphan.status, orphan.body.error.code]).toEqual([401, 'mfa_pending_expired']);
      const done = await verifyMfa(server, pending, { factor: 'totp', code: totpCode(secret, now()) });
      expect(done.status).toBe(200);
      expect(done.body.user.email).toBe(email);
      const session = sessionTokenOf(done);
      expect((await server.request('/auth/session', { session })).status).toBe(200);
      // The pending sign-in is single use.
      server.clock.advance(30_000);
      const again = await verifyMfa(server, pending, { factor: 'totp', code: totpCode(secret, now()) });
      expect([again.status, again.body.error.code]).toEqual([401, 'mfa_pending_expired']);
    });

    it('GET /auth/session says a second factor is pending (so the widget offers it after a redirect), only with the pending cookie', async () => {
      const email = 'pending-session@example.com';
      const { secret } = await enrolTotp(server, await createVerifiedUser(server, email));
      const pending = pendingTokenOf(await signIn(email));
      const withCookie = (token: string) => ({ headers: { cookie: `foyer_mfa=${token}` } });
      const waiting = await server.request('/auth/session', withCookie(pending!));
      expect(waiting.status).toBe(401);
      expect(waiting.body).toEqual({
        error: {
          code: 'unauthenticated',
          message: expect.any(String),
          details: { mfaPending: true, factors: ['totp', 'recovery_code'] },
        },
      });
      expect((await server.request('/auth/session', withCookie('forged-token'))).body).toEqual({
        error: { code: 'unauthenticated', message: expect.any(String) },
      });
      expect((await verifyMfa(server, pending, { factor: 'totp', code: totpCode(secret, now()) })).status).toBe(200);
      // Spent: the pending cookie no longer announces anything.
      expect((await server.request('/auth/session', withCookie(pending!))).body.error.details).toBeUndefined();
    });

    it('TOTP: ±1 step accepted, ±2 refused, and a code is never accepted twice (replay → invalid_code)', async () => {
      const email = 'window@example.com';
      const { secret } = await enrolTotp(server, await createVerifiedUser(server, email));
      // The step before now was spent by the confirmation; start one step later.
      server.clock.advance(30_000);
      const attempt = async (atMs: number) =>
        verifyMfa(server, pendingTokenOf(await signIn(email)), { factor: 'totp', code: totpCode(secret, atMs) });
      expect((await attempt(now() - 60_000)).body.error.code).toBe('invalid_code');
      expect((await attempt(now() + 60_000)).body.error.code).toBe('invalid_code');
      expect((await attempt(now() - 30_000)).status).toBe(200);
      const code = totpCode(secret, now());
      expect((await verifyMfa(server, pendingTokenOf(await signIn(email)), { factor: 'totp', code })).status).toBe(200);
      const replay = await verifyMfa(server, pendingTokenOf(await signIn(email)), { factor: 'totp', code });
      expect([replay.status, replay.body.error.code]).toEqual([400, 'invalid_code']);
      // An older step than the last used one is a replay too, even inside the window.
      expect((await attempt(now() - 30_000)).body.error.code).toBe('invalid_code');
      server.clock.advance(30_000);
      expect((await attempt(now())).status).toBe(200);
    });

    it('the pending sign-in expires after 5 minutes', async () => {
      const email = 'expiry@example.com';
      const { secret } = await enrolTotp(server, await createVerifiedUser(server, email));
      const pending = pendingTokenOf(await signIn(email));
      server.clock.advance(5 * 60_000 + 1000);
      const late = await verifyMfa(server, pending, { factor: 'totp', code: totpCode(secret, now()) });
      expect([late.status, late.body.error.code]).toEqual([401, 'mfa_pending_expired']);
    });

    it('recovery codes: each works once, case and dashes ignored', async () => {
      const email = 'recovery@example.com';
      const { recoveryCodes } = await enrolTotp(server, await createVerifiedUser(server, email));
      const code = recoveryCodes[0] as string;
      const first = await verifyMfa(server, pendingTokenOf(await signIn(email)), {
        factor: 'recovery_code',
        code: code.toUpperCase(),
      });
      expect(first.status).toBe(200);
      const again = await verifyMfa(server, pendingTokenOf(await signIn(email)), { factor: 'recovery_code', code });
      expect([again.status, again.body.error.code]).toEqual([400, 'invalid_code']);
      const other = await verifyMfa(server, pendingTokenOf(await signIn(email)), {
        factor: 'recovery_code',
        code: (recoveryCodes[1] as string).replace('-', ''),
      });
      expect(other.status).toBe(200);
      const list = await server.request('/auth/mfa', { session: sessionTokenOf(other) });
      expect(list.body.factors.find((factor: { type: string }) => factor.type === 'recovery_codes').remaining).toBe(8);
    });

    it('wrong codes: 5 end the pending sign-in and lock the second factor (423), even across fresh password sign-ins', async () => {
      const email = 'guess@example.com';
      const { secret } = await enrolTotp(server, await createVerifiedUser(server, email));
      const right = () => totpCode(secret, now());
      const wrong = () => String((Number(right()) + 1) % 1_000_000).padStart(6, '0');
      const pending = pendingTokenOf(await signIn(email));
      for (let i = 0; i < 3; i++) {
        const answer = await verifyMfa(server, pending, { factor: 'totp', code: wrong() });
        expect([answer.status, answer.body.error.code]).toEqual([400, 'invalid_code']);
        expect(answer.body.error.details.attemptsLeft).toBe(4 - i);
      }
      // A new password sign-in does not reset the count.
      const fresh = pendingTokenOf(await signIn(email));
      expect((await verifyMfa(server, fresh, { factor: 'totp', code: wrong() })).status).toBe(400);
      const locking = await verifyMfa(server, fresh, { factor: 'totp', code: wrong() });
      expect([locking.status, locking.body.error.code]).toEqual([423, 'account_locked']);
      expect(Number(locking.headers.get('retry-after'))).toBeGreaterThan(0);
      // Locked: even the right code is refused now.
      const locked = await verifyMfa(server, pendingTokenOf(await signIn(email)), { factor: 'totp', code: right() });
      expect([locked.status, locked.body.error.code]).toEqual([423, 'account_locked']);
      server.clock.advance(16 * 60_000);
      const later = await verifyMfa(server, pendingTokenOf(await signIn(email)), { factor: 'totp', code: right() });
      expect(later.status).toBe(200);
    });

    it('a pending sign-in dies after 5 wrong codes on it', async () => {
      const email = 'dies@example.com';
      const { secret } = await enrolTotp(server, await createVerifiedUser(server, email));
      const pending = pendingTokenOf(await signIn(email));
      const wrong = String((Number(totpCode(secret, now())) + 7) % 1_000_000).padStart(6, '0');
      for (let i = 0; i < 4; i++) await verifyMfa(server, pending, { factor: 'totp', code: wrong });
      // The 5th try on this pending sign-in locks; after the lock, this pending sign-in is still dead.
      await verifyMfa(server, pending, { factor: 'totp', code: wrong });
      server.clock.advance(16 * 60_000);
      const dead = await verifyMfa(server, pending, { factor: 'totp', code: totpCode(secret, now()) });
      expect([dead.status, dead.body.error.code]).toEqual([401, 'mfa_pending_expired']);
    });

    it('a password reset of an account with MFA sets the password but needs the second factor to sign in', async () => {
      const email = 'reset-mfa@example.com';
      const { secret } = await enrolTotp(server, await createVerifiedUser(server, email));
      await server.request('/auth/password/forgot', { json: { email } });
      const mail = (await server.mails(email)).find((entry) => /password reset code/.test(entry.subject));
      const code = /reset code is (\d{6})/.exec(mail?.text ?? '')?.[1];
      const reset = await server.request('/auth/password/reset', {
        json: { email, code, password: 'violet tugboat marmalade drifts' },
      });
      expect(reset.status).toBe(200);
      expect(reset.body.mfaRequired).toBe(true);
      expect(sessionTokenOf(reset)).toBeUndefined();
      const done = await verifyMfa(server, pendingTokenOf(reset), { factor: 'totp', code: totpCode(secret, now()) });
      expect(done.status).toBe(200);
      expect(sessionTokenOf(done)).toBeDefined();
    });

    it('malformed second factors → 400 invalid_input, never 500', async () => {
      const email = 'malformed@example.com';
      await enrolTotp(server, await createVerifiedUser(server, email));
      const pending = pendingTokenOf(await signIn(email));
      for (const json of [
        {},
        { factor: 'totp' },
        { factor: 'totp', code: 'abcdef' },
        { factor: 'sms', code: '123456' },
        { factor: 'recovery_code', code: 'x'.repeat(500) },
        { factor: 'passkey', response: { id: 'x' } },
      ]) {
        const answer = await verifyMfa(server, pending, json);
        expect([answer.status, answer.body.error.code]).toEqual([400, 'invalid_input']);
      }
      const huge = await server.request('/auth/mfa/verify', {
        body: JSON.stringify({ factor: 'totp', code: '1'.repeat(100_000) }),
        headers: { 'content-type': 'application/json', cookie: `foyer_mfa=${pending}` },
      });
      expect(huge.status).toBe(400);
    });
  });
}
