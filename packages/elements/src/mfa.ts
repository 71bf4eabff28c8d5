/**
 * @module @foyer/elements/mfa: registers the MFA tags now (`<foyer-mfa-challenge>`,
 * `<foyer-mfa-setup>`, `<foyer-passkey-button>`, `<foyer-step-up>`) and exports their classes.
 * `@foyer/elements` loads this module lazily when one of the tags appears (in the document or in
 * a Foyer element, e.g. `<foyer-sign-in>` reaching its MFA step); import it to define them eagerly.
 */
import './mfa-challenge/mfa-challenge.js';
import './mfa-setup/mfa-setup.js';
import './passkey-button/passkey-button.js';
import './step-up/step-up.js';

export { FoyerMfaChallenge } from './mfa-challenge/mfa-challenge.component.js';
export { FoyerMfaSetup } from './mfa-setup/mfa-setup.component.js';
export { FoyerPasskeyButton } from './passkey-button/passkey-button.component.js';
export { FoyerStepUp, type FoyerStepUpRequiredDetail } from './step-up/step-up.component.js';
