/**
 * SMS sign-in (NIST SP 800-63B §5.1.3.2 out-of-band via PSTN; OWASP ASVS 4.0.3 V2.7.x): numbers are
 * normalised to E.164 and allow-listed by country; codes are 6 digits, 10 minutes, single use,
 * 5 tries; starting always answers 202 (no enumeration); only a number verified on an account signs
 * in; phone routes answer 404 when SMS is not configured.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../test-support/dialects.js';
import { addVerifiedPhone, latestSmsCode, smsTo, stepUp, wrongCode } from '../test-support/phone.js';
import {
  GOOD_PASSWORD,
  createVerifiedUser,
  sessionTokenOf,
  startTestServer,
  type TestServer,
} from '../test-support/test-server.js';
import { normalizePhone } from '../phone/phone-numbers.js';

describe('normalizePhone', () => {
  const options = { countries: ['US', 'DE', 'GB'], defaultCountry: 'US' };
  it.each([
    ['(415) 555-2671', '+14155552671'],
    ['415.555.2671', '+14155552671'],
    ['+1 415 555 2671', '+14155552671'],
    ['+49 30 12345678', '+493012345678'],
    ['011 49 30 12345678', '+493012345678'],
    ['+44 20 7946 0958', '+442079460958'],
  ])('%s → %s', (input, e164) => {
    expect(normalizePhone(input, options).e164).toBe(e164);
  });
  it('reads national formats with the country hint', () => {
    expect(normalizePhone('030 12345678', { ...options, country: 'DE' }).e164).toBe('+493012345678');
    expect(normalizePhone('0049 30 12345678', { ...options, country: 'DE' }).e164).toBe('+493012345678');
    expect(normalizePhone('020 7946 0958', { ...options, country: 'gb' }).e164).toBe('+442079460958');
  });
  it('refuses invalid numbers and countries outside the allow-list', () => {
    expect(() => normalizePhone('12', options)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(() => normalizePhone('+33 1 23 45 67 89', options)).toThrow(
      expect.objectContaining({ code: 'invalid_input', fields: { phone: expect.stringMatching(/country/) } }),
    );
    expect(() => normalizePhone('+1 415 555', options)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });
});

describe('phone routes without the phone option', () => {
  const dialect = DIALECTS[0]!;
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect);
  });
  afterAll(async () => {
    await server?.close();
  });
  it('answer 404 not_found', async () => {
    for (const path of ['/auth/phone/start', '/auth/phone/verify', '/account/phone', '/account/phone/verify']) {
      const answer = await server.request(path, { json: { phone: '+14155552671', code: '123456' } });
      expect(answer.status, path).toBe(404);
      expect(answer.body.error.code).toBe('not_found');
    }
  });
});

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.available)(`SMS sign-in [${dialect.name}]`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer(dialect, {
        phone: {
          countries: ['US', 'DE'],
          limits: { sendPerIp: { limit: 1000, windowMs: 900_000 }, verifyPerIp: { limit: 1000, windowMs: 900_000 } },
        },
      });
    });
    afterAll(async () => {
      await server?.close();
    });

    it('adds a number to an account, then signs in with it (national format accepted)', async () => {
      const session = await createVerifiedUser(server, 'ada@example.com');
      const add = await server.request('/account/phone', { json: { phone: '(415) 555-2671' }, session });
      expect(add.status).toBe(202);
      const pending = await server.request('/account/phone', { session });
      expect(pending.body.phones).toEqual([expect.objectContaining({ phone: '+14155552671', verified: false })]);
      const code = await latestSmsCode(server, '+14155552671');
      const verify = await server.request('/account/phone/verify', { json: { code }, session });
      expect(verify.status).toBe(200);
      expect(verify.body.phones).toEqual([expect.objectContaining({ phone: '+14155552671', verified: true })]);

      const start = await server.request('/auth/phone/start', { json: { phone: '415-555-2671' } });
      expect(start.status).toBe(202);
      const signInCode = await latestSmsCode(server, '+14155552671');
      const signIn = await server.request('/auth/phone/verify', {
        json: { phone: '+1 415 555 2671', code: signInCode },
      });
      expect(signIn.status).toBe(200);
      expect(signIn.body.user.email).toBe('ada@example.com');
      const token = sessionTokenOf(signIn);
      expect(token).toBeTruthy();
      const me = await server.request('/auth/session', { session: token! });
      expect(me.status).toBe(200);
    });

    it('answers like every sign-in for an account with MFA: {mfaRequired, factors} and no session', async () => {
      const session = await createVerifiedUser(server, 'mfa@example.com');
      await addVerifiedPhone(server, session, '+14155550155');
      const id = (await server.request('/auth/session', { session })).body.user.id as string;
      const now = server.clock.now().toISOString();
      await server.foyer.db
        .insertInto('mfa_factors')
        .values({
          id: 'factor-1',
          user_id: id,
          type: 'totp',
          label: 'Phone app',
          totp_secret: 'JBSWY3DPEHPK3PXP',
          credential_id: null,
          public_key: null,
          transports: null,
          confirmed_at: now,
          created_at: now,
          last_used_at: null,
        })
        .execute();
      await server.request('/auth/phone/start', { json: { phone: '+14155550155' } });
      const code = await latestSmsCode(server, '+14155550155');
      const answer = await server.request('/auth/phone/verify', { json: { phone: '+14155550155', code } });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ mfaRequired: true, factors: expect.arrayContaining(['totp']) });
      expect(answer.body.user).toBeUndefined();
      expect(sessionTokenOf(answer)).toBeUndefined();
    });

    it('the SMS carries the WebOTP line and the code lives 10 minutes', async () => {
      const session = await createVerifiedUser(server, 'otp@example.com');
      await addVerifiedPhone(server, session, '+14155550100');
      await server.request('/auth/phone/start', { json: { phone: '+14155550100' } });
      const [text] = await smsTo(server, '+14155550100');
      expect(text).toMatch(/expires in 10 minutes/);
      const outbox = await server.request('/dev/outbox.json');
      expect(outbox.body).toEqual(
        expect.arrayContaining([expect.objectContaining({ to: '+14155550100', subject: 'SMS' })]),
      );
      expect(text).toMatch(/\n@127\.0\.0\.1:\d+ #\d{6}$/);
      const code = await latestSmsCode(server, '+14155550100');
      server.clock.advance(10 * 60_000 + 1);
      const late = await server.request('/auth/phone/verify', { json: { phone: '+14155550100', code } });
      expect(late.status).toBe(410);
      expect(late.body.error.code).toBe('code_expired');
    });

    it('a code is single use; wrong codes count: the 5th try kills it', async () => {
      const session = await createVerifiedUser(server, 'once@example.com');
      await addVerifiedPhone(server, session, '+4930123456789');
      await server.request('/auth/phone/start', { json: { phone: '+4930123456789' } });
      const code = await latestSmsCode(server, '+4930123456789');
      expect((await server.request('/auth/phone/verify', { json: { phone: '+4930123456789', code } })).status).toBe(
        200,
      );
      const replay = await server.request('/auth/phone/verify', { json: { phone: '+4930123456789', code } });
      expect(replay.status).toBe(400);
      expect(replay.body.error.code).toBe('invalid_code');

      await server.request('/auth/phone/start', { json: { phone: '+4930123456789' } });
      const fresh = await latestSmsCode(server, '+4930123456789');
      const statuses: number[] = [];
      for (let i = 1; i <= 5; i++) {
        statuses.push(
          (await server.request('/auth/phone/verify', { json: { phone: '+4930123456789', code: wrongCode(fresh, i) } }))
            .status,
        );
      }
      expect(statuses).toEqual([400, 400, 400, 400, 410]);
      expect(
        (await server.request('/auth/phone/verify', { json: { phone: '+4930123456789', code: fresh } })).status,
      ).toBe(410);
    });

    it('a code sent to one number does not work for another number of the same account', async () => {
      const session = await createVerifiedUser(server, 'two@example.com');
      await server.request('/account/phone', { json: { phone: '+14155550111' }, session });
      const first = await latestSmsCode(server, '+14155550111');
      await server.request('/account/phone', { json: { phone: '+14155550112' }, session });
      const wrongNumber = await server.request('/account/phone/verify', { json: { code: first }, session });
      expect(wrongNumber.status).toBe(400);
      expect(wrongNumber.body.error.code).toBe('invalid_code');
    });

    it('answers 202 for unknown and unverified numbers and sends nothing (no enumeration)', async () => {
      const unknown = await server.request('/auth/phone/start', { json: { phone: '+14155550199' } });
      expect(unknown.status).toBe(202);
      expect(unknown.text).toBe('');
      expect(await smsTo(server, '+14155550199')).toEqual([]);
      const session = await createVerifiedUser(server, 'pending@example.com');
      await server.request('/account/phone', { json: { phone: '+14155550122' }, session });
      const before = (await smsTo(server, '+14155550122')).length;
      const unverified = await server.request('/auth/phone/start', { json: { phone: '+14155550122' } });
      expect(unverified.status).toBe(202);
      expect((await smsTo(server, '+14155550122')).length).toBe(before);
      const guess = await server.request('/auth/phone/verify', { json: { phone: '+14155550199', code: '123456' } });
      expect(guess.status).toBe(400);
      expect(guess.body.error.code).toBe('invalid_code');
    });

    it('a number verified on one account cannot be taken over by another', async () => {
      const owner = await createVerifiedUser(server, 'owner@example.com');
      await addVerifiedPhone(server, owner, '+14155550133');
      const other = await createVerifiedUser(server, 'other@example.com');
      const before = (await smsTo(server, '+14155550133')).length;
      const add = await server.request('/account/phone', { json: { phone: '+14155550133' }, session: other });
      expect(add.status).toBe(202);
      expect((await smsTo(server, '+14155550133')).length).toBe(before);
      const verify = await server.request('/account/phone/verify', { json: { code: '000000' }, session: other });
      expect(verify.status).toBe(400);
    });

    it('removing the number needs a fresh step-up; afterwards the number no longer signs in', async () => {
      const session = await createVerifiedUser(server, 'remove@example.com');
      await addVerifiedPhone(server, session, '+14155550166');
      const refused = await server.request('/account/phone', { method: 'DELETE', session });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('step_up_required');
      await stepUp(server, session, GOOD_PASSWORD);
      expect((await server.request('/account/phone', { method: 'DELETE', session })).status).toBe(204);
      expect((await server.request('/account/phone', { session })).body.phones).toEqual([]);
      const before = (await smsTo(server, '+14155550166')).length;
      expect((await server.request('/auth/phone/start', { json: { phone: '+14155550166' } })).status).toBe(202);
      expect((await smsTo(server, '+14155550166')).length).toBe(before);
    });

    it('refuses disallowed countries and bad input with 400, never 500', async () => {
      const france = await server.request('/auth/phone/start', { json: { phone: '+33 1 23 45 67 89' } });
      expect(france.status).toBe(400);
      expect(france.body.error.code).toBe('invalid_input');
      expect(france.body.error.fields.phone).toMatch(/country/);
      for (const json of [
        {},
        { phone: 42 },
        { phone: 'x'.repeat(100) },
        { phone: 'not a number' },
        [],
        { phone: '+14155552671', country: 'USA' },
      ]) {
        const answer = await server.request('/auth/phone/start', { json });
        expect(answer.status, JSON.stringify(json)).toBe(400);
      }
      for (const json of [{ phone: '+14155552671' }, { phone: '+14155552671', code: 'abc' }, { code: '123456' }]) {
        const answer = await server.request('/auth/phone/verify', { json });
        expect(answer.status, JSON.stringify(json)).toBe(400);
      }
      const text = await server.request('/auth/phone/start', {
        body: 'phone=1',
        headers: { 'content-type': 'text/plain' },
      });
      expect([text.status, text.body.error.code]).toEqual([415, 'unsupported_media_type']);
      expect((await server.request('/account/phone', { json: { phone: '+14155552671' } })).status).toBe(401);
    });
  });

  describe.skipIf(!dialect.available)(`SMS pumping limits [${dialect.name}]`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer(dialect, {
        phone: {
          countries: ['US', 'DE'],
          limits: { sendPerIp: { limit: 6, windowMs: 900_000 } },
        },
      });
    });
    afterAll(async () => {
      await server?.close();
    });

    it('per number: the 4th code in 15 minutes is 429 with Retry-After, registered or not', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await server.request('/auth/phone/start', { json: { phone: '+14155550144' } })).status);
      expect(statuses).toEqual([202, 202, 202, 429]);
      const limited = await server.request('/auth/phone/start', { json: { phone: '+14155550144' } });
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(limited.body.error.code).toBe('rate_limited');
    });

    it('per IP: many numbers from one address are cut off, until the window ends', async () => {
      // 6 per IP per 15 min: 3 used above (the 4th was refused by the number limit first).
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await server.request('/auth/phone/start', { json: { phone: `+1415555016${i}` } })).status);
      expect(statuses).toEqual([202, 202, 202, 429]);
      server.clock.advance(16 * 60_000);
      const after = await server.request('/auth/phone/start', { json: { phone: '+14155550170' } });
      expect(after.status).toBe(202);
      // The per-country cap counts real sends only: phone.sms-pumping.test.ts.
    });
  });
}
