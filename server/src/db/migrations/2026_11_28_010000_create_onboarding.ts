/** @module Migration: onboarding tracks, steps and public profiles. Frozen once landed. */
import type { Kysely } from 'kysely';

/**
 * Creates the onboarding tables. Valid on SQLite and PostgreSQL: JSON as text, ISO timestamps
 * and integer versions from the app. Slugs are stored lower-cased under a unique index.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations outlive the current schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('onboarding_tracks')
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('track', 'text', (col) => col.notNull())
    .addColumn('roles', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addColumn('deactivated_at', 'text')
    .addPrimaryKeyConstraint('onboarding_tracks_pk', ['user_id', 'track'])
    .execute();

  await db.schema
    .createTable('onboarding_steps')
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('track', 'text', (col) => col.notNull())
    .addColumn('step', 'text', (col) => col.notNull())
    .addColumn('data', 'text', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('completed_at', 'text')
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('onboarding_steps_pk', ['user_id', 'track', 'step'])
    .execute();

  await db.schema
    .createTable('public_profiles')
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('track', 'text', (col) => col.notNull())
    .addColumn('slug', 'text')
    .addColumn('url', 'text')
    .addColumn('published_at', 'text')
    .addColumn('unpublished_at', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('public_profiles_pk', ['user_id', 'track'])
    .execute();
  await db.schema.createIndex('public_profiles_slug_idx').on('public_profiles').column('slug').unique().execute();
  await db.schema
    .createIndex('public_profiles_published_at_idx')
    .on('public_profiles')
    .column('published_at')
    .execute();
}

/** Drops the onboarding tables. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations outlive the current schema types
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['public_profiles', 'onboarding_steps', 'onboarding_tracks']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
