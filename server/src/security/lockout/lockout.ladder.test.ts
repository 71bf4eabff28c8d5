/**
 * NIST SP 800-63B §5.2.2 and OWASP ASVS 4.0.3 V2.2.1 / V2.2.3: the graduated ladder. 3 failures →
 * CAPTCHA (428) from unknown devices; a solved ALTCHA lets the password be checked, once (a
 * replay is 400); 5 failures → 423 for 15 minutes, doubling per repeat lock, capped at 24 hours,
 * with one email holding a one-click unlock link (its GET page does not unlock; the POST does,
 * once). A success resets the counter. An unknown email walks the same ladder, without email
 * (no enumeration, ASVS V2.2.1 / V3).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/dialects.js';
import { signIn, solveAltcha } from '../../test-support/sign-in-security.js';
import { createVerifiedUser, GOOD_PASSWORD, startTestServer, type TestServer } from '../../test-support/test-server.js';

const MINUTE = 60_000;
const LOCK_SUBJECT = 'Sign-in to your account was paused';

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.available)(`lockout ladder (${dialect.name})`, () => {
    let server: TestServer | undefined;
    afterEach(async () => {
      await server?.close();
      server = undefined;
    });

    const start = async (): Promise<TestServer> =>
      (server = await startTestServer(dialect, { captcha: { cost: 1 }, rateLimits: { 'sign-in': false } }));

    /** Fails until the identity is locked, solving CAPTCHAs when asked; returns the 423 answer. */
    const failUntilLocked = async (s: TestServer, email: string) => {
      for (let i = 0; i < 10; i++) {
        let answer = await signIn(s, email, 'wrong password');
        if (answer.status === 428) answer = await signIn(s, email, 'wrong password', { captcha: await solveAltcha(s) });
        if (answer.status === 423) return answer;
        expect(answer.status).toBe(401);
      }
      throw new Error('never locked');
    };

    it('walks CAPTCHA → lock → unlock link → doubling → cap, and a success resets', async () => {
      const s = await start();
      const email = 'owner@example.com';
      await createVerifiedUser(s, email);

      const first = await signIn(s, email, 'wrong 1');
      expect(first.status).toBe(401);
      expect(first.body.error.details).toBeUndefined();
      expect((await signIn(s, email, 'wrong 2')).body.error.details).toEqual({ attemptsLeft: 3 });
      expect((await signIn(s, email, 'wrong 3')).body.error.details).toEqual({ attemptsLeft: 2 });

      const captchaRequired = await signIn(s, email, 'wrong 4');
      expect(captchaRequired.status).toBe(428);
      expect(captchaRequired.body.error.code).toBe('captcha_required');
      expect(captchaRequired.body.error.details.captcha).toEqual({
        provider: 'altcha',
        challengeUrl: `${s.url}/auth/captcha/challenge`,
      });

      const captcha = await solveAltcha(s);
      const checked = await signIn(s, email, 'wrong 4', { captcha });
      expect(checked.status).toBe(401);
      expect(checked.body.error.details).toEqual({ attemptsLeft: 1 });
      const replay = await signIn(s, email, 'wrong 5', { captcha });
      expect(replay.status).toBe(400);
      expect(replay.body.error.code).toBe('captcha_invalid');

      const locked = await signIn(s, email, 'wrong 5', { captcha: await solveAltcha(s) });
      expect(locked.status).toBe(423);
      expect(locked.headers.get('retry-after')).toBe('900');
      expect(locked.body.error).toMatchObject({
        code: 'account_locked',
        retryAfter: 900,
        details: { lockedUntil: new Date(s.clock.now().getTime() + 15 * MINUTE).toISOString(), unlockEmailSent: true },
      });
      // Even the right password, from an unknown device, while locked.
      expect((await signIn(s, email, GOOD_PASSWORD)).status).toBe(423);

      const lockMails = (await s.mails(email)).filter((mail) => mail.subject === LOCK_SUBJECT);
      expect(lockMails).toHaveLength(1);
      const token = /\/auth\/unlock\/link\?token=([A-Za-z0-9_-]+)/.exec(lockMails[0]!.text)?.[1];
      expect(token).toBeDefined();
      expect(lockMails[0]!.text).toMatch(/foyer-reset=1/);

      // The link's GET shows a page and changes nothing (mail scanners prefetch links).
      const page = await s.request(`/auth/unlock/link?token=${token}`);
      expect(page.status).toBe(200);
      expect(page.text).toContain('Unlock sign-in');
      expect(page.text).not.toContain(token!);
      expect((await signIn(s, email, GOOD_PASSWORD)).status).toBe(423);

      expect((await s.request('/auth/unlock', { json: { token } })).status).toBe(204);
      const reused = await s.request('/auth/unlock', { json: { token } });
      expect(reused.status).toBe(400);
      expect(reused.body.error.code).toBe('invalid_code');

      // Unlocked: failures start over, but the next lock is the second: 30 minutes.
      const second = await failUntilLocked(s, email);
      expect(second.body.error.retryAfter).toBe(30 * 60);
      expect((await s.mails(email)).filter((mail) => mail.subject === LOCK_SUBJECT)).toHaveLength(2);

      // After a lock ends the CAPTCHA stage remains; each further lock doubles, up to 24 h.
      const lengths: number[] = [];
      let current = second.body.error.retryAfter as number;
      for (let i = 0; i < 7; i++) {
        s.clock.advance(current * 1000);
        expect((await signIn(s, email, 'wrong again')).status).toBe(428);
        current = (await failUntilLocked(s, email)).body.error.retryAfter as number;
        lengths.push(current / 60);
      }
      expect(lengths).toEqual([60, 120, 240, 480, 960, 1440, 1440]);

      // The lock ends; the right password (with the CAPTCHA the stage asks for) resets everything.
      s.clock.advance(current * 1000);
      expect((await signIn(s, email, GOOD_PASSWORD, { captcha: await solveAltcha(s) })).status).toBe(200);
      const fresh = await signIn(s, email, 'wrong after success');
      expect(fresh.status).toBe(401);
      expect(fresh.body.error.details).toBeUndefined();
      expect((await failUntilLocked(s, email)).body.error.retryAfter).toBe(900);
    });

    it('walks an unknown email through the same ladder, with the same answers and no email', async () => {
      const s = await start();
      const known = 'real@example.com';
      const unknown = 'nobody@example.com';
      await createVerifiedUser(s, known);
      const shape = (answer: { status: number; body: any }) => ({
        status: answer.status,
        code: answer.body.error.code,
        retryAfter: answer.body.error.retryAfter,
        details: answer.body.error.details && {
          ...answer.body.error.details,
          ...(answer.body.error.details.lockedUntil ? { lockedUntil: 'x' } : {}),
        },
      });
      const walk = async (email: string) => {
        const answers = [];
        for (let i = 0; i < 3; i++) answers.push(shape(await signIn(s, email, 'wrong')));
        answers.push(shape(await signIn(s, email, 'wrong')));
        answers.push(shape(await signIn(s, email, 'wrong', { captcha: await solveAltcha(s) })));
        answers.push(shape(await signIn(s, email, 'wrong', { captcha: await solveAltcha(s) })));
        answers.push(shape(await signIn(s, email, 'wrong')));
        return answers;
      };
      const forKnown = await walk(known);
      const forUnknown = await walk(unknown);
      expect(forUnknown).toEqual(forKnown);
      expect(forUnknown.map((answer) => answer.status)).toEqual([401, 401, 401, 428, 401, 423, 423]);
      expect((await s.mails(unknown)).length).toBe(0);
      expect((await s.mails(known)).filter((mail) => mail.subject === LOCK_SUBJECT)).toHaveLength(1);
    });
  });
}
