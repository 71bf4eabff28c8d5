/**
 * @module @foyer/elements: the Foyer web components. Importing this file registers every tag
 * (`<foyer-auth>`, `<foyer-sign-in>`, `<foyer-sign-up>`, `<foyer-verify-email>`); import
 * `@foyer/elements/components` for the classes without registering anything.
 */
import './verify-email/verify-email.js';
import './sign-in/sign-in.js';
import './sign-up/sign-up.js';
import './auth/auth.js';

export * from './components.js';
