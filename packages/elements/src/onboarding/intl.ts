/** @module Locale data the step elements offer as choices (currencies, countries, time zones), from `Intl`. */

/** Digits after the decimal point of `currency` (`EUR` 2, `JPY` 0, `BHD` 3). */
export function fractionDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/**
 * A price typed in major units (`150.00`, `150`, `1,500.5`) as integer minor units of `currency`;
 * `undefined` when empty and the text itself when it is not a price (the schema flags it).
 */
export function toMinorUnits(text: string, currency: string): number | string | undefined {
  const cleaned = text.trim().replace(/[\s,]/g, '');
  if (cleaned === '') return undefined;
  const digits = fractionDigits(currency);
  const match = /^(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!match || (match[2]?.length ?? 0) > digits) return text;
  const fraction = (match[2] ?? '').padEnd(digits, '0');
  return Number(match[1]) * 10 ** digits + (digits > 0 ? Number(fraction) : 0);
}

/** Minor units as the major-unit text a person types (`15000`, `EUR` → `150.00`). */
export function toMajorText(amount: unknown, currency: string): string {
  if (typeof amount !== 'number' || !Number.isFinite(amount)) return typeof amount === 'string' ? amount : '';
  const digits = fractionDigits(currency);
  return (amount / 10 ** digits).toFixed(digits);
}

/** Minor units formatted with the currency (`€150.00`). */
export function formatMoney(amount: number, currency: string, locale = 'en'): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(
      amount / 10 ** fractionDigits(currency),
    );
  } catch {
    return `${currency} ${amount}`;
  }
}

let currencies: { value: string; label: string }[] | undefined;
/** ISO 4217 currencies known to the browser, as select choices (`EUR — Euro`). */
export function currencyChoices(): { value: string; label: string }[] {
  if (!currencies) {
    const names = new Intl.DisplayNames(['en'], { type: 'currency' });
    currencies = Intl.supportedValuesOf('currency').map((code) => ({
      value: code,
      label: `${code} — ${names.of(code) ?? code}`,
    }));
  }
  return currencies;
}

let countries: { value: string; label: string }[] | undefined;
/** ISO 3166-1 alpha-2 regions the browser can name (the same test as the core schema), by name. */
export function countryChoices(): { value: string; label: string }[] {
  if (!countries) {
    const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const found: { value: string; label: string }[] = [];
    for (const a of letters)
      for (const b of letters) {
        const code = a + b;
        const name = names.of(code);
        if (name && name !== code && !/^(?:EU|EZ|UN|QO|XA|XB|ZZ)$/.test(code)) found.push({ value: code, label: name });
      }
    countries = found.sort((x, y) => x.label.localeCompare(y.label));
  }
  return countries;
}

let timeZones: string[] | undefined;
/** IANA time zones of the browser (plus `UTC`). */
export function timeZoneChoices(): string[] {
  if (!timeZones) {
    const zones = Intl.supportedValuesOf('timeZone');
    timeZones = zones.includes('UTC') ? zones : ['UTC', ...zones];
  }
  return timeZones;
}

/** The browser's own time zone. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** A random id for a new list item (package ids). */
export function newId(prefix: string): string {
  return `${prefix}_${Math.random().toString(36).slice(2, 10)}`;
}
