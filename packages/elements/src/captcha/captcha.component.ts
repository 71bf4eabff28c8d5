/** @module The `<foyer-captcha>` class (no side effects: importing it defines no tag). */
import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { FoyerElement, foyerStyles } from '../internal/foyer-element.js';
import { messagesFor, registerEnglish } from '../internal/messages.js';
import { captchaStyles } from './captcha.styles.js';
import { captchaMessages } from './captcha.messages.js';

registerEnglish(captchaMessages);

/** The CAPTCHA services `<foyer-captcha>` can show. */
export type CaptchaProvider = 'altcha' | 'turnstile' | 'hcaptcha';

/** The official scripts of the third-party widgets (explicit rendering: the element renders them). */
export const CAPTCHA_SCRIPTS = {
  turnstile: 'https://challenges.cloudflare.com/turnstile/v0/api.js?render=explicit',
  hcaptcha: 'https://js.hcaptcha.com/1/api.js?render=explicit',
} as const;

/** The part of the Turnstile and hCaptcha globals this element uses. */
interface ThirdPartyCaptcha {
  render(
    container: HTMLElement,
    options: {
      sitekey: string;
      callback: (token: string) => void;
      'error-callback'?: () => void;
      'expired-callback'?: () => void;
    },
  ): unknown;
  remove?(widgetId: unknown): void;
}

declare global {
  interface Window {
    turnstile?: ThirdPartyCaptcha;
    hcaptcha?: ThirdPartyCaptcha;
  }
}

type Status = 'loading' | 'ready' | 'solved' | 'error';

const scripts = new Map<string, Promise<void>>();

/**
 * Inserts `<script async src>` into the document head once per URL and resolves when it loaded.
 * Exported for tests; elements call it through {@link FoyerCaptcha.loadScript}.
 */
export function insertScript(src: string): Promise<void> {
  let loading = scripts.get(src);
  if (!loading) {
    loading = new Promise<void>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = src;
      script.async = true;
      script.defer = true;
      script.addEventListener('load', () => resolve(), { once: true });
      script.addEventListener(
        'error',
        () => {
          scripts.delete(src);
          reject(new Error(`Could not load ${src}`));
        },
        { once: true },
      );
      document.head.append(script);
    });
    scripts.set(src, loading);
  }
  return loading;
}

/**
 * A CAPTCHA widget that hands its solution to the surrounding form. ALTCHA (self-hosted proof of
 * work, the default) is loaded lazily: the `altcha` package is imported only when this element
 * connects, so it is never in the initial bundle. Turnstile and hCaptcha load their official
 * script on connect (the host page's CSP must allow `https://challenges.cloudflare.com` resp.
 * `https://js.hcaptcha.com` / `https://*.hcaptcha.com` for scripts and frames).
 *
 * The ALTCHA widget (v3) speaks the proof-of-work protocol v2 of `altcha-lib` 2.x, which the
 * Foyer server uses.
 *
 * @summary A lazily loaded CAPTCHA (ALTCHA, Turnstile or hCaptcha).
 * @tag foyer-captcha
 *
 * @attr provider - `altcha` (default), `turnstile` or `hcaptcha`.
 * @attr challenge-url - ALTCHA: where to fetch a challenge. @default `${api-base}/auth/captcha/challenge`
 * @attr site-key - Turnstile / hCaptcha: the public site key.
 * @attr api-base - Where the Foyer server is mounted (resolves a relative `challenge-url`).
 * @attr locale - Language of the texts. @default 'en'
 *
 * @prop {Record<string, unknown> | null} challenge - ALTCHA: a challenge object to solve instead of fetching one.
 * @prop {string | null} solution - (read-only) The latest solution, `null` until solved or after expiry.
 *
 * @event foyer-captcha-solved - Solved; detail `{ solution }` (send it as `captcha` with the form).
 * @event foyer-captcha-error - The widget could not load or failed; detail `{ provider, message }`.
 *
 * @csspart base - The group around the widget.
 * @csspart widget - The container the widget renders in.
 * @csspart status - The polite status line (loading, solved, failed).
 */
export class FoyerCaptcha extends FoyerElement {
  static override styles = [foyerStyles, captchaStyles];

  static override properties: PropertyDeclarations = {
    provider: { type: String },
    challengeUrl: { type: String, attribute: 'challenge-url' },
    siteKey: { type: String, attribute: 'site-key' },
    apiBase: { type: String, attribute: 'api-base' },
    challenge: { attribute: false },
    status: { state: true },
  };

  /** Loads a third-party script (replaceable in tests: there is no network there). */
  static loadScript: (src: string) => Promise<void> = insertScript;

  /** Loads the ALTCHA widget package (a dynamic import: a lazy chunk in bundles). */
  static loadAltcha: () => Promise<unknown> = () => import('altcha');

  /** @default 'altcha' */
  declare provider: CaptchaProvider;
  declare challengeUrl: string | undefined;
  declare siteKey: string | undefined;
  /** @default '' */
  declare apiBase: string;
  declare challenge: Record<string, unknown> | null;
  declare protected status: Status;

