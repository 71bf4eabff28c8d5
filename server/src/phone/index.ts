/** @module Phone numbers and SMS codes: for SMS sign-in, numbers on accounts and SMS as a second factor. */
export { sendPhoneCode, checkPhoneCode, parsePhone, requirePhoneConfig, type PhoneCodePurpose } from './phone-codes.js';
export { normalizePhone, type NormalizedPhone } from './phone-numbers.js';
export {
  DEFAULT_PHONE_LIMITS,
  PHONE_CODE_TTL_MS,
  resolvePhoneConfig,
  type PhoneConfig,
  type PhoneLimits,
  type PhoneOptions,
} from './phone-config.js';
