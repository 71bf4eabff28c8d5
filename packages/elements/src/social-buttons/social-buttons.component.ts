/** @module The `<foyer-social-buttons>` class (no side effects: importing it defines no tag). */
import { html, nothing, svg, type PropertyDeclarations } from 'lit';
import { FoyerElement, foyerStyles } from '../internal/foyer-element.js';
import { errorMessage, messagesFor, registerEnglish } from '../internal/messages.js';
import { consumeOAuthReturn, type OAuthReturn } from './oauth-return.js';
import { socialButtonsStyles } from './social-buttons.styles.js';
import { socialButtonsMessages } from './social-buttons.messages.js';

registerEnglish(socialButtonsMessages);

/** Display names of the presets; a custom id shows capitalised. */
const PROVIDER_NAMES: Record<string, string> = { google: 'Google', apple: 'Apple' };

/** The standard multi-colour Google "G" (Google's branding guidelines: never recoloured). */
const googleLogo = svg`<svg part="provider-logo" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
  <path fill="#EA4335" d="M24 9.5c3.54 0 6.71 1.22 9.21 3.6l6.85-6.85C35.9 2.38 30.47 0 24 0 14.62 0 6.51 5.38 2.56 13.22l7.98 6.19C12.43 13.72 17.74 9.5 24 9.5z"/>
  <path fill="#4285F4" d="M46.98 24.55c0-1.57-.15-3.09-.38-4.55H24v9.02h12.94c-.58 2.96-2.26 5.48-4.78 7.18l7.73 6c4.51-4.18 7.09-10.36 7.09-17.65z"/>
  <path fill="#FBBC05" d="M10.53 28.59c-.48-1.45-.76-2.99-.76-4.59s.27-3.14.76-4.59l-7.98-6.19C.92 16.46 0 20.12 0 24c0 3.88.92 7.54 2.56 10.78l7.97-6.19z"/>
  <path fill="#34A853" d="M24 48c6.48 0 11.93-2.13 15.89-5.81l-7.73-6c-2.15 1.45-4.92 2.3-8.16 2.3-6.26 0-11.57-4.22-13.47-9.91l-7.98 6.19C6.51 42.62 14.62 48 24 48z"/>
</svg>`;

/** The Apple logo, in the button's text colour. */
const appleLogo = svg`<svg part="provider-logo" viewBox="0 0 814 1000" aria-hidden="true" focusable="false">
  <path fill="currentColor" d="M788.1 340.9c-5.8 4.5-108.2 62.2-108.2 190.5 0 148.4 130.3 200.9 134.2 202.2-.6 3.2-20.7 71.9-68.7 141.9-42.8 61.6-87.5 123.1-155.5 123.1s-85.5-39.5-164-39.5c-76.5 0-103.7 40.8-165.9 40.8s-105.6-57-155.5-127C46.7 790.7 0 663 0 541.8c0-194.4 126.4-297.5 250.8-297.5 66.1 0 121.2 43.4 162.7 43.4 39.5 0 101.1-46 176.3-46 28.5 0 130.9 2.6 198.3 99.2zm-234-181.5c31.1-36.9 53.1-88.1 53.1-139.3 0-7.1-.6-14.3-1.9-20.1-50.6 1.9-110.8 33.7-147.1 75.8-28.5 32.4-55.1 83.6-55.1 135.5 0 7.8 1.3 15.6 1.9 18.1 3.2.6 8.4 1.3 13.6 1.3 45.4 0 102.5-30.4 135.5-71.3z"/>
</svg>`;

/** The display name of a provider id. */
export function providerName(id: string): string {
  return PROVIDER_NAMES[id] ?? id.charAt(0).toUpperCase() + id.slice(1);
}

