/**
 * @module SMS and phone settings from environment variables (used by `npm start`):
 * PHONE_COUNTRIES (comma-separated ISO codes; unset → SMS sign-in off) · PHONE_DEFAULT_COUNTRY ·
 * TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID (unset → dev
 * sink) · SMS_URL (Twilio-compatible base URL, default https://api.twilio.com).
 */
import type { PhoneOptions } from '../../phone/phone-config.js';
import type { SmsSender } from './sms.js';
import { createTwilioSmsSender } from './twilio.js';

/**
 * The `phone` and `sms` options described by `env`; empty when unset.
 *
 * @example
 * createFoyerServer({ db, publicUrl, ...phoneAndSmsFromEnv(process.env) });
 */
export function phoneAndSmsFromEnv(env: Record<string, string | undefined>): { phone?: PhoneOptions; sms?: SmsSender } {
  const out: { phone?: PhoneOptions; sms?: SmsSender } = {};
  const countries = (env.PHONE_COUNTRIES ?? '')
    .split(',')
    .map((code) => code.trim())
    .filter(Boolean);
  if (countries.length > 0)
    out.phone = { countries, ...(env.PHONE_DEFAULT_COUNTRY ? { defaultCountry: env.PHONE_DEFAULT_COUNTRY } : {}) };
  if (env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN) {
    out.sms = createTwilioSmsSender({
      accountSid: env.TWILIO_ACCOUNT_SID,
      authToken: env.TWILIO_AUTH_TOKEN,
      ...(env.TWILIO_MESSAGING_SERVICE_SID ? { messagingServiceSid: env.TWILIO_MESSAGING_SERVICE_SID } : {}),
      ...(env.TWILIO_FROM ? { from: env.TWILIO_FROM } : {}),
      ...(env.SMS_URL ? { baseUrl: env.SMS_URL } : {}),
    });
  }
  return out;
}
