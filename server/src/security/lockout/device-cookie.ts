/**
 * @module The `foyer_device` cookie: a random device id signed with the server secret (HMAC), set
 * after each successful sign-in and recorded in `devices` for that user. A device known to the
 * user may sign in while the identity is locked for everyone else (OWASP ASVS 4.0.3 V2.2.1:
 * lockout must not let an attacker deny the owner).
 */
import { createHmac, randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { isDeviceSeenSince, upsertDeviceSeen } from '../../db/repositories/devices.js';
import { digestsEqual } from '../tokens.js';

/** Name of the device cookie. */
export const DEVICE_COOKIE_NAME = 'foyer_device';
/** Lifetime of the device cookie (and of a device's trust without a new sign-in). */
export const DEVICE_COOKIE_MAX_AGE_S = 365 * 24 * 60 * 60;

function sign(secret: string, deviceId: string): string {
  return createHmac('sha256', secret).update(`foyer:device:${deviceId}`).digest('base64url');
}

/** The device id of a validly signed cookie, else `undefined`. */
export function readDeviceId(c: Context, secret: string): string | undefined {
  const value = getCookie(c, DEVICE_COOKIE_NAME);
  if (!value || value.length > 200) return undefined;
  const [id, mac] = value.split('.');
  if (!id || !mac || !/^[0-9a-f-]{36}$/.test(id)) return undefined;
  return digestsEqual(mac, sign(secret, id)) ? id : undefined;
}

/** Sets (or renews) the device cookie: `HttpOnly; SameSite=Lax; Path=/`, one year. */
export function writeDeviceCookie(c: Context, deviceId: string, options: { secret: string; secure: boolean }): void {
  setCookie(c, DEVICE_COOKIE_NAME, `${deviceId}.${sign(options.secret, deviceId)}`, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: options.secure,
    maxAge: DEVICE_COOKIE_MAX_AGE_S,
  });
}

/** A new random device id. */
export function newDeviceId(): string {
  return randomUUID();
}

/** True when this device signed in to this user's account before (within the cookie's lifetime). */
export async function isKnownDevice(
  db: Kysely<Database>,
  deviceId: string,
  userId: string,
  now: Date,
): Promise<boolean> {
  const since = new Date(now.getTime() - DEVICE_COOKIE_MAX_AGE_S * 1000).toISOString();
  return isDeviceSeenSince(db, deviceId, userId, since);
}

/**
 * Records a successful sign-in of the user on this device.
 * @returns `true` when the device is new for the user.
 */
export async function rememberDevice(
  db: Kysely<Database>,
  deviceId: string,
  userId: string,
  now: Date,
): Promise<boolean> {
  const nowIso = now.toISOString();
  return (await upsertDeviceSeen(db, deviceId, userId, nowIso)) === nowIso;
}
