/** @module Defines `<foyer-mfa-setup>`. Importing this file registers the tag. */
import { FoyerMfaSetup } from './mfa-setup.component.js';

export { FoyerMfaSetup };

FoyerMfaSetup.define('foyer-mfa-setup');

declare global {
  interface HTMLElementTagNameMap {
    'foyer-mfa-setup': FoyerMfaSetup;
  }
}
