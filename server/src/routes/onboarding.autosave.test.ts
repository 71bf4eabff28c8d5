/**
 * The onboarding contract end to end over HTTP: the overview, choosing tracks, autosave with
 * versions and `If-Match`, `409 version_conflict` with the current data and nothing written, two
 * tabs, resuming on a second session, edits of completed steps, dropped tracks keeping their data,
 * and one person never seeing another's drafts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFoyerClient, FoyerError, instantBookResponseSchema, onboardingOverviewSchema } from '@foyer/core';
import { DIALECTS } from '../test-support/dialects.js';
import {
  ONBOARDING_SERVER_OPTIONS,
  onboardingClient,
  PROVIDER_DATA,
  type OnboardingTestClient,
} from '../test-support/onboarding.js';
import {
  createVerifiedUser,
  GOOD_PASSWORD,
  sessionTokenOf,
  startTestServer,
  type TestServer,
} from '../test-support/test-server.js';

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.available)(`onboarding autosave and conflicts [${dialect.name}]`, () => {
    let server: TestServer;
    let userCount = 0;
    beforeAll(async () => {
      server = await startTestServer(dialect, ONBOARDING_SERVER_OPTIONS);
    });
    afterAll(async () => {
      await server?.close();
    });

    /** A verified, signed-in person with the provider track and its roles step complete. */
    async function newProvider(): Promise<{ api: OnboardingTestClient; email: string }> {
      const email = `provider${++userCount}@example.com`;
      const api = onboardingClient(server, await createVerifiedUser(server, email));
      expect((await api.setTracks({ tracks: ['provider'], roles: ['photographer', 'model'] })).status).toBe(200);
      expect((await api.complete('roles')).status).toBe(200);
      return { api, email };
    }

    it('a new person has no tracks yet', async () => {
      const api = onboardingClient(server, await createVerifiedUser(server, 'new@example.com'));
      const overview = await api.overview();
      expect(overview.status).toBe(200);
      expect(overview.body).toEqual({ tracks: [], emailVerified: true, identityVerified: false });
    });

    it('PUT /onboarding/tracks: provider with several roles and host; roles land in the roles step draft', async () => {
      const api = onboardingClient(server, await createVerifiedUser(server, 'both@example.com'));
      const overview = await api.setTracks({
        tracks: ['host', 'provider'],
        roles: ['photographer', 'model', 'photographer'],
      });
      expect(overview.status).toBe(200);
      expect(overview.body.tracks.map((track: { id: string }) => track.id)).toEqual(['provider', 'host']);
      const [provider, host] = overview.body.tracks;
      expect(provider.roles).toEqual(['photographer', 'model']);
      expect(host.roles).toEqual([]);
      expect(provider.steps.map((step: { id: string; status: string }) => `${step.id}:${step.status}`)).toEqual([
        'roles:due',
        'profile:locked',
        'portfolio:locked',
        'packages:locked',
        'availability:locked',
        'policies:locked',
        'verification:locked',
      ]);
      expect(provider.steps[0]).toEqual({
        id: 'roles',
        status: 'due',
        data: { roles: ['photographer', 'model'] },
        version: 1,
      });
      expect(host.steps[0]).toMatchObject({ id: 'studio', status: 'due', data: {}, version: 0 });
      expect(provider.gates.publish.eligible).toBe(false);
      expect(provider.published).toBeNull();
      expect(typeof provider.score).toBe('number');

      // Completing roles sets the track's roles from the parsed step data.
      expect((await api.patch('roles', 1, { roles: ['videographer'] })).body).toEqual({ version: 2 });
      const completed = await api.complete('roles');
      expect(completed.status).toBe(200);
      expect(completed.body.tracks[0].roles).toEqual(['videographer']);
      expect(completed.body.tracks[0].steps[0]).toMatchObject({ status: 'complete', version: 3 });
      expect(completed.body.tracks[0].steps[1].status).toBe('due');
    });

    it('autosave: each PATCH answers the next version; If-Match quoted or bare; merge patch removes with null', async () => {
      const { api } = await newProvider();
      expect(await api.patch('profile', 0, { headline: 'Portraits' })).toMatchObject({
        status: 200,
        body: { version: 1 },
      });
      expect(await api.patch('profile', '1', { bio: 'Hello' })).toMatchObject({ status: 200, body: { version: 2 } });
      expect(await api.patch('profile', '"2"', { headline: null, displayName: 'Ada' }, 'provider')).toMatchObject({
        status: 200,
        body: { version: 3 },
      });
      expect(await api.step('provider', 'profile')).toEqual({
        id: 'profile',
        status: 'due',
        data: { bio: 'Hello', displayName: 'Ada' },
        version: 3,
      });
    });

    it('a stale If-Match → 409 version_conflict with the current data, and nothing is written', async () => {
      const { api } = await newProvider();
      await api.patch('profile', 0, { headline: 'First' });
      await api.patch('profile', 1, { headline: 'Second' });
      const stale = await api.patch('profile', 1, { headline: 'Stale', bio: 'Stale bio' });
      expect(stale.status).toBe(409);
      expect(stale.body.error).toMatchObject({
        code: 'version_conflict',
        details: { current: { data: { headline: 'Second' }, version: 2 } },
      });
      const ahead = await api.patch('profile', 7, { headline: 'Future' });
      expect(ahead.status).toBe(409);
      expect(ahead.body.error.details.current.version).toBe(2);
      expect(await api.step('provider', 'profile')).toMatchObject({ data: { headline: 'Second' }, version: 2 });
    });

    it('missing If-Match → 428 precondition_required; a malformed one → 400; nothing written', async () => {
      const { api } = await newProvider();
      const missing = await api.patch('profile', undefined, { headline: 'x' });
      expect(missing.status).toBe(428);
      expect(missing.body.error.code).toBe('precondition_required');
      for (const header of ['abc', 'W/"0"', '"-1"', '1.5', '"0', '99999999999999999999']) {
        const response = await api.patch('profile', header, { headline: 'x' });
        expect(response.status, header).toBe(400);
        expect(response.body.error.code).toBe('invalid_input');
      }
      expect(await api.step('provider', 'profile')).toMatchObject({ data: {}, version: 0 });
    });

    it('two tabs: the second gets 409 with the first one’s data, re-bases, and nothing is lost', async () => {
      const { api } = await newProvider();
      await api.patch('profile', 0, { displayName: 'Ada' });
      // Both tabs loaded version 1.
      let tabA = 1;
      let tabB = 1;
      tabA = (await api.patch('profile', tabA, { headline: 'From tab A' })).body.version;
      tabA = (await api.patch('profile', tabA, { languages: ['en'] })).body.version;
      const conflict = await api.patch('profile', tabB, { bio: 'From tab B' });
      expect(conflict.status).toBe(409);
      const { current } = conflict.body.error.details;
      expect(current).toEqual({ data: { displayName: 'Ada', headline: 'From tab A', languages: ['en'] }, version: 3 });
      // Tab B re-bases its pending edit on the server's version.
      tabB = current.version;
      const rebased = await api.patch('profile', tabB, { bio: 'From tab B' });
      expect(rebased.body).toEqual({ version: 4 });
      // Tab A is now stale in turn.
      expect((await api.patch('profile', tabA, { tags: ['x'] })).status).toBe(409);
      expect(await api.step('provider', 'profile')).toMatchObject({
        data: { displayName: 'Ada', headline: 'From tab A', languages: ['en'], bio: 'From tab B' },
        version: 4,
      });
    });

    it('parallel saves on one version: exactly one wins, the others get 409 with its data', async () => {
      const { api } = await newProvider();
      const answers = await Promise.all(
        Array.from({ length: 6 }, (_, i) => api.patch('profile', 0, { headline: `Tab ${i}` })),
      );
      const won = answers.filter((answer) => answer.status === 200);
      const lost = answers.filter((answer) => answer.status === 409);
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(5);
      const winner = answers.findIndex((answer) => answer.status === 200);
      const stored = await api.step('provider', 'profile');
      expect(stored).toMatchObject({ data: { headline: `Tab ${winner}` }, version: 1 });
      for (const answer of lost) expect(answer.body.error.details.current.version).toBeLessThanOrEqual(1);
    });

    it('resume on a second session (new sign-in): same drafts and versions', async () => {
      const { api, email } = await newProvider();
      await api.patch('profile', 0, { headline: 'Saved on the laptop', city: { name: 'Berlin', country: 'DE' } });
      const before = await api.overview();
      const signIn = await server.request('/auth/sign-in', { json: { email, password: GOOD_PASSWORD } });
      const phone = onboardingClient(server, sessionTokenOf(signIn)!);
      const after = await phone.overview();
      expect(after.status).toBe(200);
      expect(after.body).toEqual(before.body);
      expect(await phone.patch('profile', 1, { bio: 'Typed on the phone' })).toMatchObject({
        status: 200,
        body: { version: 2 },
      });
      expect(await api.step('provider', 'profile')).toMatchObject({
        data: { headline: 'Saved on the laptop', bio: 'Typed on the phone' },
        version: 2,
      });
    });

    it('completing stores the parsed (normalised) data; an edit keeps it complete only while it still passes in full', async () => {
      const { api } = await newProvider();
      const completed = await api.fill('provider', 'profile', {
        ...PROVIDER_DATA.profile,
        headline: '  Portraits  ',
        languages: ['EN', 'de'],
      });
      const profile = completed.body.tracks[0].steps[1];
      expect(profile).toMatchObject({
        status: 'complete',
        version: 2,
        data: { headline: 'Portraits', languages: ['en', 'de'] },
      });
      expect(completed.body.tracks[0].steps[2].status).toBe('due');

      expect((await api.patch('profile', 2, { headline: 'Still valid' })).status).toBe(200);
      expect(await api.step('provider', 'profile')).toMatchObject({
        status: 'complete',
        version: 3,
        data: { headline: 'Still valid' },
      });

      expect((await api.patch('profile', 3, { bio: null })).status).toBe(200);
      const due = await api.overview();
      expect(due.body.tracks[0].steps[1]).toMatchObject({ status: 'due', version: 4 });
      expect(due.body.tracks[0].steps[1].data).not.toHaveProperty('bio');
      // The steps after it lock again until it is complete.
      expect(due.body.tracks[0].steps[3].status).toBe('locked');
    });

    it('dropping a track keeps its data; choosing it again brings it back', async () => {
      const { api } = await newProvider();
      await api.patch('profile', 0, { headline: 'Keep me' });
      const hostOnly = await api.setTracks({ tracks: ['host'] });
      expect(hostOnly.body.tracks.map((track: { id: string }) => track.id)).toEqual(['host']);
      expect((await api.patch('profile', 1, { bio: 'x' })).status).toBe(404);
      const again = await api.setTracks({ tracks: ['provider', 'host'] });
      const provider = again.body.tracks.find((track: { id: string }) => track.id === 'provider');
      expect(provider.roles).toEqual(['photographer', 'model']);
      expect(provider.steps[0].status).toBe('complete');
      expect(provider.steps[1]).toMatchObject({ data: { headline: 'Keep me' }, version: 1 });
    });

    it('the core client speaks the contract: answers parse with the shared schemas, conflicts carry the current data', async () => {
      const token = await createVerifiedUser(server, 'client@example.com');
      const client = createFoyerClient({
        baseUrl: server.url,
        fetch: (input, init) =>
          fetch(input, {
            ...init,
            headers: { ...(init?.headers as Record<string, string>), cookie: `foyer_session=${token}` },
          }),
      });
      const overview = await client.setTracks({ tracks: ['provider', 'host'], roles: ['stylist'] });
      expect(onboardingOverviewSchema.safeParse(overview).success).toBe(true);
      expect(
        await client.saveStepDraft({ track: 'host', step: 'studio', version: 0, patch: { name: 'Atelier' } }),
      ).toEqual({ version: 1 });
      const conflict = await client
        .saveStepDraft({ track: 'host', step: 'studio', version: 0, patch: { name: 'Other' } })
        .catch((error: unknown) => error);
      expect(conflict).toBeInstanceOf(FoyerError);
      expect(conflict).toMatchObject({
        code: 'version_conflict',
        status: 409,
        details: { current: { data: { name: 'Atelier' }, version: 1 } },
      });
      const completed = await client.completeStep({ track: 'provider', step: 'roles' });
      expect(completed.tracks[0]?.steps[0]).toMatchObject({ status: 'complete', data: { roles: ['stylist'] } });
      expect(instantBookResponseSchema.safeParse(await client.getInstantBook()).success).toBe(true);
      await expect(client.publish({ track: 'host' })).rejects.toMatchObject({
        code: 'publish_blocked',
        details: { reasons: expect.any(Array) },
      });
      await expect(client.unpublish({ track: 'host' })).resolves.toBeUndefined();
    });

    it('another person never sees or touches my drafts', async () => {
      const { api: alice } = await newProvider();
      await alice.patch('profile', 0, { headline: 'Alice private draft' });
      await alice.patch('profile', 1, { bio: 'Alice bio' });

      const bob = onboardingClient(server, await createVerifiedUser(server, 'bob@example.com'));
      const empty = await bob.overview();
      expect(empty.body.tracks).toEqual([]);
      expect(empty.text).not.toContain('Alice');
      await bob.setTracks({ tracks: ['provider'], roles: ['model'] });
      await bob.complete('roles');
      const bobView = await bob.overview();
      expect(bobView.text).not.toContain('Alice');
      expect(bobView.body.tracks[0].steps[1]).toMatchObject({ data: {}, version: 0 });
      // Bob's version 0 is his own; Alice's version 2 means nothing to him.
      expect((await bob.patch('profile', 2, { headline: 'Bob' })).status).toBe(409);
      expect((await bob.patch('profile', 0, { headline: 'Bob' })).status).toBe(200);
      expect(await alice.step('provider', 'profile')).toMatchObject({
        data: { headline: 'Alice private draft', bio: 'Alice bio' },
        version: 2,
      });
    });
  });
}
