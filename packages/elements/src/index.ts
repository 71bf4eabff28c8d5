/**
 * @module @foyer/elements: the Foyer web components. Importing this file defines the auth widget
 * at once (`<foyer-auth>`, `<foyer-sign-in>`, `<foyer-sign-up>`, `<foyer-verify-email>`) and every
 * other tag lazily: its chunk is fetched the first time the tag appears, in the page or inside a
 * Foyer element (CAPTCHA, password meter, reset, sessions, MFA, onboarding…), so a page pays only
 * for what it shows. Import a tag's own module (`@foyer/elements/sessions/sessions`,
 * `@foyer/elements/mfa`, `@foyer/elements/onboarding`) to define it eagerly, and
 * `@foyer/elements/components` for the classes without defining anything.
 */
import './auth-widget.js';
import { autoloadStandaloneElements } from './internal/lazy-standalone.js';
import { autoloadMfaElements } from './internal/lazy-mfa.js';
import { autoloadOnboardingElements } from './internal/lazy-onboarding.js';

autoloadStandaloneElements();
autoloadMfaElements();
autoloadOnboardingElements();

// The eager classes, the shared helpers, and types only for the lazy ones (their classes are in
// `@foyer/elements/components`), so this entry does not pull their code in.
export { FoyerAuth } from './auth/auth.component.js';
export { FoyerSignIn } from './sign-in/sign-in.component.js';
export { FoyerSignUp } from './sign-up/sign-up.component.js';
export { FoyerVerifyEmail } from './verify-email/verify-email.component.js';
export { FoyerElement, foyerStyles } from './internal/foyer-element.js';
export { MachineController, type MachineSource, type MachineControllerOptions } from './internal/machine-controller.js';
export { en } from './internal/en.messages.js';
export {
  registerMessages,
  messagesFor,
  errorMessage,
  DEFAULT_LOCALE,
  type FoyerMessages,
} from './internal/messages.js';
export { loadElement, registerLazyElements, definedElement } from './internal/lazy-elements.js';
export { MFA_TAGS } from './internal/lazy-mfa.js';
export { ONBOARDING_TAGS, loadOnboardingElements, autoloadOnboardingElements } from './internal/lazy-onboarding.js';
export type * from './components.js';
