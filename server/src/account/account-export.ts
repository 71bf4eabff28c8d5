/**
 * @module The data export (GDPR Art. 15 and 20): one JSON bundle of everything Foyer holds about a
 * user. Built from an explicit list of tables; columns that hold secrets (password, token and code
 * hashes, TOTP secrets, passkey keys, challenges) are never read out, and payout account numbers
 * are masked (the export needs a session, not a step-up).
 */
import type { AccountExport } from '@foyer/core';
import {
  listAuditEventsForExport,
  listRowsOfUser,
  listSessionsForExport,
  type UserOwnedTable,
} from '../db/repositories/account-export.js';
import { listOnboardingSteps } from '../db/repositories/onboarding.js';
import { findUserById } from '../db/repositories/users.js';
import type { FoyerServerContext } from '../server-context.js';

/** Version of the bundle's shape. */
export const ACCOUNT_EXPORT_VERSION = 1;

/** Column names never exported, whatever table they are in. */
export const SECRET_COLUMN = /hash|secret|token|password|public_key|challenge|credential_id|sign_count|last_step/i;

/** Tables with a `user_id` exported as a section, besides the core ones read explicitly. */
const USER_TABLES = [
  { table: 'user_phones', section: 'phones' },
  { table: 'devices', section: 'devices' },
  { table: 'onboarding_tracks', section: 'onboardingTracks' },
  { table: 'public_profiles', section: 'publicProfiles' },
  { table: 'mfa_factors', section: 'mfaFactors' },
  { table: 'oauth_accounts', section: 'linkedAccounts' },
  { table: 'payout_destinations', section: 'payoutDestinations' },
  { table: 'email_change_requests', section: 'pendingEmailChanges' },
] as const satisfies readonly { table: UserOwnedTable; section: string }[];

type Row = Record<string, unknown>;

/** `snake_case` → `camelCase`, without secret columns; JSON columns parsed. */
function exportRow(row: Row, jsonColumns: readonly string[] = []): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) {
    if (SECRET_COLUMN.test(key) || key === 'user_id') continue;
    const name = key.replace(/_([a-z])/g, (_m, ch: string) => ch.toUpperCase());
    if (jsonColumns.includes(key) && typeof value === 'string') {
      try {
        out[name] = JSON.parse(value) as unknown;
        continue;
      } catch {
        // Keep the text.
      }
    }
    out[name] = key === 'iban' && typeof value === 'string' ? `••••${value.slice(-4)}` : value;
  }
  return out;
}

/**
 * Builds the export bundle of `userId`. @returns `undefined` when there is no such user
 *
 * @example
 * const bundle = await buildAccountExport(ctx, user.id);
 */
export async function buildAccountExport(
  ctx: Pick<FoyerServerContext, 'db' | 'now'>,
  userId: string,
): Promise<AccountExport | undefined> {
  const db = ctx.db;
  const user = await findUserById(db, userId);
  if (!user) return undefined;
  const sections: Record<string, Row[]> = {};

  sections.sessions = (await listSessionsForExport(db, userId)).map((row) => exportRow(row));

  for (const { table, section } of USER_TABLES) {
    const rows = await listRowsOfUser(db, table, userId);
    sections[section] = rows.map((row) => exportRow(row, ['roles']));
  }

  sections.onboardingSteps = (await listOnboardingSteps(db, userId)).map((row) => exportRow(row, ['data']));
  sections.auditEvents = (await listAuditEventsForExport(db, userId)).map((row) => exportRow(row, ['details']));

  return {
    format: 'foyer-account-export',
    version: ACCOUNT_EXPORT_VERSION,
    exportedAt: ctx.now().toISOString(),
    user: {
      id: user.id,
      email: user.email,
      emailVerified: user.email_verified_at !== null,
      createdAt: user.created_at,
      updatedAt: user.updated_at,
    },
    sections,
    notes: {
      media: 'No media is stored yet.',
      consents: 'No consent records are stored yet.',
      excluded:
        'Password, token and code hashes, TOTP secrets and passkey keys are never exported. Payout account numbers are masked.',
    },
  };
}
