/**
 * SMS pumping and budget exhaustion (OWASP Automated Threats OAT-021 "SMS pumping"/toll fraud;
 * OWASP ASVS 4.0.3 V11.1.4 anti-automation, V2.7.x out-of-band authenticators): the per-country
 * daily cap counts messages actually sent, not requests — a flood of starts for unregistered
 * numbers sends nothing and spends nothing, so it can never deny a country's real users; the cap
 * refuses only once real sends reach it (the send at the cap goes, the one past it is `429`, also
 * when both race); once reached, every start for that country gets the same `429` (no enumeration);
 * and premium-rate and shared-cost numbers are refused with a `400` field error before anything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_SMS_SUBJECT } from '../adapters/sms/dev-sink.js';
import { DIALECTS } from '../test-support/dialects.js';
import { addVerifiedPhone, smsTo } from '../test-support/phone.js';
import { createVerifiedUser, startTestServer, type TestServer } from '../test-support/test-server.js';

const DAY = 24 * 60 * 60_000;
/** Per-IP and per-number limits out of the way: the flood comes from many addresses in real life. */
const OPEN_LIMITS = {
  sendPerIp: { limit: 100_000, windowMs: 900_000 },
  sendPerNumber: { limit: 100_000, windowMs: 900_000 },
  sendPerNumberDaily: { limit: 100_000, windowMs: DAY },
};

/** A valid US number no test registers: 555-0100 … 555-0139 (registered ones are 555-015x and 555-016x). */
const unregistered = (i: number): string => `+1415555${String(100 + (i % 40)).padStart(4, '0')}`;

async function totalSms(server: TestServer): Promise<number> {
  return (await server.mails()).filter((mail) => mail.subject === DEV_SMS_SUBJECT).length;
}

const start = (server: TestServer, phone: string) => server.request('/auth/phone/start', { json: { phone } });

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.available)(`per-country cap counts real sends only [${dialect.name}]`, () => {
    let server: TestServer;
    const registered = ['+14155550150', '+14155550151', '+14155550152'];

    beforeAll(async () => {
      server = await startTestServer(dialect, {
        phone: {
          countries: ['US', 'DE'],
          limits: { ...OPEN_LIMITS, sendPerCountryDaily: { limit: 5, windowMs: DAY } },
        },
      });
      for (const [i, phone] of registered.entries()) {
        const session = await createVerifiedUser(server, `owner${i}@example.com`);
        await addVerifiedPhone(server, session, phone); // a real send: 1, 2, 3 of 5
      }
    });
    afterAll(async () => {
      await server?.close();
    });

    it('a flood of starts for unregistered numbers sends nothing, spends nothing, and a registered user still gets a code', async () => {
      const before = await totalSms(server);
      const flood = await Promise.all(Array.from({ length: 80 }, (_, i) => start(server, unregistered(i))));
      expect(new Set(flood.map((answer) => answer.status))).toEqual(new Set([202]));
      expect(await totalSms(server)).toBe(before);

      const owner = await start(server, registered[0]!); // send 4 of 5
      expect(owner.status).toBe(202);
      expect(await smsTo(server, registered[0]!)).toHaveLength(2);
    });

    it('refuses only once real sends reach the cap: the send at the cap goes, the one past it is 429, for every +1 number', async () => {
      const atCap = await start(server, registered[1]!); // send 5 of 5
      expect(atCap.status).toBe(202);
      expect(await smsTo(server, registered[1]!)).toHaveLength(2);

      // At the cap, before any refused send: a start with nothing to send is refused too, the
      // same way as one that would send (no enumeration).
      const stranger = await start(server, unregistered(19));
      expect(stranger.status).toBe(429);
      const pastCap = await start(server, registered[2]!);
      expect(pastCap.status).toBe(429);
      expect(pastCap.body.error.code).toBe('rate_limited');
      expect(Number(pastCap.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(stranger.body).toEqual(pastCap.body);
      expect(await smsTo(server, registered[2]!)).toHaveLength(1);
      // Another calling code has its own budget.
      expect((await start(server, '+4915123456789')).status).toBe(202);

      // The next day the budget is back.
      server.clock.advance(DAY + 1000);
      expect((await start(server, registered[2]!)).status).toBe(202);
      expect(await smsTo(server, registered[2]!)).toHaveLength(2);
    });
  });

  describe.skipIf(!dialect.available)(`per-country cap under parallel sends [${dialect.name}]`, () => {
    let server: TestServer;
    const registered = ['+14155550160', '+14155550161', '+14155550162'];

    beforeAll(async () => {
      server = await startTestServer(dialect, {
        phone: { countries: ['US'], limits: { ...OPEN_LIMITS, sendPerCountryDaily: { limit: 4, windowMs: DAY } } },
      });
      for (const [i, phone] of registered.entries()) {
        const session = await createVerifiedUser(server, `racer${i}@example.com`);
        await addVerifiedPhone(server, session, phone); // 1, 2, 3 of 4
      }
    });
    afterAll(async () => {
      await server?.close();
    });

    it('lets exactly one of three parallel sends take the last slot', async () => {
      const before = await totalSms(server);
      const answers = await Promise.all(registered.map((phone) => start(server, phone)));
      expect(answers.map((answer) => answer.status).sort()).toEqual([202, 429, 429]);
      expect(await totalSms(server)).toBe(before + 1);
    });
  });

  describe.skipIf(!dialect.available)(`premium-rate and shared-cost numbers [${dialect.name}]`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer(dialect, { phone: { countries: ['US', 'DE'], limits: OPEN_LIMITS } });
    });
    afterAll(async () => {
      await server?.close();
    });

    it('are refused with 400 invalid_input on fields.phone, at sign-in and when added to an account', async () => {
      const session = await createVerifiedUser(server, 'premium@example.com');
      for (const phone of ['+1 900 555 0123', '+49 1802 123456', '+49 900 1234567']) {
        const signIn = await start(server, phone);
        expect(signIn.status, phone).toBe(400);
        expect(signIn.body.error).toMatchObject({
          code: 'invalid_input',
          fields: { phone: expect.stringMatching(/Premium-rate/) },
        });
        const add = await server.request('/account/phone', { json: { phone }, session });
        expect(add.status, phone).toBe(400);
        expect(add.body.error.fields.phone).toMatch(/Premium-rate/);
      }
      expect(await totalSms(server)).toBe(0);
      // A mobile number of the same country is fine.
      expect((await server.request('/account/phone', { json: { phone: '+4915123456789' }, session })).status).toBe(202);
      expect(await smsTo(server, '+4915123456789')).toHaveLength(1);
    });
  });
}
