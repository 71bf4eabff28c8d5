/**
 * Gating, completion and publishing over HTTP: locked steps refuse writes, completion validates in
 * full (422 with fields), slots are left to plug-ins, slugs are unique case-insensitively (also
 * under parallel completion), publishing is refused with every reason until the server's own
 * score and gates allow it, unpublishing, and Instant Book eligibility.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creativeMarketplace } from '@foyer/core';
import { claimSlug, isSlugTakenError } from '../db/repositories/public-profiles.js';
import { writeSlotData } from '../onboarding/step-writes.js';
import { DIALECTS } from '../test-support/dialects.js';
import {
  ONBOARDING_SERVER_OPTIONS,
  onboardingClient,
  PROVIDER_DATA,
  studioData,
  type OnboardingTestClient,
} from '../test-support/onboarding.js';
import { createVerifiedUser, startTestServer, type TestServer } from '../test-support/test-server.js';

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.available)(`onboarding gating and publishing [${dialect.name}]`, () => {
    let server: TestServer;
    let userCount = 0;
    beforeAll(async () => {
      server = await startTestServer(dialect, { ...ONBOARDING_SERVER_OPTIONS, publicUrl: 'https://foyer.example/id' });
    });
    afterAll(async () => {
      await server?.close();
    });

    async function newUser(tracks: string[], roles?: string[]): Promise<{ api: OnboardingTestClient; userId: string }> {
      const token = await createVerifiedUser(server, `gating${++userCount}@example.com`);
      const session = await server.request('/auth/session', { session: token });
      const api = onboardingClient(server, token);
      expect((await api.setTracks(roles ? { tracks, roles } : { tracks })).status).toBe(200);
      return { api, userId: session.body.user.id };
    }

    const reasonCodes = (reasons: { code: string; step?: string }[]) =>
      reasons.map((reason) => `${reason.code}${reason.step ? `:${reason.step}` : ''}`);

    it('a locked step refuses PATCH and complete with 409 step_locked, and nothing is written', async () => {
      const { api } = await newUser(['provider'], ['photographer']);
      for (const step of ['profile', 'packages', 'availability', 'policies']) {
        const patch = await api.patch(step, 0, { headline: 'x' });
        expect(patch.status, step).toBe(409);
        expect(patch.body.error.code).toBe('step_locked');
        const complete = await api.complete(step);
        expect(complete.status, step).toBe(409);
        expect(complete.body.error.code).toBe('step_locked');
      }
      const overview = await api.overview();
      expect(overview.body.tracks[0].steps.slice(1).every((step: { version: number }) => step.version === 0)).toBe(
        true,
      );
      // Going back is always allowed: the roles step stays editable after completion.
      await api.complete('roles');
      expect((await api.patch('roles', 2, { roles: ['photographer', 'model'] })).status).toBe(200);
    });

    it('complete with invalid data → 422 step_invalid with fields; the draft and version stay', async () => {
      const { api } = await newUser(['provider'], ['photographer']);
      await api.complete('roles');
      await api.patch('profile', 0, { headline: 'Only a headline' });
      const invalid = await api.complete('profile');
      expect(invalid.status).toBe(422);
      expect(invalid.body.error.code).toBe('step_invalid');
      expect(Object.keys(invalid.body.error.fields).sort()).toEqual(['bio', 'city', 'displayName', 'languages']);
      expect(await api.step('provider', 'profile')).toMatchObject({
        status: 'due',
        data: { headline: 'Only a headline' },
        version: 1,
      });
    });

    it('slot steps are filled by plug-ins: the wizard cannot write or complete them', async () => {
      const { api, userId } = await newUser(['host']);
      for (const step of ['photos', 'verification']) {
        const patch = await api.patch(step, 0, { status: 'verified' });
        expect(patch.status, step).toBe(400);
        expect(patch.body.error.fields).toHaveProperty('step');
        expect((await api.complete(step)).status).toBe(400);
      }
      const overview = await api.overview();
      expect(overview.body.identityVerified).toBe(false);
      // A plug-in writes through the server.
      await writeSlotData(server.foyer.db, creativeMarketplace, {
        userId,
        track: 'host',
        step: 'verification',
        data: { status: 'verified' },
        now: new Date(),
      });
      const verified = await api.overview();
      expect(verified.body.identityVerified).toBe(true);
      // Still shown locked (behind the incomplete required steps), but filled.
      expect(verified.body.tracks[0].steps.find((step: { id: string }) => step.id === 'verification')).toMatchObject({
        data: { status: 'verified' },
        version: 1,
      });
    });

    it('the step is resolved by ?track= when it is on several tracks; unknown steps and tracks → 404', async () => {
      const { api } = await newUser(['provider', 'host'], ['model']);
      const ambiguous = await api.patch('policies', 0, { cancellation: 'strict' });
      expect(ambiguous.status).toBe(400);
      expect(ambiguous.body.error.fields).toHaveProperty('track');
      expect((await api.complete('policies')).status).toBe(400);
      expect((await api.patch('policies', 0, { cancellation: 'strict' }, 'provider')).body.error.code).toBe(
        'step_locked',
      );
      expect((await api.patch('studio', 0, { name: 'Studio' })).status).toBe(200);
      for (const [step, track] of [
        ['nope', undefined],
        ['studio', 'provider'],
        ['profile', 'guest'],
        ['profile', 'Provider'],
        ['STUDIO', undefined],
        ['%3Cscript%3E', undefined],
      ] as const) {
        const patch = await api.patch(step, 0, { name: 'x' }, track);
        expect(patch.status, `${step}?${track}`).toBe(404);
        expect(patch.body.error.code).toBe('not_found');
        expect((await api.complete(step, track)).status).toBe(404);
      }
      const emptyTrack = await server.request('/onboarding/steps/studio?track=', {
        method: 'PATCH',
        session: api.session,
        json: { name: 'x' },
        headers: { 'if-match': '"1"' },
      });
      expect(emptyTrack.status).toBe(404);
      const hostOnly = await newUser(['host']);
      expect((await hostOnly.api.patch('profile', 0, { headline: 'x' })).status).toBe(404);
      expect((await hostOnly.api.patch('profile', 0, { headline: 'x' }, 'provider')).status).toBe(404);
    });

    it('slugs are unique case-insensitively across hosts; changing a completed slug re-opens the step', async () => {
      const first = await newUser(['host']);
      const completed = await first.api.fill('host', 'studio', studioData('  Lichthof '));
      expect(completed.body.tracks[0].steps[0]).toMatchObject({ status: 'complete', data: { slug: 'lichthof' } });

      const second = await newUser(['host']);
      await second.api.patch('studio', 0, studioData('LICHTHOF'));
      const taken = await second.api.complete('studio');
      expect(taken.status).toBe(409);
      expect(taken.body.error.code).toBe('slug_taken');
      expect(taken.body.error.fields).toHaveProperty('slug');
      expect(await second.api.step('host', 'studio')).toMatchObject({ status: 'due', version: 1 });

      // The first host renames: the step is due until completed again, which frees the old slug.
      expect((await first.api.patch('studio', 2, { slug: 'lichthof-berlin' })).status).toBe(200);
      expect(await first.api.step('host', 'studio')).toMatchObject({ status: 'due', version: 3 });
      expect((await first.api.complete('studio')).status).toBe(200);
      expect((await second.api.complete('studio')).status).toBe(200);
      expect(await second.api.step('host', 'studio')).toMatchObject({ status: 'complete', data: { slug: 'lichthof' } });
      // An edit that keeps the slug keeps the step complete.
      expect((await second.api.patch('studio', 2, { name: 'Lichthof Zwei' })).status).toBe(200);
      expect((await second.api.step('host', 'studio')).status).toBe('complete');
    });

    it('two parallel completions with the same slug: exactly one wins', async () => {
      const hosts = await Promise.all([newUser(['host']), newUser(['host']), newUser(['host'])]);
      await Promise.all(
        hosts.map(({ api }, i) =>
          api.patch('studio', 0, studioData(i === 0 ? 'same-studio' : i === 1 ? 'Same-Studio' : 'SAME-STUDIO')),
        ),
      );
      const answers = await Promise.all(hosts.map(({ api }) => api.complete('studio')));
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409, 409]);
      for (const answer of answers.filter((a) => a.status === 409)) expect(answer.body.error.code).toBe('slug_taken');
      const statuses = await Promise.all(hosts.map(({ api }) => api.step('host', 'studio')));
      expect(statuses.filter((step) => step.status === 'complete')).toHaveLength(1);
    });

    it('the unique index itself refuses a second claim of a slug in another case (the race backstop)', async () => {
      const [a, b] = await Promise.all([newUser(['host']), newUser(['host'])]);
      const now = server.clock.now().toISOString();
      await claimSlug(server.foyer.db, { userId: a.userId, track: 'host', slug: 'Backstop-Studio', now });
      const error = await claimSlug(server.foyer.db, {
        userId: b.userId,
        track: 'host',
        slug: 'backstop-studio',
        now,
      }).catch((caught: unknown) => caught);
      expect(isSlugTakenError(error)).toBe(true);
      expect(isSlugTakenError(new Error('other'))).toBe(false);
    });

    it('publish: refused with every reason, then allowed once the server’s score and gates say so', async () => {
      const { api, userId } = await newUser(['provider'], ['photographer', 'model']);
      const blocked = await api.publish('provider');
      expect(blocked.status).toBe(409);
      expect(blocked.body.error.code).toBe('publish_blocked');
      expect(reasonCodes(blocked.body.error.details.reasons)).toEqual([
        'step_incomplete:roles',
        'step_incomplete:profile',
        'step_incomplete:packages',
        'step_incomplete:availability',
        'step_incomplete:policies',
        expect.stringMatching(/^score_too_low/),
      ]);

      // Every required step, but thin: no avatar, tags or links, and a package for one role only.
      await api.complete('roles');
      const { avatarMediaId: _avatar, tags: _tags, links: _links, ...thinProfile } = PROVIDER_DATA.profile;
      await api.fill('provider', 'profile', thinProfile);
      await api.fill('provider', 'packages', { packages: [PROVIDER_DATA.packages.packages[0]] });
      await api.fill('provider', 'availability', PROVIDER_DATA.availability);
      const thin = await api.fill('provider', 'policies', PROVIDER_DATA.policies);
      const track = thin.body.tracks[0];
      expect(track.score).toBeLessThan(60);
      expect(track.gates.publish).toEqual({
        eligible: false,
        reasons: [expect.objectContaining({ code: 'score_too_low' })],
      });
      const stillBlocked = await api.publish('provider');
      expect(stillBlocked.status).toBe(409);
      expect(reasonCodes(stillBlocked.body.error.details.reasons)).toEqual([expect.stringMatching(/^score_too_low/)]);
      expect(stillBlocked.body.error.details.reasons).toEqual(track.gates.publish.reasons);

      // A package for the second role lifts the score over 60.
      const enough = await api.fill('provider', 'packages', PROVIDER_DATA.packages);
      expect(enough.body.tracks[0].score).toBeGreaterThanOrEqual(60);
      expect(enough.body.tracks[0].gates.publish).toEqual({ eligible: true, reasons: [] });
      const richer = await api.fill('provider', 'profile', PROVIDER_DATA.profile);
      expect(richer.body.tracks[0].score).toBeGreaterThan(enough.body.tracks[0].score);

      const published = await api.publish('provider');
      expect(published.status).toBe(200);
      expect(published.body).toEqual({
        url: `https://foyer.example/id/p/provider/${userId}`,
        publishedAt: server.clock.now().toISOString(),
      });
      const overview = await api.overview();
      expect(overview.body.tracks[0].published).toEqual(published.body);

      // Publishing again keeps the first date.
      server.clock.advance(60_000);
      expect((await api.publish('provider')).body.publishedAt).toBe(published.body.publishedAt);

      expect((await api.unpublish('provider')).status).toBe(204);
      expect((await api.overview()).body.tracks[0].published).toBeNull();
      expect((await api.unpublish('provider')).status).toBe(204);
      const republished = await api.publish('provider');
      expect(republished.body.publishedAt).toBe(server.clock.now().toISOString());
    });

    it('a host publishes at its slug; dropping the track takes the page down', async () => {
      const { api } = await newUser(['host']);
      await api.fill('host', 'studio', studioData('Hof-Studio'));
      await api.fill('host', 'availability', PROVIDER_DATA.availability);
      await api.fill('host', 'policies', PROVIDER_DATA.policies);
      const published = await api.publish('host');
      expect(published.status).toBe(200);
      expect(published.body.url).toBe('https://foyer.example/id/p/hof-studio');
      await api.setTracks({ tracks: ['provider'] });
      expect((await api.publish('host')).status).toBe(404);
      const back = await api.setTracks({ tracks: ['provider', 'host'] });
      expect(back.body.tracks.find((track: { id: string }) => track.id === 'host').published).toBeNull();
    });

    it('instant book: eligibility and reasons per track, computed by the server', async () => {
      const { api, userId } = await newUser(['provider'], ['photographer', 'model']);
      const before = await api.instantBook();
      expect(before.status).toBe(200);
      expect(before.body.tracks.provider.eligible).toBe(false);
      expect(reasonCodes(before.body.tracks.provider.reasons)).toEqual([
        expect.stringMatching(/^score_too_low/),
        'identity_not_verified:verification',
        'not_enough_availability:availability',
        'field_missing:policies',
      ]);

      await api.complete('roles');
      for (const step of ['profile', 'packages', 'availability', 'policies'] as const)
        await api.fill('provider', step, PROVIDER_DATA[step]);
      const now = server.clock.now();
      await writeSlotData(server.foyer.db, creativeMarketplace, {
        userId,
        track: 'provider',
        step: 'verification',
        data: { status: 'verified', documentId: 'doc_1' },
        now,
      });
      const missingPortfolio = await api.instantBook();
      expect(reasonCodes(missingPortfolio.body.tracks.provider.reasons)).toEqual([
        expect.stringMatching(/^score_too_low/),
      ]);

      const images = ['photographer', 'model'].flatMap((role) =>
        Array.from({ length: 6 }, (_, i) => ({ id: `${role}-${i}`, role, status: 'approved' })),
      );
      await writeSlotData(server.foyer.db, creativeMarketplace, {
        userId,
        track: 'provider',
        step: 'portfolio',
        data: { images },
        now,
      });
      const eligible = await api.instantBook();
      expect(eligible.body).toEqual({ tracks: { provider: { eligible: true, reasons: [] } } });
      expect((await api.overview()).body.tracks[0].score).toBe(100);
    });
  });
}
