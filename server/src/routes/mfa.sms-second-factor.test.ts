/**
 * SMS as a second-factor channel (NIST SP 800-63B §5.1.3.3, a restricted authenticator): a user
 * with MFA (TOTP or a passkey) and a verified phone may complete a sign-in or a step-up with a
 * code sent by `POST /auth/mfa/sms/send` to that phone — never to a number in the request. A phone
 * alone is not MFA. Wrong and replayed codes are refused and count on the MFA counter. Sensitive
 * changes are told to every verified channel: email and SMS.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../test-support/dialects.js';
import { enrolTotp, pendingTokenOf, stepUpWithPassword, verifyMfa } from '../test-support/mfa.js';
import { addVerifiedPhone, latestSmsCode, smsTo, wrongCode } from '../test-support/phone.js';
import {
  createVerifiedUser,
  GOOD_PASSWORD,
  sessionTokenOf,
  startTestServer,
  type TestServer,
} from '../test-support/test-server.js';

const LIMITS = {
  sendPerNumber: { limit: 1000, windowMs: 900_000 },
  sendPerIp: { limit: 1000, windowMs: 900_000 },
  verifyPerIp: { limit: 1000, windowMs: 900_000 },
};

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.available)(`MFA: SMS as a second-factor channel [${dialect.name}]`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer(dialect, {
        rateLimits: { 'mfa-verify': false, 'mfa-setup': false },
        phone: { countries: ['US'], limits: LIMITS },
      });
    });
    afterAll(async () => {
      await server?.close();
    });

    const signIn = (email: string) => server.request('/auth/sign-in', { json: { email, password: GOOD_PASSWORD } });
    const sendWithPending = (pending: string | undefined, json: unknown = {}) =>
      server.request('/auth/mfa/sms/send', { json, headers: pending ? { cookie: `foyer_mfa=${pending}` } : {} });

    /** A user with a verified phone and (unless `totp: false`) an authenticator app. */
    async function userWithPhone(email: string, phone: string, options: { totp?: boolean } = {}) {
      const session = await createVerifiedUser(server, email);
      await stepUpWithPassword(server, session);
      await addVerifiedPhone(server, session, phone);
      if (options.totp !== false) await enrolTotp(server, session);
      return session;
    }

    it('sign-in: factors offer sms with a masked number; the code sent to the verified phone completes it', async () => {
      const email = 'sms-flow@example.com';
      const phone = '+14155552671';
      await userWithPhone(email, phone);
      const first = await signIn(email);
      expect(first.status).toBe(200);
      expect(first.body).toEqual({
        mfaRequired: true,
        factors: ['totp', 'sms', 'recovery_code'],
        phoneHint: '•••• 71',
      });
      expect(sessionTokenOf(first)).toBeUndefined();
      const pending = pendingTokenOf(first);
      const before = (await smsTo(server, phone)).length;
      // Without the pending cookie (and no session): nobody to text.
      expect((await sendWithPending(undefined)).status).toBe(401);
      const sent = await sendWithPending(pending);
      expect(sent.status).toBe(202);
      expect((await smsTo(server, phone)).length).toBe(before + 1);
      const code = await latestSmsCode(server, phone);
      const done = await verifyMfa(server, pending, { factor: 'sms', code });
      expect(done.status).toBe(200);
      expect(done.body.user.email).toBe(email);
      expect(sessionTokenOf(done)).toBeTruthy();
      const audit = await server.foyer.db
        .selectFrom('audit_events')
        .select(['type', 'details'])
        .where('type', '=', 'mfa.succeeded')
        .execute();
      expect(audit.some((row) => JSON.stringify(row.details).includes('sms'))).toBe(true);
      // GET /auth/mfa tells the masked number too.
      const list = await server.request('/auth/mfa', { session: sessionTokenOf(done)! });
      expect(list.body.phoneHint).toBe('•••• 71');
    });

    it('a wrong code is refused (counted, attemptsLeft); a used code does not work twice', async () => {
      const email = 'sms-wrong@example.com';
      const phone = '+14155552672';
      await userWithPhone(email, phone);
      const pending = pendingTokenOf(await signIn(email));
      expect((await sendWithPending(pending)).status).toBe(202);
      const code = await latestSmsCode(server, phone);
      const wrong = await verifyMfa(server, pending, { factor: 'sms', code: wrongCode(code) });
      expect([wrong.status, wrong.body.error.code]).toEqual([400, 'invalid_code']);
      expect(wrong.body.error.details.attemptsLeft).toBe(4);
      expect((await verifyMfa(server, pending, { factor: 'sms', code })).status).toBe(200);
      // Replay on a new pending sign-in: the code is spent.
      const again = pendingTokenOf(await signIn(email));
      const replay = await verifyMfa(server, again, { factor: 'sms', code });
      expect([replay.status, replay.body.error.code]).toEqual([400, 'invalid_code']);
    });

    it('a phone alone is not MFA: a user with a verified phone and no TOTP or passkey signs in with no second step', async () => {
      const email = 'sms-only@example.com';
      const session = await userWithPhone(email, '+14155552673', { totp: false });
      const answer = await signIn(email);
      expect(answer.status).toBe(200);
      expect(answer.body.mfaRequired).toBeUndefined();
      expect(answer.body.user.email).toBe(email);
      // No SMS code for such a user either, and step-up stays the password.
      const send = await server.request('/auth/mfa/sms/send', { method: 'POST', session });
      expect([send.status, send.body.error.code]).toEqual([404, 'not_found']);
      const factor = await server.request('/auth/step-up', { json: { factor: 'sms', code: '123456' }, session });
      expect(factor.status).toBe(400);
    });

    it('after an SMS first factor (phone sign-in), sms is not offered again as the second', async () => {
      const email = 'sms-first@example.com';
      const phone = '+14155552674';
      await userWithPhone(email, phone);
      expect((await server.request('/auth/phone/start', { json: { phone } })).status).toBe(202);
      const first = await server.request('/auth/phone/verify', {
        json: { phone, code: await latestSmsCode(server, phone) },
      });
      expect(first.status).toBe(200);
      expect(first.body).toEqual({ mfaRequired: true, factors: ['totp', 'recovery_code'] });
      expect((await sendWithPending(pendingTokenOf(first))).status).toBe(404);
    });

    it('step-up with an SMS code (session); 403 step_up_required lists sms with the masked number', async () => {
      const email = 'sms-step-up@example.com';
      const phone = '+14155552675';
      const session = await userWithPhone(email, phone);
      server.clock.advance(10 * 60_000);
      const stale = await server.request('/auth/mfa/totp/setup', { method: 'POST', session });
      expect([stale.status, stale.body.error.code]).toEqual([403, 'step_up_required']);
      expect(stale.body.error.details).toMatchObject({
        methods: ['totp', 'sms', 'recovery_code'],
        phoneHint: '•••• 75',
      });
      const sent = await server.request('/auth/mfa/sms/send', { method: 'POST', session });
      expect(sent.status).toBe(202);
      const code = await latestSmsCode(server, phone);
      const wrong = await server.request('/auth/step-up', { json: { factor: 'sms', code: wrongCode(code) }, session });
      expect([wrong.status, wrong.body.error.code]).toEqual([400, 'invalid_code']);
      const up = await server.request('/auth/step-up', { json: { factor: 'sms', code }, session });
      expect(up.status).toBe(200);
      expect(up.body.stepUpUntil).toBeTruthy();
      expect((await server.request('/auth/mfa/totp/setup', { method: 'POST', session })).status).toBe(200);
    });

    it('the send route never takes a number from the request: the code goes to the verified phone only', async () => {
      const email = 'sms-body@example.com';
      const phone = '+14155552676';
      const other = '+14155552677';
      await userWithPhone(email, phone);
      const pending = pendingTokenOf(await signIn(email));
      const mine = (await smsTo(server, phone)).length;
      const sent = await sendWithPending(pending, { phone: other, to: other, number: other });
      expect(sent.status).toBe(202);
      expect((await smsTo(server, phone)).length).toBe(mine + 1);
      expect(await smsTo(server, other)).toEqual([]);
    });

    it('a password change is told to every verified channel: email and SMS', async () => {
      const email = 'sms-notice@example.com';
      const phone = '+14155552678';
      const session = await userWithPhone(email, phone, { totp: false });
      const smsBefore = (await smsTo(server, phone)).length;
      await stepUpWithPassword(server, session);
      const change = await server.request('/auth/password/change', {
        json: { currentPassword: GOOD_PASSWORD, newPassword: 'violet tugboat marmalade drifts' },
        session,
      });
      expect(change.status).toBe(204);
      const mails = await server.mails(email);
      expect(mails.some((mail) => mail.subject === 'Your password was changed')).toBe(true);
      const texts = await smsTo(server, phone);
      expect(texts.length).toBe(smsBefore + 1);
      expect(texts[0]).toMatch(/^Security notice: Your password was changed\. \(\d{4}-\d\d-\d\d \d\d:\d\d UTC\)/);
      // A notice carries no code and no link.
      expect(texts[0]).not.toMatch(/\d{6}|https?:/);
    });
  });
}
