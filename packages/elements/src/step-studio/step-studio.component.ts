/** @module The `<foyer-step-studio>` class (no side effects: importing it defines no tag). */
import { STUDIO_AMENITIES } from '@foyer/core';
import { html, nothing, type PropertyDeclarations } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { countryChoices, currencyChoices, toMajorText, toMinorUnits } from '../onboarding/intl.js';
import { arrayOf, compact, FoyerStepElement, objectOf, textOf } from '../onboarding/step-element.js';
import { stepStudioStyles } from './step-studio.styles.js';

/**
 * The host `studio` step: name, page address (slug, lower-cased as typed, with the resulting
 * address shown), description, contact, address with its privacy setting, amenities, capacity,
 * hourly rate range and currency, minimum hours and deposit.
 *
 * Accessible names: "Studio name", "Page address", "Description", "Contact email", "Contact phone",
 * "Street address", "Address line 2", "City", "Postal code", "Region or state", "Country", the
 * radio group "What your public page shows" ("The exact address", "The neighbourhood only"), the
 * group "Amenities" (one checkbox each, e.g. "Natural light"), "Capacity (people)", "From",
 * "Up to", "Currency", "Minimum booking (hours)", "Deposit".
 *
 * @summary A host's studio or space.
 * @tag foyer-step-studio
 *
 * @attr locale - Language of the texts. @default 'en'
 * @attr page-base - What the slug is appended to in the shown address. @default `${location.origin}/studios/`
 * @attr currency - Currency of the rates until one is chosen. @default 'EUR'
 * @prop {Record<string, unknown>} data - The step data (see `studioStepSchema` in `@foyer/core`).
 * @prop {Record<string, string>} fieldErrors - Messages by field path (`address.city`, `hourlyRate`).
 *
 * @event foyer-step-input - On every edit; detail `{ patch }`.
 *
 * @csspart form - The wrapper of the controls.
 * @csspart group - Fieldsets.
 * @csspart field - A label + input + hint + error group.
 * @csspart label - Labels.
 * @csspart input - Inputs, textareas and selects.
 * @csspart hint - Hints (the page address).
 * @csspart count - Live character counts.
 * @csspart error - Field errors.
 * @csspart form-error - The step-level alert region.
 */
export class FoyerStepStudio extends FoyerStepElement {
  static override styles = [...FoyerStepElement.styles, stepStudioStyles];

  static override properties: PropertyDeclarations = {
    ...FoyerStepElement.properties,
    pageBase: { type: String, attribute: 'page-base' },
    currency: { type: String },
  };

  /** What the slug is appended to in the shown address. */
  declare pageBase: string | undefined;
  /** Currency of the rates until one is chosen. @default 'EUR' */
  declare currency: string;

  constructor() {
    super();
    this.currency = 'EUR';
  }

