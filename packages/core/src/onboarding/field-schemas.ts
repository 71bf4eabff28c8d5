/**
 * @module Building blocks for onboarding step schemas: safe text, URLs, currencies, time zones,
 * countries, languages, money. Shared by browser and server so both refuse the same input.
 */
import * as z from 'zod/mini';

// Bidirectional overrides and isolates can make text display differently from what it is
// ("Trojan Source"); control characters have no place in profile text.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS_SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F]/;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS_MULTI_LINE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/;

const length = (value: string): number => [...value].length;

/** Options of {@link plainText}. */
export interface PlainTextOptions {
  /** Most characters (code points). */
  max: number;
  /** @default 0 */
  min?: number;
  /** Allows line breaks. @default false */
  multiline?: boolean;
  /** Field name used in messages, e.g. `Headline`. */
  label: string;
}

/**
 * Text a person types: Unicode-normalised (NFC), trimmed, length counted in characters, no control
 * or bidirectional-override characters. HTML in it is kept as text (escaped on output), never refused.
 *
 * @example
 * const headline = plainText({ label: 'Headline', max: 80 });
 */
export function plainText({ max, min = 0, multiline = false, label }: PlainTextOptions) {
  const control = multiline ? CONTROL_CHARS_MULTI_LINE : CONTROL_CHARS_SINGLE_LINE;
  return z.pipe(
    z
      .string({ error: `${label} must be text.` })
      .check(z.maxLength(max * 8, { error: `${label} is too long (at most ${max} characters).` })),
    z.pipe(
      z.transform((value: string) => value.normalize('NFC').replace(/\r\n?/g, '\n').trim()),
      z.string().check(
        z.refine((value) => !control.test(value) && !BIDI_CONTROLS.test(value), {
          error: `${label} contains characters that are not allowed.`,
        }),
        z.refine((value) => length(value) >= min, {
          error: min <= 1 ? `${label} is required.` : `${label} needs at least ${min} characters.`,
        }),
        z.refine((value) => length(value) <= max, { error: `${label} is too long (at most ${max} characters).` }),
      ),
    ),
  );
}

/** An http(s) URL with a public host name; `javascript:`, `data:` and others are refused. */
export const httpLinkSchema = z.pipe(
  z.string({ error: 'Enter a link.' }).check(z.maxLength(2048, { error: 'That link is too long.' })),
  z.pipe(
    z.transform((value: string) => value.trim()),
    z.httpUrl({ error: 'Enter a full http:// or https:// link.' }),
  ),
);

const isValidIntlValue = (kind: 'currency' | 'timeZone', value: string): boolean => {
  try {
    if (kind === 'currency') return Intl.supportedValuesOf('currency').includes(value);
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
};

/** An ISO 4217 currency code known to the runtime's Intl data (`EUR`, `USD`, `JPY`…). */
export const currencySchema = z.string({ error: 'Choose a currency.' }).check(
  z.regex(/^[A-Z]{3}$/, { error: 'Use a 3-letter ISO 4217 currency code.' }),
  z.refine((value) => isValidIntlValue('currency', value), { error: 'That is not a known currency.' }),
);

/** An IANA time zone (`Europe/Berlin`, `America/Los_Angeles`, `UTC`). */
export const timeZoneSchema = z.string({ error: 'Choose a time zone.' }).check(
  z.maxLength(64, { error: 'That is not a known time zone.' }),
  z.regex(/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/, { error: 'That is not a known time zone.' }),
  z.refine((value) => isValidIntlValue('timeZone', value), { error: 'That is not a known time zone.' }),
);

/** An ISO 3166-1 alpha-2 country code, upper case (`DE`, `US`). */
export const countrySchema = z.string({ error: 'Choose a country.' }).check(
  z.regex(/^[A-Z]{2}$/, { error: 'Use a 2-letter country code.', abort: true }),
  z.refine((value) => isKnownRegion(value), { error: 'That is not a known country.' }),
);

/** `Intl.DisplayNames#of` throws on malformed codes: a refusal, never a crash. `ZZ` is CLDR's "Unknown Region". */
function isKnownRegion(code: string): boolean {
  if (code === 'ZZ') return false;
  try {
    return new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' }).of(code) !== undefined;
  } catch {
    return false;
  }
}

/** A BCP 47 language tag (`en`, `de`, `pt-BR`), canonicalised. */
export const languageSchema = z.pipe(
  z.string({ error: 'Choose a language.' }).check(z.maxLength(35, { error: 'That is not a language tag.' })),
  z.transform((value: string, ctx) => {
    try {
      const [canonical] = Intl.getCanonicalLocales(value);
      if (canonical) return canonical;
    } catch {
      // fall through to the issue below
    }
    ctx.issues.push({ code: 'custom', message: 'That is not a language tag.', input: value });
    return z.NEVER;
  }),
);

/** A price in integer minor units (cents) of a currency; at most 10,000,000.00. */
export const moneySchema = z.object({
  amount: z
    .int({ error: 'Enter a whole amount in minor units (cents).' })
    .check(
      z.gte(0, { error: 'The price cannot be negative.' }),
      z.lte(1_000_000_000, { error: 'The price is too high.' }),
    ),
  currency: currencySchema,
});
export type Money = z.output<typeof moneySchema>;

/** `HH:MM` on a 24-hour clock; `24:00` allowed as an end of day. */
export const wallTimeSchema = z
  .string({ error: 'Enter a time as HH:MM.' })
  .check(z.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, { error: 'Enter a time as HH:MM (00:00–24:00).' }));

/** `YYYY-MM-DD`, a real calendar date. */
export const isoDateSchema = z.string({ error: 'Enter a date as YYYY-MM-DD.' }).check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Enter a date as YYYY-MM-DD.' }),
  z.refine(
    (value) => {
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
    },
    { error: 'That date does not exist.' },
  ),
);

/** Minutes since midnight of a `HH:MM` wall time. */
export function minutesOfWallTime(value: string): number {
  const [hours = 0, minutes = 0] = value.split(':').map(Number);
  return hours * 60 + minutes;
}
