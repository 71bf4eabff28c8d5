/**
 * @module The CDN entry, `dist/foyer.js`: an autoloader (the Shoelace / Web Awesome autoloader and
 * Stencil lazy-loader pattern). It defines no element and contains no Lit, XState or zod: it
 * registers every Foyer tag with the lazy registry (tag → chunk; the auth widget's four tags share
 * one chunk), which imports a tag's chunk the first time the tag appears in the document or in a
 * Foyer shadow root; elements already in the page upgrade in place, keeping attributes and
 * properties set before. The build (rollup.config.mjs `preloadChunkImports`) makes each of those
 * imports fetch the chunk's shared dependencies (Lit, XState, zod, core) in parallel with it.
 *
 * What it exports needs no element code: the lazy registry and the message registry, so a host can
 * `import { registerMessages } from '…/foyer.js'` before any element has loaded. Element classes
 * are reached once defined (`await loadElement('foyer-sign-in'); customElements.get('foyer-sign-in')`)
 * or from npm (`@foyer/elements/components`).
 *
 * npm users keep `import '@foyer/elements'` (index.ts: the auth widget defined at once, the rest lazy).
 */
import { registerLazyElements } from './internal/lazy-elements.js';
import { autoloadStandaloneElements } from './internal/lazy-standalone.js';
import { autoloadMfaElements } from './internal/lazy-mfa.js';
import { autoloadOnboardingElements } from './internal/lazy-onboarding.js';

/** The tags `auth-widget.ts` defines (listed here: importing them from there would make it static). */
const AUTH_WIDGET_TAGS = ['foyer-auth', 'foyer-sign-in', 'foyer-sign-up', 'foyer-verify-email'];

registerLazyElements(AUTH_WIDGET_TAGS, () => import('./auth-widget.js'));
autoloadStandaloneElements();
autoloadMfaElements();
autoloadOnboardingElements();

export { loadElement, registerLazyElements, definedElement } from './internal/lazy-elements.js';
export {
  registerMessages,
  messagesFor,
  errorMessage,
  DEFAULT_LOCALE,
  type FoyerMessages,
} from './internal/messages.js';
export { MFA_TAGS } from './internal/lazy-mfa.js';
export { ONBOARDING_TAGS, loadOnboardingElements, autoloadOnboardingElements } from './internal/lazy-onboarding.js';