  #solution: string | null = null;
  #widgetId: unknown;
  #connection = 0;

  constructor() {
    super();
    this.provider = 'altcha';
    this.apiBase = '';
    this.challenge = null;
    this.status = 'loading';
  }

  /** The latest solution (`null` until solved, or after it expired). */
  get solution(): string | null {
    return this.#solution;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#connection++;
    const api = this.#thirdParty();
    if (api && this.#widgetId !== undefined) api.remove?.(this.#widgetId);
    this.#widgetId = undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('provider') && changed.get('provider') !== undefined) void this.#load();
  }

  /** Forgets the solution and shows a fresh widget (a solution is single use). */
  reset(): void {
    this.#solution = null;
    const widget = this.renderRoot.querySelector<HTMLElement & { reset?: () => void }>('altcha-widget');
    widget?.reset?.();
    this.status = 'ready';
  }

  #provider(): CaptchaProvider {
    return this.provider === 'turnstile' || this.provider === 'hcaptcha' ? this.provider : 'altcha';
  }

  #thirdParty(): ThirdPartyCaptcha | undefined {
    const provider = this.#provider();
    return provider === 'altcha' ? undefined : window[provider];
  }

  async #load(): Promise<void> {
    const connection = ++this.#connection;
    const provider = this.#provider();
    this.status = 'loading';
    try {
      if (provider === 'altcha') {
        await FoyerCaptcha.loadAltcha();
        if (connection !== this.#connection) return;
        this.#adoptAltchaStyles();
        this.status = 'ready';
        return;
      }
      if (!window[provider]) await FoyerCaptcha.loadScript(CAPTCHA_SCRIPTS[provider]);
      if (connection !== this.#connection) return;
      await this.updateComplete;
      const api = window[provider];
      const container = this.renderRoot.querySelector<HTMLElement>('[part~="widget"]');
      if (!api || !container) throw new Error(`${provider} did not load`);
      this.status = 'ready';
      this.#widgetId = api.render(container, {
        sitekey: this.siteKey ?? '',
        callback: (token) => this.#solved(token),
        'error-callback': () => this.#failed(`${provider} failed`),
        'expired-callback': () => this.#expired(),
      });
    } catch (error) {
      if (connection === this.#connection) this.#failed(error instanceof Error ? error.message : String(error));
    }
  }

  /** The ALTCHA widget puts its stylesheet in the document head; bring it into this shadow root. */
  #adoptAltchaStyles(): void {
    const source = document.getElementById('altcha-css')?.textContent;
    const root = this.shadowRoot;
    if (!source || !root || (root as ShadowRoot & { __foyerAltcha?: boolean }).__foyerAltcha) return;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(source.replaceAll(':root', ':host'));
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    (root as ShadowRoot & { __foyerAltcha?: boolean }).__foyerAltcha = true;
  }

  #solved(solution: string): void {
    this.#solution = solution;
    this.status = 'solved';
    this.emit('foyer-captcha-solved', { solution });
  }

  #expired(): void {
    this.#solution = null;
    this.status = 'ready';
  }

  #failed(message: string): void {
    this.#solution = null;
    this.status = 'error';
    this.emit('foyer-captcha-error', { provider: this.#provider(), message });
  }

  #onAltchaVerified(event: CustomEvent<{ payload?: string }>): void {
    if (event.detail?.payload) this.#solved(event.detail.payload);
  }

  #onAltchaState(event: CustomEvent<{ state?: string }>): void {
    if (event.detail?.state === 'error') this.#failed('altcha failed');
    else if (event.detail?.state === 'expired') this.#expired();
  }

  #altchaChallenge(): string {
    if (this.challenge) return JSON.stringify(this.challenge);
    const url = this.challengeUrl || '/auth/captcha/challenge';
    // Absolute (https:, data:) as given; a path is under `api-base`, like the client's routes.
    if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
    const path = url.startsWith('/') ? url : `/${url}`;
    return new URL(`${this.apiBase.replace(/\/+$/, '')}${path}`, document.baseURI).href;
  }

  protected override render() {
    const t = messagesFor(this.locale);
    const provider = this.#provider();
    const statusText =
      this.status === 'loading'
        ? t.captchaLoading
        : this.status === 'solved'
          ? t.captchaSolved
          : this.status === 'error'
            ? t.captchaFailed
            : '';
    const widget =
      provider === 'altcha'
        ? this.status === 'loading'
          ? nothing
          : html`<altcha-widget
              challenge=${this.#altchaChallenge()}
              name="captcha"
              @verified=${this.#onAltchaVerified}
              @statechange=${this.#onAltchaState}
              @expired=${this.#expired}
            ></altcha-widget>`
        : nothing;
    return html`<div part="base" role="group" aria-label=${t.captchaLabel}>
      <div part="widget" data-provider=${provider}>${widget}</div>
      <p part="status" role="status" data-state=${this.status}>${statusText}</p>
    </div>`;
  }
}