/**
 * "Sign in with Google" / "Sign in with Apple" buttons (and any configured OpenID provider), drawn
 * after each brand's button rules. Each is a link to
 * `${apiBase}/auth/oauth/<provider>/start?return_to=<this page>`: the browser goes to the provider
 * and comes back signed in. On return it shows why the sign-in did not finish (`foyer_oauth_error`)
 * or that the password is needed once to connect the provider (`foyer_link`), and removes those
 * flags from the address bar.
 *
 * @summary Sign-in buttons for Google, Apple and other OpenID providers.
 * @tag foyer-social-buttons
 *
 * @attr providers - Space-separated provider ids, in order (`google apple`). @default ''
 * @attr api-base - Where the Foyer server is mounted; `''` (default) is the page's own origin.
 * @attr variant - `light` (Google white, Apple black) or `dark` (Google dark, Apple white). @default 'light'
 * @attr mode - The wording: `signin` ("Sign in with"), `signup` ("Sign up with"), `continue` ("Continue with"). @default 'signin'
 * @attr return-to - Where to come back to. @default the current page (`location.href`)
 * @attr divider - Show an "or" divider after the buttons (above a password form). @default false
 * @attr locale - Language of the texts. @default 'en'
 *
 * @event foyer-oauth-return - The page was reached back from a provider; detail `{ link?, error?, mfa? }`.
 * @event foyer-error - A provider sign-in failed; detail `{ code, message }`.
 *
 * @csspart base - The group of buttons.
 * @csspart provider-button - Each button (a link); also `google-button`, `apple-button` or `oidc-button`.
 * @csspart provider-logo - The logo in a button.
 * @csspart notice - "Sign in with your password once to connect …" after `foyer_link`.
 * @csspart form-error - The alert after `foyer_oauth_error`.
 * @csspart divider - The "or" divider.
 *
 * @example
 * <foyer-social-buttons providers="google apple" api-base="https://auth.example.com"></foyer-social-buttons>
 */
export class FoyerSocialButtons extends FoyerElement {
  static override styles = [foyerStyles, socialButtonsStyles];

  static override properties: PropertyDeclarations = {
    providers: { type: String },
    apiBase: { type: String, attribute: 'api-base' },
    variant: { type: String, reflect: true },
    mode: { type: String },
    returnTo: { type: String, attribute: 'return-to' },
    divider: { type: Boolean },
    returned: { state: true },
  };

  /** Space-separated provider ids. @default '' */
  declare providers: string;
  /** Where the Foyer server is mounted; `''` is the page's own origin. @default '' */
  declare apiBase: string;
  /** Button colours. @default 'light' */
  declare variant: 'light' | 'dark';
  /** The wording of the buttons. @default 'signin' */
  declare mode: 'signin' | 'signup' | 'continue';
  /** Where to come back to; empty means the current page. @default '' */
  declare returnTo: string;
  /** Show an "or" divider after the buttons. @default false */
  declare divider: boolean;
  declare protected returned: OAuthReturn;

  constructor() {
    super();
    this.providers = '';
    this.apiBase = '';
    this.variant = 'light';
    this.mode = 'signin';
    this.returnTo = '';
    this.divider = false;
    this.returned = {};
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.returned = consumeOAuthReturn();
    const { link, error, mfa } = this.returned;
    if (link || error || mfa) {
      this.emit('foyer-oauth-return', { ...this.returned });
      if (error) {
        const t = messagesFor(this.locale);
        this.emit('foyer-error', { code: error, message: errorMessage(t, { code: error, message: t.errors[error] }) });
      }
    }
  }

  /** The provider ids to show. */
  get providerIds(): string[] {
    return this.providers.split(/\s+/).filter((id) => /^[a-z][a-z0-9-]{0,31}$/.test(id));
  }

  /** Where the button of `provider` sends the browser. */
  startUrl(provider: string): string {
    const base = this.apiBase.replace(/\/+$/, '');
    const returnTo = this.returnTo || location.href;
    return `${base}/auth/oauth/${encodeURIComponent(provider)}/start?return_to=${encodeURIComponent(returnTo)}`;
  }

  #onClick(event: MouseEvent, provider: string): void {
    // The page may have changed its URL since the render (client-side routing): link to it as it is now.
    (event.currentTarget as HTMLAnchorElement).href = this.startUrl(provider);
  }

  protected override render() {
    const ids = this.providerIds;
    if (ids.length === 0) return nothing;
    const t = messagesFor(this.locale);
    const { link, error, mfa } = this.returned;
    return html`<div part="base" role="group" aria-label=${t.socialGroupLabel}>
      <p part="notice" role="status">
        ${link ? t.oauthLinkRequired(providerName(link)) : mfa ? t.oauthMfaPending : ''}
      </p>
      <p part="form-error" role="alert">${error ? errorMessage(t, { code: error, message: t.errors[error] }) : ''}</p>
      ${ids.map((id) => {
        const kind = id === 'google' || id === 'apple' ? id : 'oidc';
        return html`<a
          part=${`provider-button ${kind}-button`}
          href=${this.startUrl(id)}
          data-provider=${id}
          @click=${(event: MouseEvent) => this.#onClick(event, id)}
          >${kind === 'google' ? googleLogo : kind === 'apple' ? appleLogo : nothing}<span
            >${t.socialButton(providerName(id), this.mode)}</span
          ></a
        >`;
      })}
      ${this.divider ? html`<div part="divider" aria-hidden="true">${t.socialDivider}</div>` : nothing}
    </div>`;
  }
}
