/** @module The `<foyer-step-packages>` class (no side effects: importing it defines no tag). */
import { priceBand, PROVIDER_ROLES, type ServicePackage } from '@foyer/core';
import { html, nothing, type PropertyDeclarations } from 'lit';
import { currencyChoices, formatMoney, newId, toMajorText, toMinorUnits } from '../onboarding/intl.js';
import { arrayOf, FoyerStepElement, formatList, objectOf, parseList, textOf } from '../onboarding/step-element.js';
import { stepPackagesStyles } from './step-packages.styles.js';

type Draft = Partial<ServicePackage> & Record<string, unknown>;

const roleLabel = (id: string) => PROVIDER_ROLES.find((role) => role.id === id)?.label ?? id;

/**
 * The `packages` step: per role of the person, a repeatable package editor (name, description,
 * duration, price typed in major units and stored in integer minor units, currency, deliverables,
 * add-ons), and the derived price range.
 *
 * Accessible names per package: "Package name", "Description", "Duration (minutes)", "Price",
 * "Currency", "Deliverables", "Add-on 1 name", "Add-on 1 price"; buttons "Add a Photographer package",
 * "Add an add-on", "Remove package <name>"; each package is a group named "Photographer package 1".
 *
 * @summary Bookable packages and prices per role.
 * @tag foyer-step-packages
 *
 * @attr locale - Language of the texts. @default 'en'
 * @attr currency - Currency of new packages. @default 'EUR'
 * @prop {Record<string, unknown>} data - The step data (`{ packages: ServicePackage[] }`).
 * @prop {Record<string, string>} fieldErrors - Messages by field path (`packages.0.price.amount`).
 * @prop {string[]} roles - The person's roles (from the `roles` step); one section each.
 *
 * @event foyer-step-input - On every edit; detail `{ patch: { packages } }` (the whole list).
 *
 * @csspart form - The wrapper of the controls.
 * @csspart role - The section of one role.
 * @csspart package - The fieldset of one package.
 * @csspart field - A label + input + hint + error group.
 * @csspart label - Labels.
 * @csspart input - Inputs, textareas and selects.
 * @csspart hint - Hints.
 * @csspart error - Field errors.
 * @csspart secondary-button - Add and remove buttons.
 * @csspart price-band - The derived price range.
 * @csspart form-error - The step-level alert region.
 */
export class FoyerStepPackages extends FoyerStepElement {
  static override styles = [...FoyerStepElement.styles, stepPackagesStyles];

  static override properties: PropertyDeclarations = {
    ...FoyerStepElement.properties,
    roles: { attribute: false },
    currency: { type: String },
  };

  /** The person's roles; one section each. */
  declare roles: string[];
  /** Currency of new packages. @default 'EUR' */
  declare currency: string;

  constructor() {
    super();
    this.roles = [];
    this.currency = 'EUR';
  }

