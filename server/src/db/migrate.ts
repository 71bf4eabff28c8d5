/** @module Runs Foyer's migrations from a static list, so they still resolve after bundling. */
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Database } from './database.js';
import * as createAuth from './migrations/2026_11_28_000000_create_auth.js';
import * as createAuditEvents from './migrations/2026_11_28_005000_create_audit_events.js';
import * as createOnboarding from './migrations/2026_11_28_010000_create_onboarding.js';
import * as createSignInSecurity from './migrations/2026_11_28_020000_create_sign_in_security.js';
import * as createPasswordSecurity from './migrations/2026_11_28_030000_create_password_security.js';
import * as createMfa from './migrations/2026_11_28_040000_create_mfa.js';
import * as createOAuthAccounts from './migrations/2026_11_28_050000_create_oauth_accounts.js';
import * as createPhoneAndDeletion from './migrations/2026_11_28_060000_create_phone_and_deletion.js';
import * as indexSessionsByDevice from './migrations/2026_12_02_000000_index_sessions_by_device.js';

/** Every migration, by name; names sort in the order they run. Append, never edit. */
export const MIGRATIONS: Record<string, Migration> = {
  '2026_11_28_000000_create_auth': createAuth,
  '2026_11_28_005000_create_audit_events': createAuditEvents,
  '2026_11_28_010000_create_onboarding': createOnboarding,
  '2026_11_28_020000_create_sign_in_security': createSignInSecurity,
  '2026_11_28_030000_create_password_security': createPasswordSecurity,
  '2026_11_28_040000_create_mfa': createMfa,
  '2026_11_28_050000_create_oauth_accounts': createOAuthAccounts,
  '2026_11_28_060000_create_phone_and_deletion': createPhoneAndDeletion,
  '2026_12_02_000000_index_sessions_by_device': indexSessionsByDevice,
};

/** A provider over {@link MIGRATIONS} (not `FileMigrationProvider`, which needs the source tree). */
export const staticMigrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};

/**
 * Brings the database to the latest migration. Safe to call from several processes at once
 * (Kysely takes a lock).
 *
 * @example
 * await migrateToLatest(db);
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({ db, provider: staticMigrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    const reason = error instanceof Error ? error.message : String(error ?? failed?.migrationName);
    throw new Error(`Foyer migration failed: ${reason}`, { cause: error });
  }
}
