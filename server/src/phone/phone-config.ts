/** @module The `phone` option of `createFoyerServer()`, resolved. SMS sign-in is off unless it is set. */
import { DEFAULT_PHONE_LIMITS, type PhoneLimits } from './phone-limits.js';

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
