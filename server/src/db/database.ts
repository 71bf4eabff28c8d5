/** @module The `Database` interface: every table Foyer's Kysely instance knows. */
import type { DevMailTable } from './tables/dev-mail.table.js';
import type { OneTimeCodeTable } from './tables/one-time-code.table.js';
import type { SessionTable } from './tables/session.table.js';
import type { SettingTable } from './tables/setting.table.js';
import type { UserTable } from './tables/user.table.js';

/** The schema of Foyer's database, for `Kysely<Database>`. */
export interface Database {
  users: UserTable;
  sessions: SessionTable;
  one_time_codes: OneTimeCodeTable;
  dev_mail: DevMailTable;
  settings: SettingTable;
}

export type * from './tables/user.table.js';
export type * from './tables/session.table.js';
export type * from './tables/one-time-code.table.js';
export type * from './tables/dev-mail.table.js';
export type * from './tables/setting.table.js';
