/**
 * Optimistic concurrency of onboarding drafts (RFC 9110 §13.1.1 `If-Match`; OWASP ASVS 4.0.3
 * V11.1.6, business logic free of races): parallel autosaves based on the same version, past the
 * first one (versions 1, 2, 3 — an UPDATE, not the first INSERT), have exactly one winner; every
 * other tab gets `409 version_conflict` with the winner's data, and nothing saved before is lost.
 * The saves truly overlap on PostgreSQL; SQLite runs transactions one at a time, so there the
 * route's re-read answers the conflict, and the conditional UPDATE itself is proven on both
 * engines in db/onboarding-steps.version-check.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../test-support/dialects.js';
import { ONBOARDING_SERVER_OPTIONS, onboardingClient } from '../test-support/onboarding.js';
import { createVerifiedUser, startTestServer, type TestServer } from '../test-support/test-server.js';

const TABS = 6;

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.available)(`parallel autosaves past version 0 [${dialect.name}]`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer(dialect, ONBOARDING_SERVER_OPTIONS);
    });
    afterAll(async () => {
      await server?.close();
    });

    it('at versions 1, 2 and 3: one 200 per round, the rest 409 version_conflict, nothing lost', async () => {
      const api = onboardingClient(server, await createVerifiedUser(server, 'tabs@example.com'));
      expect((await api.setTracks({ tracks: ['provider'], roles: ['photographer'] })).status).toBe(200);
      expect((await api.complete('roles')).status).toBe(200);
      expect((await api.patch('profile', 0, { displayName: 'Ada' })).body).toEqual({ version: 1 });

      // Each round's tabs edit one field, each its own value; rounds start where the last one ended.
      const rounds = [
        { version: 1, field: 'headline', values: Array.from({ length: TABS }, (_, tab) => `Headline from tab ${tab}`) },
        { version: 2, field: 'bio', values: Array.from({ length: TABS }, (_, tab) => `Bio from tab ${tab}`) },
        { version: 3, field: 'tags', values: Array.from({ length: TABS }, (_, tab) => [`tab-${tab}`]) },
      ];
      const expected: Record<string, unknown> = { displayName: 'Ada' };
      for (const { version, field, values } of rounds) {
        const answers = await Promise.all(values.map((value) => api.patch('profile', version, { [field]: value })));
        const statuses = answers.map((answer) => answer.status);
        expect(
          statuses.filter((status) => status === 200),
          `at version ${version}: ${statuses.join(' ')}`,
        ).toHaveLength(1);
        const winner = statuses.indexOf(200);
        expect(answers[winner]!.body).toEqual({ version: version + 1 });
        expected[field] = values[winner];
        for (const [tab, answer] of answers.entries()) {
          if (tab === winner) continue;
          expect([answer.status, answer.body.error.code]).toEqual([409, 'version_conflict']);
          // The loser is shown what is stored now: the winner's save on top of every earlier one.
          expect(answer.body.error.details.current).toEqual({ data: expected, version: version + 1 });
        }
        expect(await api.step('provider', 'profile')).toMatchObject({ data: expected, version: version + 1 });
      }
    });
  });
}
