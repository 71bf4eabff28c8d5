/**
 * @module The base class of every Foyer element: shared design tokens and a `define()` that
 * tolerates a second registration (two bundles on one page, hot reload).
 */
import { css, LitElement, type PropertyDeclarations } from 'lit';
import { DEFAULT_LOCALE } from './messages.js';
import { loadElementsIn, registerLazyElements } from './lazy-elements.js';
import { baseMessages } from './base.messages.js';
import { registerEnglish } from './messages.js';

registerEnglish(baseMessages);

/**
 * Design tokens and the few rules every element shares. Defaults meet WCAG 2.2 AA contrast in the
 * light and the dark scheme; every token can be overridden from the page with `--foyer-*`.
 */
export const foyerStyles = css`
  :host {
    --_primary: var(--foyer-color-primary, #1d4ed8);
    --_on-primary: var(--foyer-color-on-primary, #ffffff);
    --_text: var(--foyer-color-text, #111827);
    --_muted: var(--foyer-color-text-muted, #4b5563);
    --_bg: var(--foyer-color-background, #ffffff);
    --_surface: var(--foyer-color-surface, #f3f4f6);
    --_border: var(--foyer-color-border, #6b7280);
    --_danger: var(--foyer-color-danger, #b91c1c);
    --_success: var(--foyer-color-success, #047857);
    --_focus: var(--foyer-color-focus, #1d4ed8);
    --_radius: var(--foyer-radius, 0.5rem);
    --_space: var(--foyer-spacing, 1rem);
    --_font: var(--foyer-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--foyer-font-size, 1rem);

    display: block;
    box-sizing: border-box;
    color: var(--_text);
    background: var(--_bg);
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.5;
    color-scheme: light dark;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_primary: var(--foyer-color-primary, #93c5fd);
      --_on-primary: var(--foyer-color-on-primary, #0b1220);
      --_text: var(--foyer-color-text, #f3f4f6);
      --_muted: var(--foyer-color-text-muted, #cbd5e1);
      --_bg: var(--foyer-color-background, #111827);
      --_surface: var(--foyer-color-surface, #1f2937);
      --_border: var(--foyer-color-border, #9ca3af);
      --_danger: var(--foyer-color-danger, #fca5a5);
      --_success: var(--foyer-color-success, #6ee7b7);
      --_focus: var(--foyer-color-focus, #93c5fd);
    }
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  [part~='heading'] {
    margin: 0 0 calc(var(--_space) * 0.75);
    font-size: 1.375em;
    line-height: 1.25;
    font-weight: 650;
  }
  [part~='description'],
  [part~='hint'] {
    margin: 0;
    color: var(--_muted);
  }
  [part~='hint'] {
    font-size: 0.875em;
  }
  [part~='form'] {
    display: grid;
    gap: var(--_space);
    margin: 0;
  }
  [part~='field'] {
    display: grid;
    gap: 0.25rem;
  }
  [part~='label'] {
    font-weight: 600;
  }
  [part~='input'] {
    width: 100%;
    min-height: 2.75rem;
    padding: 0.5rem 0.75rem;
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  [part~='input'][aria-invalid='true'] {
    border-color: var(--_danger);
    border-width: 2px;
  }
  [part~='error'],
  [part~='form-error'] {
    margin: 0;
    color: var(--_danger);
    font-weight: 500;
  }
  [part~='form-error']:not(:empty) {
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
  }
  [part~='notice'] {
    margin: 0;
    color: var(--_success);
  }
  button {
    min-height: 2.75rem;
    padding: 0.5rem 1rem;
    font: inherit;
    font-weight: 600;
    border-radius: var(--_radius);
    cursor: pointer;
  }
  [part~='submit-button'] {
    color: var(--_on-primary);
    background: var(--_primary);
    border: 1px solid var(--_primary);
  }
  [part~='secondary-button'],
  [part~='password-toggle'] {
    color: var(--_primary);
    background: transparent;
    border: 1px solid var(--_border);
  }
  [part~='link-button'] {
    min-height: 2.75rem;
    padding: 0.5rem 0.25rem;
    color: var(--_primary);
    background: none;
    border: none;
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }
  button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.85;
  }
  button[aria-busy='true']::after {
    content: '';
    display: inline-block;
    width: 0.9em;
    height: 0.9em;
    margin-inline-start: 0.5em;
    vertical-align: -0.1em;
    border: 2px solid currentColor;
    border-right-color: transparent;
    border-radius: 50%;
    animation: foyer-spin 0.8s linear infinite;
  }
  @media (prefers-reduced-motion: reduce) {
    button[aria-busy='true']::after {
      animation: none;
    }
  }
  @keyframes foyer-spin {
    to {
      transform: rotate(360deg);
    }
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  [part~='input']:focus-visible {
    outline-offset: 1px;
  }
  [part~='footer'] {
    display: block;
    margin-top: var(--_space);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;

/**
 * Base class of every Foyer element.
 *
 * @example
 * export class FoyerThing extends FoyerElement {}
 * FoyerThing.define('foyer-thing');
 */
export class FoyerElement extends LitElement {
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  static override properties: PropertyDeclarations = {
    locale: { type: String, reflect: true },
  };

  /** Elements this one renders, registered with it by {@link FoyerElement.define} (tag → class). */
  static dependencies: Record<string, typeof FoyerElement> = {};

  /**
   * Elements this one renders only sometimes (a CAPTCHA, a second-factor step…): tag → a loader
   * importing the module that defines it. {@link FoyerElement.define} registers them lazily, so
   * their code is fetched the first time one is rendered, not with this element.
   */
  static lazyDependencies: Record<string, () => Promise<unknown>> = {};

  /**
   * The language of the element's texts; unknown locales fall back to English.
   * @default 'en'
   */
  declare locale: string;

  constructor() {
    super();
    this.locale = DEFAULT_LOCALE;
    // Tags this element renders that are registered lazily get their module once they appear.
    this.addController({ hostUpdated: () => loadElementsIn(this.renderRoot) });
  }

  /**
   * Registers this class under `tag`. A second registration of the same class is ignored; a
   * different class already under `tag` is left in place with a warning (two copies of Foyer).
   */
  static define(tag: string, registry: CustomElementRegistry = customElements): void {
    for (const [dependencyTag, dependency] of Object.entries(this.dependencies))
      dependency.define(dependencyTag, registry);
    for (const [dependencyTag, loader] of Object.entries(this.lazyDependencies))
      registerLazyElements([dependencyTag], loader);
    const existing = registry.get(tag);
    if (existing === undefined) {
      registry.define(tag, this);
    } else if (existing !== this) {
      console.warn(`Foyer: <${tag}> is already defined by another copy of Foyer; keeping the first one.`);
    }
  }

  /** Dispatches a bubbling, composed `CustomEvent` (crosses shadow roots to the host page). */
  protected emit<K extends keyof GlobalEventHandlersEventMap>(
    name: K,
    detail: GlobalEventHandlersEventMap[K] extends CustomEvent<infer D> ? D : never,
  ): boolean {
    return this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }
}
