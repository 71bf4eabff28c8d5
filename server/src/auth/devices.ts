/**
 * @module Device names and new-device notices. A session's device is its user agent, parsed to
 * a readable name ("Chrome on macOS") when read; a sign-in is from a new device when none of the
 * user's recent sessions had the same device name and IP prefix. Then a `device.new` audit event
 * is recorded and the owner is mailed (OWASP ASVS 4.0.3 V2.2.3: notify after sign-in from a new device).
 */
import type { Context } from 'hono';
import Bowser from 'bowser';
import { recentDevicesOfUser } from '../db/repositories/sessions.js';
import { resetPasswordUrl } from './account-links.js';
import { newDeviceEmail } from '../mail/security-templates.js';
import { recordAuditEvent } from '../security/audit-log.js';
import { clientIpPrefix } from '../security/client-address.js';
import type { FoyerServerContext } from '../server-context.js';

/** How many earlier sessions a sign-in is compared with. */
const DEVICE_HISTORY = 50;

/**
 * A readable name for a user agent: `Chrome on macOS`, `Safari on iOS`, `Unknown device`.
 *
 * @example
 * deviceName('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) … Chrome/130.0.0.0 Safari/537.36') // 'Chrome on macOS'
 */
export function deviceName(userAgent: string | null | undefined): string {
  if (!userAgent) return 'Unknown device';
  let name = deviceNames.get(userAgent);
  if (name === undefined) {
    name = parseDeviceName(userAgent);
    if (deviceNames.size >= DEVICE_NAME_CACHE) deviceNames.delete(deviceNames.keys().next().value as string);
    deviceNames.set(userAgent, name);
  }
  return name;
}

/** User agents parsed lately: a handful of browsers make most traffic, and parsing one costs. */
const deviceNames = new Map<string, string>();
const DEVICE_NAME_CACHE = 500;

function parseDeviceName(userAgent: string): string {
  const parsed = Bowser.parse(userAgent);
  const browser = parsed.browser.name || '';
  const os = parsed.os.name || '';
  if (browser && os) return `${browser} on ${os}`;
  return browser || os || 'Unknown device';
}

/**
 * Before a new session starts: when the user has signed in before, but never from this device
 * name and IP prefix, records `device.new` and mails the owner. The very first session of an
 * account (the one verifying the email) is not "new". Never throws: a notice must not fail a sign-in.
 */
export async function noticeNewDevice(
  ctx: FoyerServerContext,
  c: Context,
  user: { id: string; email: string },
): Promise<boolean> {
  try {
    const history = await recentDevicesOfUser(ctx.db, user.id, DEVICE_HISTORY);
    if (history.length === 0) return false;
    const device = deviceName(c.req.header('user-agent'));
    const ipPrefix = clientIpPrefix(c);
    if (history.some((session) => session.ip_prefix === ipPrefix && deviceName(session.user_agent) === device))
      return false;
    await recordAuditEvent(ctx, c, { type: 'device.new', userId: user.id, details: { device, ipPrefix } });
    const when = ctx.now().toISOString().replace('T', ' ').slice(0, 16);
    ctx.sendInBackground(newDeviceEmail({ to: user.email, device, ipPrefix, when, resetUrl: resetPasswordUrl(ctx) }));
    return true;
  } catch (error) {
    ctx.logger?.error({ err: error }, 'new-device check failed');
    return false;
  }
}
