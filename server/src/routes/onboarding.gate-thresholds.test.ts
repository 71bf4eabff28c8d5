/**
 * The server enforces core's gates at their exact thresholds over HTTP (the browser shows the same
 * numbers, the server re-checks): `POST /profiles/me/publish` refuses a provider at 59 with
 * `409 publish_blocked` (score_too_low) and publishes at 60 and 61; `GET /profiles/me/instant-book`
 * says not eligible at 84 and eligible at 85 and 86. Each person's score, as the server computes
 * it, is asserted before the gate.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creativeMarketplace } from '@foyer/core';
import { writeSlotData } from '../onboarding/step-writes.js';
import { DIALECTS } from '../test-support/dialects.js';
import { ONBOARDING_SERVER_OPTIONS, onboardingClient, PROVIDER_DATA } from '../test-support/onboarding.js';
import { createVerifiedUser, startTestServer, type TestServer } from '../test-support/test-server.js';

const { avatarMediaId: _avatar, tags: _tags, links: _links, ...PROFILE_REQUIRED } = PROVIDER_DATA.profile;
const { tags: _droppedTags, ...PROFILE_WITHOUT_TAGS } = PROVIDER_DATA.profile;

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.available)(`gate thresholds over HTTP [${dialect.name}]`, () => {
    let server: TestServer;
    let userCount = 0;
    beforeAll(async () => {
      server = await startTestServer(dialect, ONBOARDING_SERVER_OPTIONS);
    });
    afterAll(async () => {
      await server?.close();
    });

    /**
     * A provider (photographer + model) with every required step filled: the given profile and
     * packages, the fixtures' availability and policies; then the slots a plug-in would write.
     */
    async function provider(setup: {
      profile: Record<string, unknown>;
      packages: Record<string, unknown>;
      verification?: string;
      photographerImages?: number;
    }) {
      const token = await createVerifiedUser(server, `gate${++userCount}@example.com`);
      const userId = (await server.request('/auth/session', { session: token })).body.user.id as string;
      const api = onboardingClient(server, token);
      expect((await api.setTracks({ tracks: ['provider'], roles: ['photographer', 'model'] })).status).toBe(200);
      expect((await api.complete('roles')).status).toBe(200);
      await api.fill('provider', 'profile', setup.profile);
      await api.fill('provider', 'packages', setup.packages);
      await api.fill('provider', 'availability', PROVIDER_DATA.availability);
      await api.fill('provider', 'policies', PROVIDER_DATA.policies);
      const now = server.clock.now();
      if (setup.verification) {
        await writeSlotData(server.foyer.db, creativeMarketplace, {
          userId,
          track: 'provider',
          step: 'verification',
          data: { status: setup.verification },
          now,
        });
      }
      if (setup.photographerImages) {
        const images = Array.from({ length: setup.photographerImages }, (_, i) => ({
          id: `img-${i}`,
          role: 'photographer',
          status: 'approved',
        }));
        await writeSlotData(server.foyer.db, creativeMarketplace, {
          userId,
          track: 'provider',
          step: 'portfolio',
          data: { images },
          now,
        });
      }
      const overview = await api.overview();
      return { api, score: overview.body.tracks[0].score as number };
    }

    /** Every required step, thin: no avatar, tags or links, one of two roles priced: 55.5 points. */
    const thin = (extras: Record<string, unknown>, verification?: string) =>
      provider({
        profile: { ...PROFILE_REQUIRED, ...extras },
        packages: { packages: [PROVIDER_DATA.packages.packages[0]] },
        verification,
      });

    it('publish: 59 → 409 publish_blocked (score_too_low); 60 and 61 → 200', async () => {
      const [at59, at60, at61] = await Promise.all([
        thin({ tags: PROVIDER_DATA.profile.tags, links: PROVIDER_DATA.profile.links }),
        thin({ avatarMediaId: PROVIDER_DATA.profile.avatarMediaId }),
        thin({ tags: PROVIDER_DATA.profile.tags }, 'pending'),
      ]);
      expect([at59.score, at60.score, at61.score]).toEqual([59, 60, 61]);

      const refused = await at59.api.publish('provider');
      expect([refused.status, refused.body.error.code]).toEqual([409, 'publish_blocked']);
      expect(refused.body.error.details.reasons).toEqual([
        expect.objectContaining({ code: 'score_too_low', message: 'Your profile is 59% complete; 60% is needed.' }),
      ]);
      expect((await at59.api.overview()).body.tracks[0].published).toBeNull();

      for (const published of [at60, at61]) {
        const answer = await published.api.publish('provider');
        expect(answer.status).toBe(200);
        expect(answer.body.publishedAt).toBe(server.clock.now().toISOString());
      }
    });

    it('instant book: 84 → not eligible (score_too_low); 85 and 86 → eligible', async () => {
      const [at84, at85, at86] = await Promise.all([
        provider({
          profile: PROFILE_WITHOUT_TAGS,
          packages: PROVIDER_DATA.packages,
          verification: 'verified',
          photographerImages: 4,
        }),
        provider({
          profile: PROVIDER_DATA.profile,
          packages: PROVIDER_DATA.packages,
          verification: 'verified',
          photographerImages: 3,
        }),
        provider({
          profile: PROFILE_WITHOUT_TAGS,
          packages: PROVIDER_DATA.packages,
          verification: 'verified',
          photographerImages: 5,
        }),
      ]);
      expect([at84.score, at85.score, at86.score]).toEqual([84, 85, 86]);

      const refused = await at84.api.instantBook();
      expect(refused.status).toBe(200);
      expect(refused.body).toEqual({
        tracks: {
          provider: {
            eligible: false,
            reasons: [
              expect.objectContaining({
                code: 'score_too_low',
                message: 'Your profile is 84% complete; 85% is needed.',
              }),
            ],
          },
        },
      });
      for (const eligible of [at85, at86]) {
        const answer = await eligible.api.instantBook();
        expect(answer.body).toEqual({ tracks: { provider: { eligible: true, reasons: [] } } });
      }
    });
  });
}
