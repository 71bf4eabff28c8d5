/**
 * Two accounts confirming a change to the same address at the same time: one wins, the other gets
 * a 4xx, never a 500 and never two accounts on one address. OWASP ASVS 4.0.3 V11.1.6 (concurrency
 * of business logic), V7.4.1 (no unexpected errors). On PostgreSQL the loser used to hit the unique
 * index and answer 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../test-support/dialects.js';
import { stepUpWithPassword } from '../test-support/mfa.js';
import { createVerifiedUser, startTestServer, type TestServer } from '../test-support/test-server.js';

describe.each(DIALECTS)('parallel email-change confirmations ($name)', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    if (dialect.available) server = await startTestServer(dialect);
  });
  afterAll(async () => server?.close());

  it.skipIf(!dialect.available)('one wins, the other is 400 invalid_code, in every round', async () => {
    for (let round = 0; round < 5; round += 1) {
      const target = `shared-${round}@example.com`;
      const sessions = await Promise.all(
        ['a', 'b'].map((who) => createVerifiedUser(server, `${who}-${round}@example.com`)),
      );
      const codes: string[] = [];
      for (const session of sessions) {
        await stepUpWithPassword(server, session);
        const started = await server.request('/account/email', { json: { newEmail: target }, session });
        expect(started.status).toBe(202);
        const mail = (await server.mails(target)).find((entry) => /confirms your new email/.test(entry.subject));
        codes.push(/code is (\d{6})/.exec(mail?.text ?? '')?.[1] as string);
      }
      const answers = await Promise.all(
        sessions.map((session, i) => server.request('/account/email/confirm', { json: { code: codes[i] }, session })),
      );
      const statuses = answers.map((answer) => answer.status).sort();
      expect(statuses, answers.map((a) => a.text).join(' | ')).toEqual([200, 400]);
      expect(answers.find((answer) => answer.status === 400)?.body.error.code).toBe('invalid_code');
      const owners = await server.foyer.db.selectFrom('users').select('id').where('email', '=', target).execute();
      expect(owners).toHaveLength(1);
    }
  });
});
