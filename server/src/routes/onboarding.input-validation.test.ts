/**
 * Bad input to the onboarding and profile routes is a 4xx in the one error shape, never a 500:
 * wrong types, oversize fields, invalid links, currencies and time zones, non-object and oversize
 * bodies, malformed JSON, unknown tracks and roles. HTML in text is stored as text and comes back
 * as JSON data. Every route needs a session.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../test-support/dialects.js';
import {
  ONBOARDING_SERVER_OPTIONS,
  onboardingClient,
  PROVIDER_DATA,
  studioData,
  type OnboardingTestClient,
} from '../test-support/onboarding.js';
import { createVerifiedUser, startTestServer, type TestServer } from '../test-support/test-server.js';

const ROUTES = [
  ['GET', '/onboarding'],
  ['PUT', '/onboarding/tracks'],
  ['PATCH', '/onboarding/steps/profile'],
  ['POST', '/onboarding/steps/profile/complete'],
  ['POST', '/profiles/me/publish'],
  ['POST', '/profiles/me/unpublish'],
  ['GET', '/profiles/me/instant-book'],
] as const;

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.available)(`onboarding input validation [${dialect.name}]`, () => {
    let server: TestServer;
    /** Provider (photographer) with roles complete, and host with the studio complete. */
    let api: OnboardingTestClient;
    beforeAll(async () => {
      server = await startTestServer(dialect, ONBOARDING_SERVER_OPTIONS);
      api = onboardingClient(server, await createVerifiedUser(server, 'validation@example.com'));
      await api.setTracks({ tracks: ['provider', 'host'], roles: ['photographer'] });
      await api.complete('roles');
      await api.fill('host', 'studio', studioData('validation-studio'));
    });
    afterAll(async () => {
      await server?.close();
    });

    /** PATCHes at the current version and expects `400 invalid_input` with exactly these field keys; nothing written. */
    async function expectRefused(step: string, track: string, patch: unknown, fields: string[]) {
      const before = await api.step(track, step);
      const response = await api.patch(step, before.version, patch, track);
      expect(response.status, JSON.stringify(patch).slice(0, 80)).toBe(400);
      expect(response.body.error.code).toBe('invalid_input');
      expect(Object.keys(response.body.error.fields).sort()).toEqual(fields.sort());
      expect(await api.step(track, step)).toEqual(before);
      return response;
    }

    it.each(ROUTES)('%s %s without a session (or with a bogus one) → 401 unauthenticated', async (method, path) => {
      for (const session of [null, 'bogus-token']) {
        const response = await server.request(path, {
          method,
          session,
          ...(method === 'GET' || path.endsWith('/complete')
            ? {}
            : { json: { track: 'provider', tracks: ['provider'] } }),
          headers: { 'if-match': '"0"' },
        });
        expect(response.status).toBe(401);
        expect(response.body).toEqual({ error: { code: 'unauthenticated', message: expect.any(String) } });
      }
    });

    it('wrong types → 400 with the field', async () => {
      await expectRefused('profile', 'provider', { headline: 42 }, ['headline']);
      await expectRefused('profile', 'provider', { languages: 'en', city: { name: 'Berlin', country: 7 } }, [
        'languages',
        'city.country',
      ]);
      await expectRefused('studio', 'host', { capacity: '12', amenities: ['hot_tub'] }, ['capacity', 'amenities.0']);
      await expectRefused('studio', 'host', { capacity: 1.5 }, ['capacity']);
    });

    it('malformed country codes are refused, never a 500 (Intl.DisplayNames throws on them)', async () => {
      for (const country of ['', '1', 'de', 'DEU', 'ZZ']) {
        await expectRefused('profile', 'provider', { city: { name: 'Berlin', country } }, ['city.country']);
      }
    });

    it('oversize fields: a headline of 81 characters is refused, 80 pass; a bio of 2,001 is refused', async () => {
      await expectRefused('profile', 'provider', { headline: 'h'.repeat(81) }, ['headline']);
      await expectRefused('profile', 'provider', { bio: 'b'.repeat(2001) }, ['bio']);
      await expectRefused('profile', 'provider', { tags: Array.from({ length: 21 }, (_, i) => `tag${i}`) }, ['tags']);
      const { version } = await api.step('provider', 'profile');
      expect((await api.patch('profile', version, { headline: 'h'.repeat(80) }, 'provider')).status).toBe(200);
    });

    it('</script> and other HTML in text are stored as text and come back as JSON data', async () => {
      const evil = '</script><script>alert(1)</script><img src=x onerror=alert(2)>';
      const { version } = await api.step('provider', 'profile');
      const saved = await api.patch('profile', version, { bio: evil, headline: '"quotes" & <b>' }, 'provider');
      expect(saved.status).toBe(200);
      const overview = await api.overview();
      expect(overview.headers.get('content-type')).toMatch(/^application\/json/);
      expect((await api.step('provider', 'profile')).data).toMatchObject({ bio: evil, headline: '"quotes" & <b>' });
      // Refusals never echo the input.
      const refused = await api.patch('profile', version + 1, { links: [`javascript:${evil}`] }, 'provider');
      expect(refused.status).toBe(400);
      expect(refused.text).not.toContain('<script>');
      expect(refused.text).not.toContain('alert(1)');
    });

    it('links must be http(s): javascript:, data: and others are refused', async () => {
      for (const link of [
        'javascript:alert(1)',
        'data:text/html,<script>alert(1)</script>',
        'ftp://example.com/x',
        'example.com',
        'https://',
      ]) {
        await expectRefused('profile', 'provider', { links: ['https://ok.example.com', link] }, ['links.1']);
      }
      await expectRefused('profile', 'provider', { displayName: 'Evil\u202Eeman' }, ['displayName']);
    });

    it('invalid currencies and time zones are refused', async () => {
      for (const currency of ['EURO', 'eur', 'XYZ', '', 42]) {
        await expectRefused('studio', 'host', { deposit: { amount: 100, currency } }, ['deposit.currency']);
      }
      await expectRefused('studio', 'host', { deposit: { amount: -1, currency: 'EUR' } }, ['deposit.amount']);
      await expectRefused('studio', 'host', { deposit: { amount: 10.5, currency: 'EUR' } }, ['deposit.amount']);
      for (const timeZone of ['Mars/Olympus_Mons', 'Europe/Berlin; DROP TABLE', '', 'x'.repeat(65)]) {
        await expectRefused('availability', 'host', { timeZone }, ['timeZone']);
      }
      await expectRefused('availability', 'host', { weekly: [{ day: 8, start: '09:00', end: '25:00' }] }, [
        'weekly.0.day',
        'weekly.0.end',
      ]);
      const { version } = await api.step('host', 'availability');
      expect((await api.patch('availability', version, { timeZone: 'America/Los_Angeles' }, 'host')).status).toBe(200);
    });

    it('non-object, array, empty, malformed and oversize bodies → 400 invalid_input (fields.body); other media types → 415', async () => {
      const { version } = await api.step('provider', 'profile');
      const send = (body: string | undefined, contentType = 'application/json') =>
        server.request('/onboarding/steps/profile?track=provider', {
          method: 'PATCH',
          session: api.session,
          ...(body === undefined ? {} : { body }),
          headers: { 'if-match': `"${version}"`, ...(body === undefined ? {} : { 'content-type': contentType }) },
        });
      for (const body of [
        undefined,
        '',
        'null',
        '42',
        '"text"',
        'true',
        '[]',
        '[{"headline":"x"}]',
        '{"headline": ',
        '{headline: 1}',
      ]) {
        const response = await send(body);
        expect(response.status, String(body)).toBe(400);
        expect(response.body.error.code).toBe('invalid_input');
        expect(response.body.error.fields).toHaveProperty('body');
      }
      const big = await send(JSON.stringify({ bio: 'x'.repeat(65 * 1024) }));
      expect(big.status).toBe(400);
      expect(big.body.error.fields).toHaveProperty('body');
      expect((await send(JSON.stringify({ headline: 'x' }), 'text/plain')).status).toBe(415);
      expect(await api.step('provider', 'profile')).toMatchObject({ version });
    });

    it('a draft cannot grow past 64 KiB patch by patch', async () => {
      let { version } = await api.step('provider', 'profile');
      const first = await api.patch('profile', version, { padding1: 'x'.repeat(50 * 1024) }, 'provider');
      expect(first.status).toBe(200);
      version = first.body.version;
      const second = await api.patch('profile', version, { padding2: 'x'.repeat(20 * 1024) }, 'provider');
      expect(second.status).toBe(400);
      expect(second.body.error.fields).toHaveProperty('body');
      expect((await api.patch('profile', version, { padding1: null }, 'provider')).status).toBe(200);
    });

    it('PUT /onboarding/tracks: unknown tracks and roles, empty or wrong shapes → 400 with fields', async () => {
      const cases: [unknown, string[]][] = [
        [{ tracks: ['guest'] }, ['tracks.0']],
        [{ tracks: ['provider', 'Host'] }, ['tracks.1']],
        [{ tracks: [] }, ['tracks']],
        [{}, ['tracks']],
        [{ tracks: 'provider' }, ['tracks']],
        [{ tracks: ['provider'], roles: ['astronaut'] }, ['roles.0']],
        [{ tracks: ['host'], roles: ['photographer'] }, ['roles.0']],
        [{ tracks: ['provider'], roles: 'model' }, ['roles']],
      ];
      const before = await api.overview();
      for (const [body, fields] of cases) {
        const response = await api.setTracks(body);
        expect(response.status, JSON.stringify(body)).toBe(400);
        expect(Object.keys(response.body.error.fields).sort()).toEqual(fields);
      }
      expect((await api.overview()).body).toEqual(before.body);
    });

    it('publish and unpublish: unknown or missing tracks → 404 / 400', async () => {
      expect((await api.publish('guest')).status).toBe(404);
      expect((await api.unpublish('guest')).status).toBe(404);
      expect((await api.publish('PROVIDER')).status).toBe(400);
      const empty = await server.request('/profiles/me/publish', { session: api.session, json: {} });
      expect(empty.status).toBe(400);
      expect(empty.body.error.fields).toHaveProperty('track');
      const array = await server.request('/profiles/me/publish', { session: api.session, json: ['provider'] });
      expect(array.status).toBe(400);
    });

    it('step data that is valid but incomplete is accepted as a draft, refused on completion', async () => {
      const { version } = await api.step('provider', 'profile');
      expect(
        (await api.patch('profile', version, { ...PROVIDER_DATA.profile, bio: null, displayName: null }, 'provider'))
          .status,
      ).toBe(200);
      const refused = await api.complete('profile', 'provider');
      expect(refused.status).toBe(422);
      expect(Object.keys(refused.body.error.fields).sort()).toEqual(['bio', 'displayName']);
    });
  });
}
