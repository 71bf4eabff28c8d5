/** @module The `settings` table: server-wide key/value pairs such as the generated HMAC secret. */
import type { Insertable, Selectable } from 'kysely';

/** Columns of `settings`. */
export interface SettingTable {
  key: string;
  value: string;
}

/** A setting as read from the database. */
export type SettingRow = Selectable<SettingTable>;
/** A setting to insert. */
export type NewSettingRow = Insertable<SettingTable>;
