/**
 * @module Phone numbers: parses what people type (national or international formats) into E.164
 * with libphonenumber-js (full metadata: validity and number type, not just length), applies the
 * allow-list of countries and refuses premium-rate and shared-cost ranges (the numbers SMS pumping
 * sends to: their operator pays the attacker a share). Everything else in Foyer sees E.164 only.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { FoyerError } from '@foyer/core';

/** A number that passed {@link normalizePhone}. */
export interface NormalizedPhone {
  /** E.164, e.g. `+14155552671`. */
  e164: string;
  /** ISO 3166-1 alpha-2 region of the number, e.g. `US`. */
  country: string;
  /** Country calling code with `+`, e.g. `+1`: the key of the per-country daily cap. */
  callingCode: string;
}

/** Number types no code is ever sent to: the caller's operator pays a premium that is shared with the number's owner. */
const REFUSED_NUMBER_TYPES: ReadonlySet<string> = new Set(['PREMIUM_RATE', 'SHARED_COST']);

function invalidPhone(message: string): FoyerError {
  return new FoyerError('invalid_input', { fields: { phone: message } });
}

/**
 * Normalises `input` to E.164. National formats are read as numbers of `country` (if given and
 * allowed) or else of `defaultCountry`.
 * @throws `400 invalid_input` with `fields.phone` when the number is not valid, its country is
 * not in `countries`, or it is a premium-rate or shared-cost number
 *
 * @example
 * normalizePhone('(415) 555-2671', { countries: ['US'], defaultCountry: 'US' }).e164 // '+14155552671'
 */
export function normalizePhone(
  input: string,
  options: { countries: readonly string[]; defaultCountry?: string | undefined; country?: string | undefined },
): NormalizedPhone {
  const allowed = new Set(options.countries.map((code) => code.toUpperCase()));
  const hint = options.country?.toUpperCase();
  const region = (hint && allowed.has(hint) ? hint : options.defaultCountry?.toUpperCase()) as CountryCode | undefined;
  const text = input.trim();
  if (text.length === 0 || text.length > 32) throw invalidPhone('Enter a phone number.');
  const parsed = parsePhoneNumberFromString(text, region ? { defaultCountry: region } : undefined);
  if (!parsed || !parsed.isValid()) throw invalidPhone('This is not a valid phone number.');
  const country = parsed.country;
  if (!country || !allowed.has(country)) throw invalidPhone('Numbers from this country are not supported.');
  const type = parsed.getType();
  if (type && REFUSED_NUMBER_TYPES.has(type))
    throw invalidPhone('Premium-rate and shared-cost numbers cannot receive codes. Use a mobile number.');
  return { e164: parsed.number, country, callingCode: `+${parsed.countryCallingCode}` };
}
