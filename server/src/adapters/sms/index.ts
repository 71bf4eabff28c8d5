/** @module SMS adapters: the interface, the dev sink and the Twilio-compatible HTTP sender. */
export type { SmsMessage, SmsSender } from './sms.js';
export { DevSmsSink, DEV_SMS_SUBJECT, type DevSmsSinkOptions } from './dev-sink.js';
export { createTwilioSmsSender, SmsDeliveryError, type TwilioSmsSenderOptions } from './twilio.js';
export { phoneAndSmsFromEnv } from './from-env.js';
