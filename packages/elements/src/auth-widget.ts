/**
 * @module Defines the auth widget: `<foyer-auth>`, `<foyer-sign-in>`, `<foyer-sign-up>` and
 * `<foyer-verify-email>`, which render one another. `@foyer/elements` imports it eagerly; the CDN
 * loader (`autoload.ts`, `dist/foyer.js`) imports it as one chunk when the first of these tags appears.
 */
import './verify-email/verify-email.js';
import './sign-in/sign-in.js';
import './sign-up/sign-up.js';
import './auth/auth.js';
