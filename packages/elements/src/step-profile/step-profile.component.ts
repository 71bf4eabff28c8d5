/** @module The `<foyer-step-profile>` class (no side effects: importing it defines no tag). */
import { html, nothing } from 'lit';
import {
  arrayOf,
  compact,
  FoyerStepElement,
  formatList,
  objectOf,
  parseList,
  textOf,
} from '../onboarding/step-element.js';
import { countryChoices } from '../onboarding/intl.js';
import { stepProfileStyles } from './step-profile.styles.js';

/**
 * The provider `profile` step: display name, headline (≤ 80, live count), bio (≤ 2,000, live
 * count), city and country, languages, tags, links, and a slot for the avatar uploader.
 *
 * Accessible names: "Display name", "Headline", "Bio", "City", "Country", "Languages", "Tags",
 * "Link 1"…, buttons "Add a link" and "Remove link 1"….
 *
 * @summary A provider's public profile.
 * @tag foyer-step-profile
 *
 * @attr locale - Language of the texts. @default 'en'
 * @prop {Record<string, unknown>} data - The step data (`{ displayName, headline, bio, city: { name, country }, languages, tags, links }`).
 * @prop {Record<string, string>} fieldErrors - Messages by field path (`city.name`, `links.1`).
 *
 * @slot avatar - The avatar uploader (the media plug-in); a placeholder text by default.
 *
 * @event foyer-step-input - On every edit; detail `{ patch }`.
 *
 * @csspart form - The wrapper of the controls.
 * @csspart field - A label + input + hint + error group.
 * @csspart label - Labels.
 * @csspart input - Inputs, textareas and selects.
 * @csspart hint - Hints.
 * @csspart count - Live character counts.
 * @csspart error - Field errors.
 * @csspart group - Fieldsets (links, avatar).
 * @csspart secondary-button - "Add a link", "Remove link n".
 * @csspart form-error - The step-level alert region.
 */
export class FoyerStepProfile extends FoyerStepElement {
  static override styles = [...FoyerStepElement.styles, stepProfileStyles];

  #city(key: 'name' | 'country', value: string): void {
    // Empty parts are left out (core's country check must not see '').
    this.patch({ city: compact({ ...objectOf(this.data?.['city']), [key]: value }) });
  }

  #links(): string[] {
    return arrayOf<string>(this.data?.['links']);
  }

  async #addLink(): Promise<void> {
    const links = [...this.#links(), ''];
    this.patch({ links });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>(`#${this.idOf(`links.${links.length - 1}`)}`)?.focus();
  }

  async #removeLink(index: number): Promise<void> {
    const links = this.#links().filter((_, i) => i !== index);
    this.patch({ links: links.length ? links : null });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('#add-link')?.focus();
  }

  protected override render() {
    const t = this.t;
    const data = this.data ?? {};
    const city = objectOf(data['city']);
    const links = this.#links();
    const listField = (path: 'languages' | 'tags', label: string, hint: string, optional: boolean) =>
      this.field({
        path,
        label: optional ? `${label} ${t.optional}` : label,
        hint,
        value: this.textFor(path, data[path], formatList, parseList),
        onInput: (text) => {
          this.keepRaw(path, text);
          const list = parseList(text);
          this.patch({ [path]: list.length || !optional ? list : null });
        },
        error: this.errorUnder(path),
      });
    const languageNames = (() => {
      try {
        const names = new Intl.DisplayNames([this.locale || 'en'], { type: 'language' });
        return arrayOf<string>(data['languages']).map((code) => {
          try {
            return names.of(code) ?? code;
          } catch {
            return code;
          }
        });
      } catch {
        return [];
      }
    })();
    return html`<div part="form">
      ${this.stepErrors()}
      ${this.field({
        path: 'displayName',
        label: t.displayName,
        autocomplete: 'nickname',
        value: textOf(data['displayName']),
        onInput: (value) => this.patch({ displayName: value }),
      })}
      ${this.field({
        path: 'headline',
        label: t.headline,
        hint: t.headlineHint,
        max: 80,
        value: textOf(data['headline']),
        onInput: (value) => this.patch({ headline: value }),
      })}
      ${this.field({
        path: 'bio',
        label: t.bio,
        max: 2000,
        multiline: true,
        value: textOf(data['bio']),
        onInput: (value) => this.patch({ bio: value }),
      })}
      <div class="row">
        ${this.field({
          path: 'city.name',
          label: t.city,
          autocomplete: 'address-level2',
          value: textOf(city['name']),
          onInput: (value) => this.#city('name', value),
          error: this.errorOf('city.name') ?? this.errorOf('city'),
        })}
        ${this.select({
          path: 'city.country',
          label: t.country,
          value: textOf(city['country']),
          placeholder: t.chooseCountry,
          choices: countryChoices(),
          onChange: (value) => this.#city('country', value),
        })}
      </div>
      ${listField('languages', t.languages, t.languagesHint, false)}
      ${languageNames.length ? html`<p part="hint">${languageNames.join(', ')}</p>` : nothing}
      ${listField('tags', t.tags, t.tagsHint, true)}
      <fieldset part="group">
        <legend>${t.linksLegend} ${t.optional}</legend>
        ${links.map(
          (link, index) =>
            html`<div class="row">
              ${this.field({
                path: `links.${index}`,
                label: t.link(index + 1),
                type: 'url',
                inputmode: 'url',
                autocomplete: 'url',
                placeholder: 'https://',
                value: link,
                onInput: (value) => this.patch({ links: links.map((l, i) => (i === index ? value : l)) }),
              })}
              <button part="secondary-button" type="button" @click=${() => this.#removeLink(index)}>
                ${t.removeLink(index + 1)}
              </button>
            </div>`,
        )}
        ${this.errorOf('links') ? html`<p part="error">${this.errorOf('links')}</p>` : nothing}
        <div>
          <button
            part="secondary-button"
            type="button"
            id="add-link"
            ?hidden=${links.length >= 10}
            @click=${this.#addLink}
          >
            ${t.addLink}
          </button>
        </div>
      </fieldset>
      <fieldset part="group">
        <legend>${t.avatarHeading}</legend>
        <slot name="avatar"><p part="hint">${t.avatarPlaceholder}</p></slot>
      </fieldset>
    </div>`;
  }
}
