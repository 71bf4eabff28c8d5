/**
 * @module @foyer/elements: the Foyer web components. Importing this file registers every tag
 * (`<foyer-auth>`, `<foyer-sign-in>`, `<foyer-sign-up>`, `<foyer-verify-email>`); import
 * `@foyer/elements/components` for the classes without registering anything.
 *
 * The onboarding tags (`<foyer-onboarding>`, `<foyer-step-*>`, `<foyer-completeness-meter>`) are
 * registered lazily: their chunk (`./onboarding.js`, with the Temporal polyfill) is imported only
 * once one of them appears in the document. `import '@foyer/elements/onboarding'` registers them now.
 */
import './verify-email/verify-email.js';
import './sign-in/sign-in.js';
import './sign-up/sign-up.js';
import './auth/auth.js';
import './captcha/captcha.js';
import './password-meter/password-meter.js';
import './change-password/change-password.js';
import './reset-password/reset-password.js';
import './sessions/sessions.js';
import './social-buttons/social-buttons.js';
import './phone-sign-in/phone-sign-in.js';
import './account-delete/account-delete.js';
import { autoloadOnboardingElements } from './internal/lazy-onboarding.js';
import { autoloadMfaElements } from './internal/lazy-mfa.js';

export * from './components.js';

autoloadOnboardingElements();
// The MFA tags (`<foyer-mfa-challenge>`, `<foyer-mfa-setup>`, `<foyer-passkey-button>`, `<foyer-step-up>`) load on first use.
autoloadMfaElements();