  #group(key: 'contact' | 'address', field: string, value: string): void {
    this.patch({ [key]: compact({ ...objectOf(this.data?.[key]), [field]: value }) });
  }

  #currency(): string {
    const rate = objectOf(this.data?.['hourlyRate']);
    return textOf(objectOf(rate['min'])['currency']) || textOf(objectOf(rate['max'])['currency']) || this.currency;
  }

  #money(path: string, label: string, value: unknown, onAmount: (money: Record<string, unknown> | undefined) => void) {
    const currency = this.#currency();
    const money = objectOf(value);
    return this.field({
      path: `${path}.amount`,
      label,
      inputmode: 'decimal',
      hint: this.t.priceHint(toMajorText(5000, currency)),
      value: this.textFor(
        `${path}.amount`,
        money['amount'],
        (amount) => toMajorText(amount, currency),
        (text) => toMinorUnits(text, currency),
      ),
      onInput: (text) => {
        this.keepRaw(`${path}.amount`, text);
        const amount = toMinorUnits(text, currency);
        onAmount(amount === undefined ? undefined : { currency, amount });
      },
      error: this.errorOf(`${path}.amount`) ? this.t.priceInvalid : this.errorOf(path),
    });
  }

  #rate(key: 'min' | 'max', money: Record<string, unknown> | undefined): void {
    const rate = { ...objectOf(this.data?.['hourlyRate']) };
    if (money) rate[key] = money;
    else delete rate[key];
    this.patch({ hourlyRate: rate });
  }

  #setCurrency(currency: string): void {
    const rate = objectOf(this.data?.['hourlyRate']);
    const withCurrency = (value: unknown) => (value ? { ...objectOf(value), currency } : undefined);
    const patch: Record<string, unknown> = {
      hourlyRate: compact({ min: withCurrency(rate['min']), max: withCurrency(rate['max']) }),
    };
    if (this.data?.['deposit']) patch['deposit'] = withCurrency(this.data['deposit']);
    this.currency = currency;
    this.patch(patch);
  }

  #toggleAmenity(amenity: string, checked: boolean): void {
    const current = arrayOf<string>(this.data?.['amenities']);
    this.patch({
      amenities: checked
        ? STUDIO_AMENITIES.filter((a) => a === amenity || current.includes(a))
        : current.filter((a) => a !== amenity),
    });
  }

  protected override firstUpdated(): void {
    if (this.data?.['amenities'] === undefined) this.patch({ amenities: [] });
  }

  protected override render() {
    const t = this.t;
    const data = this.data ?? {};
    const contact = objectOf(data['contact']);
    const address = objectOf(data['address']);
    const amenities = arrayOf<string>(data['amenities']);
    const slug = textOf(data['slug']);
    const base = this.pageBase ?? `${globalThis.location?.origin ?? ''}/studios/`;
    const privacyError = this.errorOf('address.privacy');
    const rateError = this.errorOf('hourlyRate');
    const addressField = (field: string, label: string, autocomplete: string, optional = false) =>
      this.field({
        path: `address.${field}`,
        label: optional ? `${label} ${t.optional}` : label,
        autocomplete,
        value: textOf(address[field]),
        onInput: (value) => this.#group('address', field, value),
        error: this.errorOf(`address.${field}`) ?? (field === 'line1' ? this.errorOf('address') : undefined),
      });
    return html`<div part="form">
      ${this.stepErrors()}
      ${this.field({ path: 'name', label: t.studioName, autocomplete: 'organization', max: 80, value: textOf(data['name']), onInput: (value) => this.patch({ name: value }) })}
      ${this.field({
        path: 'slug',
        label: t.slug,
        hint: t.slugHint(`${base}${slug || '…'}`),
        autocomplete: 'off',
        value: slug,
        onInput: (value, input) => {
          const lower = value.toLowerCase();
          if (lower !== value) {
            const position = input.selectionStart;
            input.value = lower;
            if (position !== null) input.setSelectionRange(position, position);
          }
          this.patch({ slug: lower });
        },
      })}
      ${this.field({ path: 'description', label: t.studioDescription, multiline: true, max: 2000, value: textOf(data['description']), onInput: (value) => this.patch({ description: value }) })}
      <fieldset part="group">
        <legend>${t.contactLegend}</legend>
        <div class="row">
          ${this.field({
            path: 'contact.email',
            label: t.contactEmail,
            type: 'email',
            autocomplete: 'email',
            value: textOf(contact['email']),
            onInput: (value) => this.#group('contact', 'email', value.trim()),
            error: this.errorOf('contact.email') ?? this.errorOf('contact'),
          })}
          ${this.field({
            path: 'contact.phone',
            label: `${t.contactPhone} ${t.optional}`,
            type: 'tel',
            autocomplete: 'tel',
            hint: t.phoneHint,
            value: textOf(contact['phone']),
            onInput: (value) => this.#group('contact', 'phone', value.replace(/[\s()-]/g, '')),
          })}
        </div>
      </fieldset>
      <fieldset part="group">
        <legend>${t.addressLegend}</legend>
        ${addressField('line1', t.line1, 'address-line1')} ${addressField('line2', t.line2, 'address-line2', true)}
        <div class="row">
          ${addressField('city', t.city, 'address-level2')} ${addressField('postalCode', t.postalCode, 'postal-code')}
        </div>
        <div class="row">
          ${addressField('region', t.region, 'address-level1', true)}
          ${this.select({
            path: 'address.country',
            label: t.country,
            value: textOf(address['country']),
            placeholder: t.chooseCountry,
            choices: countryChoices(),
            onChange: (value) => this.#group('address', 'country', value),
          })}
        </div>
        <fieldset
          part="group"
          ?data-invalid=${!!privacyError}
          aria-describedby=${ifDefined(privacyError ? 'privacy-error' : undefined)}
        >
          <legend>${t.privacyLegend}</legend>
          ${(['neighbourhood', 'exact'] as const).map(
            (privacy) =>
              html`<div class="choice">
                <input
                  type="radio"
                  id="privacy-${privacy}"
                  name="privacy"
                  .checked=${address['privacy'] === privacy}
                  @change=${() => this.#group('address', 'privacy', privacy)}
                />
                <label part="label" for="privacy-${privacy}">${t.privacy[privacy]}</label>
              </div>`,
          )}
          ${privacyError ? html`<p part="error" id="privacy-error">${privacyError}</p>` : nothing}
        </fieldset>
      </fieldset>
      <fieldset part="group">
        <legend>${t.amenitiesLegend}</legend>
        <div class="amenities">
          ${STUDIO_AMENITIES.map(
            (amenity) =>
              html`<div class="choice">
                <input
                  type="checkbox"
                  id="amenity-${amenity}"
                  .checked=${amenities.includes(amenity)}
                  @change=${(event: Event) => this.#toggleAmenity(amenity, (event.target as HTMLInputElement).checked)}
                />
                <label part="label" for="amenity-${amenity}">${t.amenities[amenity] ?? amenity}</label>
              </div>`,
          )}
        </div>
      </fieldset>
      <div class="row">
        ${this.intField({ path: 'capacity', label: t.capacity, value: data['capacity'], onValue: (value) => this.patch({ capacity: value ?? null }) })}
        ${this.intField({ path: 'minimumHours', label: t.minimumHours, value: data['minimumHours'], onValue: (value) => this.patch({ minimumHours: value ?? null }) })}
      </div>
      <fieldset
        part="group"
        ?data-invalid=${!!rateError}
        aria-describedby=${ifDefined(rateError ? 'rate-error' : undefined)}
      >
        <legend>${t.rateLegend}</legend>
        <div class="row">
          ${this.#money('hourlyRate.min', t.rateMin, objectOf(data['hourlyRate'])['min'], (money) => this.#rate('min', money))}
          ${this.#money('hourlyRate.max', t.rateMax, objectOf(data['hourlyRate'])['max'], (money) => this.#rate('max', money))}
          ${this.select({ path: 'hourlyRate.currency', label: t.currency, value: this.#currency(), choices: currencyChoices(), onChange: (value) => this.#setCurrency(value) })}
        </div>
        ${rateError ? html`<p part="error" id="rate-error">${rateError}</p>` : nothing}
      </fieldset>
      ${this.#money('deposit', `${t.deposit} ${t.optional}`, data['deposit'], (money) => this.patch({ deposit: money ?? null }))}
    </div>`;
  }
}
