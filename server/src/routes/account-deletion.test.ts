/**
 * Data export and account deletion (GDPR Art. 15, 17 and 20; OWASP ASVS 4.0.3 V8.3.2 "users can
 * export and delete their data", V3.7.1 re-authentication before sensitive operations): the export
 * holds the user's data and nobody else's, and never a password, token or code hash; starting a
 * deletion needs a fresh step-up; the confirm token is single use, expires in 15 minutes and works
 * only for its own account; after deletion the account cannot sign in, old sessions are dead,
 * onboarding rows are gone and the audit trail is anonymised behind a tombstone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../test-support/dialects.js';
import { addVerifiedPhone, stepUp } from '../test-support/phone.js';
import { ONBOARDING_SERVER_OPTIONS, onboardingClient } from '../test-support/onboarding.js';
import { GOOD_PASSWORD, createVerifiedUser, startTestServer, type TestServer } from '../test-support/test-server.js';
import { hashToken } from '../security/tokens.js';

/** Every key anywhere in a JSON value. */
function keysOf(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) keysOf(item, into);
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      into.push(key);
      keysOf(inner, into);
    }
  }
  return into;
}

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.available)(`account export and deletion [${dialect.name}]`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer(dialect, { ...ONBOARDING_SERVER_OPTIONS, phone: { countries: ['US'] } });
    });
    afterAll(async () => {
      await server?.close();
    });

    /** A user with onboarding data, a phone and a public profile row. */
    async function richUser(email: string, phone: string): Promise<{ session: string; id: string }> {
      const session = await createVerifiedUser(server, email);
      const api = onboardingClient(server, session);
      expect((await api.setTracks({ tracks: ['provider'], roles: ['photographer'] })).status).toBe(200);
      await api.fill('provider', 'roles', { roles: ['photographer'] });
      const { version } = await api.step('provider', 'profile');
      expect((await api.patch('profile', version, { headline: `Headline of ${email}` }, 'provider')).status).toBe(200);
      await addVerifiedPhone(server, session, phone);
      const id = (await server.request('/auth/session', { session })).body.user.id as string;
      const now = server.clock.now().toISOString();
      await server.foyer.db
        .insertInto('public_profiles')
        .values({
          user_id: id,
          track: 'provider',
          slug: email.split('@')[0]!,
          url: null,
          published_at: now,
          unpublished_at: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      return { session, id };
    }

    it('export: the user’s own data, as an attachment, without secrets or other users’ data', async () => {
      const ada = await richUser('ada.export@example.com', '+14155550201');
      const bob = await richUser('bob.export@example.com', '+14155550202');
      const now = server.clock.now().toISOString();
      await server.foyer.db
        .insertInto('mfa_factors')
        .values({
          id: 'factor-ada',
          user_id: ada.id,
          type: 'passkey',
          label: 'Laptop',
          totp_secret: 'TOTPSECRETVALUE234567',
          credential_id: 'credential-id-value',
          public_key: 'public-key-value',
          transports: null,
          confirmed_at: now,
          created_at: now,
          last_used_at: null,
        })
        .execute();
      await server.foyer.db
        .insertInto('payout_destinations')
        .values({ user_id: ada.id, account_holder: 'Ada Lovelace', iban: 'DE89370400440532013000', updated_at: now })
        .execute();
      const answer = await server.request('/account/export', { session: ada.session });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-disposition')).toMatch(
        /^attachment; filename="account-export-\d{4}-\d{2}-\d{2}\.json"$/,
      );
      expect(answer.headers.get('cache-control')).toBe('no-store');
      const bundle = answer.body;
      expect(bundle).toMatchObject({
        format: 'foyer-account-export',
        version: 1,
        user: { id: ada.id, email: 'ada.export@example.com', emailVerified: true },
      });
      expect(bundle.sections.phones).toEqual([expect.objectContaining({ phone: '+14155550201' })]);
      expect(bundle.sections.onboardingTracks).toEqual([expect.objectContaining({ track: 'provider' })]);
      expect(JSON.stringify(bundle.sections.onboardingSteps)).toContain('Headline of ada.export@example.com');
      expect(bundle.sections.publicProfiles).toEqual([expect.objectContaining({ slug: 'ada.export' })]);
      expect(bundle.sections.sessions.length).toBeGreaterThan(0);
      expect(bundle.sections.auditEvents.map((event: { type: string }) => event.type)).toContain('phone.verified');
      expect(bundle.notes.media).toMatch(/No media/);
      // Nothing of Bob.
      expect(answer.text).not.toContain(bob.id);
      expect(answer.text).not.toContain('bob.export');
      expect(answer.text).not.toContain('+14155550202');
      // No secrets: no hash-like keys, and none of the stored hashes.
      expect(keysOf(bundle).filter((key) => /hash|secret|token|password/i.test(key))).toEqual([]);
      const user = await server.foyer.db
        .selectFrom('users')
        .select('password_hash')
        .where('id', '=', ada.id)
        .executeTakeFirstOrThrow();
      expect(answer.text).not.toContain(user.password_hash);
      expect(answer.text).not.toContain(hashToken(ada.session));
      expect(bundle.sections.mfaFactors).toEqual([expect.objectContaining({ type: 'passkey', label: 'Laptop' })]);
      for (const secret of [
        'TOTPSECRETVALUE234567',
        'credential-id-value',
        'public-key-value',
        'DE89370400440532013000',
      ]) {
        expect(answer.text).not.toContain(secret);
      }
      expect(bundle.sections.payoutDestinations).toEqual([
        expect.objectContaining({ accountHolder: 'Ada Lovelace', iban: '••••3000' }),
      ]);
      const codes = await server.foyer.db
        .selectFrom('one_time_codes')
        .select('code_hash')
        .where('user_id', '=', ada.id)
        .execute();
      for (const code of codes) expect(answer.text).not.toContain(code.code_hash);
      expect((await server.request('/account/export')).status).toBe(401);
    });

    it('starting a deletion needs a fresh step-up: 403 step_up_required, then 200 with export link and token', async () => {
      const session = await createVerifiedUser(server, 'stepup@example.com');
      const refused = await server.request('/account/deletion', { method: 'POST', session });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('step_up_required');
      await stepUp(server, session, GOOD_PASSWORD);
      const started = await server.request('/account/deletion', { method: 'POST', session });
      expect(started.status).toBe(200);
      expect(started.body.exportUrl).toBe(`${server.url}/account/export`);
      expect(started.body.confirmToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
      const stored = await server.foyer.db.selectFrom('account_deletion_requests').selectAll().execute();
      expect(JSON.stringify(stored)).not.toContain(started.body.confirmToken);
      server.clock.advance(6 * 60_000);
      expect((await server.request('/account/deletion', { method: 'POST', session })).status).toBe(403);
      expect((await server.request('/account/deletion', { method: 'POST' })).status).toBe(401);
    });

    it('the confirm token expires after 15 minutes and only works for its own account', async () => {
      const mine = await createVerifiedUser(server, 'mine@example.com');
      const theirs = await createVerifiedUser(server, 'theirs@example.com');
      await stepUp(server, mine, GOOD_PASSWORD);
      const { confirmToken } = (await server.request('/account/deletion', { method: 'POST', session: mine })).body;
      const foreign = await server.request('/account', { method: 'DELETE', json: { confirmToken }, session: theirs });
      expect(foreign.status).toBe(400);
      expect(foreign.body.error.code).toBe('invalid_code');
      expect((await server.request('/auth/session', { session: theirs })).status).toBe(200);
      server.clock.advance(15 * 60_000 + 1);
      const late = await server.request('/account', { method: 'DELETE', json: { confirmToken }, session: mine });
      expect(late.status).toBe(410);
      expect(late.body.error.code).toBe('code_expired');
      expect((await server.request('/auth/session', { session: mine })).status).toBe(200);
    });

    it('bad input is 4xx, never 500', async () => {
      const session = await createVerifiedUser(server, 'badinput@example.com');
      for (const json of [
        {},
        { confirmToken: 42 },
        { confirmToken: 'short' },
        { confirmToken: 'x'.repeat(500) },
        [],
        null,
      ]) {
        const answer = await server.request('/account', { method: 'DELETE', json, session });
        expect(answer.status, JSON.stringify(json)).toBe(400);
      }
      const unknown = await server.request('/account', {
        method: 'DELETE',
        json: { confirmToken: 'A'.repeat(43) },
        session,
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.code).toBe('invalid_code');
      const notJson = await server.request('/account', {
        method: 'DELETE',
        body: 'confirmToken=x',
        headers: { 'content-type': 'text/plain' },
        session,
      });
      // The route table's body guard: JSON only (415), like every route that takes a body.
      expect([notJson.status, notJson.body.error.code]).toEqual([415, 'unsupported_media_type']);
      expect(
        (await server.request('/account', { method: 'DELETE', json: { confirmToken: 'A'.repeat(43) } })).status,
      ).toBe(401);
    });

    it('deletes: sign-in fails, old sessions are dead, rows are gone, audit anonymised with a tombstone, mail sent', async () => {
      const email = 'gone@example.com';
      const { session, id } = await richUser(email, '+14155550203');
      const other = await richUser('stays@example.com', '+14155550204');
      // A second session of the same user.
      const second = await server.request('/auth/sign-in', { json: { email, password: GOOD_PASSWORD } });
      expect(second.status).toBe(200);
      const secondToken = /foyer_session=([^;]+)/.exec(second.setCookies.join('\n'))?.[1];
      expect(secondToken).toBeTruthy();

      await stepUp(server, session, GOOD_PASSWORD);
      const { confirmToken } = (await server.request('/account/deletion', { method: 'POST', session })).body;
      const deleted = await server.request('/account', { method: 'DELETE', json: { confirmToken }, session });
      expect(deleted.status).toBe(204);
      expect(deleted.setCookies.join('\n')).toMatch(/foyer_session=;|Max-Age=0/);

      // The token is single use (and its account is gone).
      expect((await server.request('/account', { method: 'DELETE', json: { confirmToken }, session })).status).toBe(
        401,
      );
      expect((await server.request('/auth/session', { session })).status).toBe(401);
      expect((await server.request('/auth/session', { session: secondToken! })).status).toBe(401);
      const signIn = await server.request('/auth/sign-in', { json: { email, password: GOOD_PASSWORD } });
      expect(signIn.status).toBe(401);
      // Phone sign-in: the number is no longer anyone's.
      await server.request('/auth/phone/start', { json: { phone: '+14155550203' } });

      const db = server.foyer.db;
      for (const table of [
        'users',
        'sessions',
        'user_phones',
        'devices',
        'onboarding_tracks',
        'onboarding_steps',
        'public_profiles',
        'one_time_codes',
        'account_deletion_requests',
      ] as const) {
        const column = table === 'users' ? 'id' : 'user_id';
        const rows = await db.selectFrom(table).select(column).where(column, '=', id).execute();
        expect(rows, table).toEqual([]);
      }
      expect(
        (await db.selectFrom('public_profiles').selectAll().where('user_id', '=', other.id).execute()).length,
      ).toBe(1);
      expect(await db.selectFrom('audit_events').selectAll().where('user_id', '=', id).execute()).toEqual([]);
      const tombstone = await db
        .selectFrom('audit_events')
        .selectAll()
        .where('type', '=', 'account.deleted')
        .executeTakeFirstOrThrow();
      expect(tombstone.user_id).toBeNull();
      expect(tombstone.ip_prefix).toBeNull();
      const tombstoneId = JSON.parse(tombstone.details).tombstone as string;
      expect(tombstoneId).toMatch(/^[0-9a-f-]{36}$/);
      const anonymised = await db
        .selectFrom('audit_events')
        .selectAll()
        .where('details', '=', JSON.stringify({ tombstone: tombstoneId }))
        .execute();
      expect(anonymised.length).toBeGreaterThan(3);
      for (const event of anonymised) {
        expect(event).toMatchObject({ user_id: null, identity_hash: null, ip_prefix: null, user_agent: null });
      }
      const mail = (await server.mails(email)).find((entry) => entry.subject === 'Your account was deleted');
      expect(mail).toBeDefined();
      // The other user is untouched.
      expect((await server.request('/auth/session', { session: other.session })).status).toBe(200);
      // The email can sign up again as a new account.
      expect((await server.request('/auth/sign-up', { json: { email, password: GOOD_PASSWORD } })).status).toBe(201);
    });
  });
}
