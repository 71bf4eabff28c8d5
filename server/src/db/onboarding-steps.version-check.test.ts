/**
 * Optimistic concurrency below HTTP (OWASP ASVS 4.0.3 V11.1.6): `updateOnboardingStepIfVersion`
 * writes only while the row is at the version the caller read, in the same statement. A write
 * based on a version that is gone changes nothing; of five parallel writes based on one version,
 * exactly one lands. On SQLite the HTTP race suite cannot show this (its transactions run one at
 * a time and the route's own re-read catches the conflict), so the statement is proven here.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openMigratedDatabase, type MigratedTestDatabase } from '../test-support/dialects.js';
import type { Database } from './database.js';
import {
  findOnboardingStep,
  insertOnboardingStepIfAbsent,
  updateOnboardingStepIfVersion,
  type StepKey,
} from './repositories/onboarding.js';
import { insertUserIfEmailFree } from './repositories/users.js';

const T0 = '2026-11-28T10:00:00.000Z';

/** A person's `profile` step at version 1 with `{ "headline": "first" }`. */
async function stepAtVersion1(db: Kysely<Database>): Promise<StepKey> {
  const userId = randomUUID();
  await insertUserIfEmailFree(db, {
    id: userId,
    email: `${userId}@example.com`,
    password_hash: 'not-a-hash',
    email_verified_at: T0,
    created_at: T0,
    updated_at: T0,
  });
  const key = { userId, track: 'provider', step: 'profile' };
  await insertOnboardingStepIfAbsent(db, {
    user_id: userId,
    track: key.track,
    step: key.step,
    data: JSON.stringify({ headline: 'first' }),
    version: 1,
    completed_at: null,
    updated_at: T0,
  });
  return key;
}

const update = (headline: string) => ({ data: JSON.stringify({ headline }), completed_at: null, updated_at: T0 });

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.available)(`updateOnboardingStepIfVersion [${dialect.name}]`, () => {
    let opened: MigratedTestDatabase;
    beforeAll(async () => {
      opened = await openMigratedDatabase(dialect);
    });
    afterAll(() => opened?.close());

    it('a write based on a gone version changes nothing', async () => {
      const key = await stepAtVersion1(opened.db);
      expect(await updateOnboardingStepIfVersion(opened.db, key, 1, update('second'))).toBe(true);
      expect(await updateOnboardingStepIfVersion(opened.db, key, 1, update('stale'))).toBe(false);
      expect(await updateOnboardingStepIfVersion(opened.db, key, 3, update('future'))).toBe(false);
      const row = await findOnboardingStep(opened.db, key);
      expect([row?.version, row?.data]).toEqual([2, JSON.stringify({ headline: 'second' })]);
    });

    it('five parallel writes based on version 2: exactly one lands, at version 3', async () => {
      const key = await stepAtVersion1(opened.db);
      expect(await updateOnboardingStepIfVersion(opened.db, key, 1, update('second'))).toBe(true);
      const results = await Promise.all(
        Array.from({ length: 5 }, (_, i) => updateOnboardingStepIfVersion(opened.db, key, 2, update(`tab ${i}`))),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      const row = await findOnboardingStep(opened.db, key);
      expect([row?.version, row?.data]).toEqual([3, JSON.stringify({ headline: `tab ${results.indexOf(true)}` })]);
    });
  });
}
