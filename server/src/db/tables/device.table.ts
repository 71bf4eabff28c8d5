/** @module The `devices` table: browsers that signed in successfully (trusted devices), per user. */
import type { Insertable, Selectable } from 'kysely';

/** Columns of `devices`. `id` is the random id inside the signed `foyer_device` cookie. */
export interface DeviceTable {
  id: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
}

export type DeviceRow = Selectable<DeviceTable>;
export type NewDeviceRow = Insertable<DeviceTable>;