  #packages(): Draft[] {
    return arrayOf<Draft>(this.data?.['packages']);
  }

  /** The currency of the last priced package, else `currency`. */
  #defaultCurrency(): string {
    const priced = this.#packages().filter((item) => typeof item.price?.currency === 'string');
    return priced.at(-1)?.price?.currency ?? this.currency;
  }

  #set(index: number, changes: Record<string, unknown>): void {
    const packages = this.#packages().map((item, i) => (i === index ? { ...item, ...changes } : item));
    this.patch({ packages });
  }

  async #add(role: string): Promise<void> {
    const packages = this.#packages();
    // Only what is valid as a draft, so the new package autosaves at once; name and price follow.
    const item = { id: newId('pkg'), role, description: '', durationMinutes: 60, deliverables: [], addOns: [] };
    this.patch({ packages: [...packages, item] });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>(`#${this.idOf(`packages.${packages.length}.name`)}`)?.focus();
  }

  async #remove(index: number, role: string): Promise<void> {
    this.patch({ packages: this.#packages().filter((_, i) => i !== index) });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>(`#add-${role}`)?.focus();
  }

  #money(
    path: string,
    label: string,
    money: Record<string, unknown>,
    currency: string,
    onAmount: (amount: unknown) => void,
  ) {
    const example = toMajorText(15000, currency);
    const error = this.errorOf(`${path}.amount`) ? this.t.priceInvalid : this.errorOf(path);
    return this.field({
      path: `${path}.amount`,
      label,
      inputmode: 'decimal',
      hint: this.t.priceHint(example),
      value: this.textFor(
        `${path}.amount`,
        money['amount'],
        (amount) => toMajorText(amount, currency),
        (text) => toMinorUnits(text, currency),
      ),
      onInput: (text) => {
        this.keepRaw(`${path}.amount`, text);
        onAmount(toMinorUnits(text, currency));
      },
      error,
    });
  }

  #package(item: Draft, index: number, n: number) {
    const t = this.t;
    const path = `packages.${index}`;
    const price = objectOf(item.price);
    const currency = textOf(price['currency']) || this.#defaultCurrency();
    const addOns = arrayOf<Record<string, unknown>>(item.addOns);
    const withAmount = (money: Record<string, unknown>, amount: unknown) => {
      const next: Record<string, unknown> = { ...money, currency };
      if (amount === undefined) return undefined;
      next['amount'] = amount;
      return next;
    };
    const name = textOf(item.name) || String(n);
    return html`<fieldset part="group package">
      <legend>${t.packageLegend(roleLabel(textOf(item.role)), n)}</legend>
      ${this.field({ path: `${path}.name`, label: t.packageName, max: 80, value: textOf(item.name), onInput: (value) => this.#set(index, { name: value }) })}
      ${this.field({
        path: `${path}.description`,
        label: `${t.packageDescription} ${t.optional}`,
        multiline: true,
        max: 1000,
        value: textOf(item.description),
        onInput: (value) => this.#set(index, { description: value }),
      })}
      <div class="row">
        ${this.intField({
          path: `${path}.durationMinutes`,
          label: t.duration,
          hint: t.durationHint,
          value: item.durationMinutes,
          onValue: (value) => this.#set(index, { durationMinutes: value }),
        })}
        ${this.#money(`${path}.price`, t.price, price, currency, (amount) => this.#set(index, { price: withAmount(price, amount) }))}
        ${this.select({
          path: `${path}.price.currency`,
          label: t.currency,
          value: currency,
          choices: currencyChoices(),
          onChange: (value) => {
            this.currency = value;
            this.#set(index, {
              price: price['amount'] === undefined ? undefined : { ...price, currency: value },
              addOns: addOns.map((addOn) => ({ ...addOn, price: { ...objectOf(addOn['price']), currency: value } })),
            });
          },
        })}
      </div>
      ${this.field({
        path: `${path}.deliverables`,
        label: `${t.deliverables} ${t.optional}`,
        hint: t.deliverablesHint,
        value: this.textFor(`${path}.deliverables`, item.deliverables, formatList, parseList),
        onInput: (text) => {
          this.keepRaw(`${path}.deliverables`, text);
          this.#set(index, { deliverables: parseList(text) });
        },
        error: this.errorUnder(`${path}.deliverables`),
      })}
      <fieldset part="group">
        <legend>${t.addOnsLegend} ${t.optional}</legend>
        ${addOns.map(
          (addOn, a) =>
            html`<div class="row">
              ${this.field({
                path: `${path}.addOns.${a}.name`,
                label: t.addOnName(a + 1),
                value: textOf(addOn['name']),
                onInput: (value) =>
                  this.#set(index, { addOns: addOns.map((x, i) => (i === a ? { ...x, name: value } : x)) }),
              })}
              ${this.#money(
                `${path}.addOns.${a}.price`,
                t.addOnPrice(a + 1),
                objectOf(addOn['price']),
                currency,
                (amount) =>
                  this.#set(index, {
                    addOns: addOns.map((x, i) =>
                      i === a ? { ...x, price: withAmount(objectOf(x['price']), amount) } : x,
                    ),
                  }),
              )}
              <button
                part="secondary-button"
                type="button"
                @click=${() => this.#set(index, { addOns: addOns.filter((_, i) => i !== a) })}
              >
                ${t.removeAddOn(a + 1)}
              </button>
            </div>`,
        )}
        <div>
          <button
            part="secondary-button"
            type="button"
            @click=${() => this.#set(index, { addOns: [...addOns, { name: '', price: { currency } }] })}
          >
            ${t.addAddOn}
          </button>
        </div>
      </fieldset>
      <div>
        <button part="secondary-button" type="button" @click=${() => this.#remove(index, textOf(item.role))}>
          ${t.removePackage(name)}
        </button>
      </div>
    </fieldset>`;
  }

  #band() {
    const t = this.t;
    const priced = this.#packages().filter(
      (item): item is Draft & Pick<ServicePackage, 'price'> =>
        typeof item.price?.amount === 'number' &&
        Number.isInteger(item.price.amount) &&
        typeof item.price.currency === 'string',
    );
    const band = Object.entries(priceBand(priced));
    return html`<section part="price-band" aria-labelledby="band-heading">
      <h3 id="band-heading">${t.priceBandHeading}</h3>
      ${
        band.length === 0
          ? html`<p part="hint">${t.priceBandEmpty}</p>`
          : html`<dl>
              ${band.map(
                ([currency, { min, max }]) =>
                  html`<dt>${currency}</dt>
                    <dd>
                      ${
                        min === max
                          ? formatMoney(min, currency, this.locale)
                          : `${formatMoney(min, currency, this.locale)} – ${formatMoney(max, currency, this.locale)}`
                      }
                    </dd>`,
              )}
            </dl>`
      }
    </section>`;
  }

  protected override render() {
    const t = this.t;
    const packages = this.#packages();
    const roles = [...new Set([...(this.roles ?? []), ...packages.map((item) => textOf(item.role)).filter(Boolean)])];
    const listError = this.errorOf('packages');
    return html`<div part="form">
      ${this.stepErrors()} ${roles.length === 0 ? html`<p part="hint">${t.noRoles}</p>` : nothing}
      ${roles.map((role) => {
        const label = roleLabel(role);
        let n = 0;
        return html`<section part="role" aria-labelledby="role-${role}-heading">
          <h3 id="role-${role}-heading">${t.packagesFor(label)}</h3>
          ${packages.map((item, index) => (item.role === role ? this.#package(item, index, ++n) : nothing))}
          <div>
            <button part="secondary-button" type="button" id="add-${role}" @click=${() => this.#add(role)}>
              ${t.addPackage(label)}
            </button>
          </div>
        </section>`;
      })}
      ${listError ? html`<p part="error" id="packages-error">${listError}</p>` : nothing} ${this.#band()}
    </div>`;
  }
}
