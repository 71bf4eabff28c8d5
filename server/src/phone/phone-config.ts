/** @module The `phone` option of `createFoyerServer()`, resolved. SMS sign-in is off unless it is set. */
import type { RateLimitWindow } from '../middleware/rate-limit/policies.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** The SMS limits; `false` turns one off. */
export interface PhoneLimits {
  /** Codes sent to one number in a short window. @default { limit: 3, windowMs: 900_000 } */
  sendPerNumber: RateLimitWindow | false;
  /** Codes sent to one number per day. @default { limit: 10, windowMs: 86_400_000 } */
  sendPerNumberDaily: RateLimitWindow | false;
  /** Code requests from one IP. @default { limit: 10, windowMs: 900_000 } */
  sendPerIp: RateLimitWindow | false;
  /**
   * Codes actually sent to one country calling code per day (caps the bill of a pumping attack;
   * requests that send nothing do not count). @default { limit: 1000, windowMs: 86_400_000 }
   */
  sendPerCountryDaily: RateLimitWindow | false;
  /** Code checks for one number. @default { limit: 20, windowMs: 900_000 } */
  verifyPerNumber: RateLimitWindow | false;
  /** Code checks from one IP. @default { limit: 60, windowMs: 900_000 } */
  verifyPerIp: RateLimitWindow | false;
}

/** Default SMS limits. */
export const DEFAULT_PHONE_LIMITS: PhoneLimits = {
  sendPerNumber: { limit: 3, windowMs: 15 * MINUTE },
  sendPerNumberDaily: { limit: 10, windowMs: DAY },
  sendPerIp: { limit: 10, windowMs: 15 * MINUTE },
  sendPerCountryDaily: { limit: 1000, windowMs: DAY },
  verifyPerNumber: { limit: 20, windowMs: 15 * MINUTE },
  verifyPerIp: { limit: 60, windowMs: 15 * MINUTE },
};

/** SMS codes live this long. */
export const PHONE_CODE_TTL_MS = 10 * 60 * 1000;

/** The `phone` option: SMS sign-in and phone numbers on accounts. */
export interface PhoneOptions {
  /** ISO 3166-1 alpha-2 codes of the countries whose numbers are accepted (e.g. `['US', 'DE']`). */
  countries: string[];
  /** Region for numbers typed in national format. @default countries[0] */
  defaultCountry?: string;
  /** Lifetime of a code. @default 600_000 (10 min) */
  codeTtlMs?: number;
  /** Limits against SMS pumping, merged over {@link DEFAULT_PHONE_LIMITS}. */
  limits?: Partial<PhoneLimits>;
}

/** The resolved phone configuration. */
export interface PhoneConfig {
  countries: readonly string[];
  defaultCountry: string | undefined;
  codeTtlMs: number;
  limits: PhoneLimits;
}

/** Resolves the option; `undefined` (or an empty allow-list) keeps phone routes off. */
export function resolvePhoneConfig(options: PhoneOptions | undefined): PhoneConfig | undefined {
  if (!options || options.countries.length === 0) return undefined;
  const countries = options.countries.map((code) => code.toUpperCase());
  return {
    countries,
    defaultCountry: options.defaultCountry?.toUpperCase() ?? countries[0],
    codeTtlMs: options.codeTtlMs ?? PHONE_CODE_TTL_MS,
    limits: { ...DEFAULT_PHONE_LIMITS, ...options.limits },
  };
}
