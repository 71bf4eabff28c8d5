/** @module Defines `<foyer-mfa-challenge>`. Importing this file registers the tag. */
import { FoyerMfaChallenge } from './mfa-challenge.component.js';

export { FoyerMfaChallenge };

FoyerMfaChallenge.define('foyer-mfa-challenge');

declare global {
  interface HTMLElementTagNameMap {
    'foyer-mfa-challenge': FoyerMfaChallenge;
  }
}
