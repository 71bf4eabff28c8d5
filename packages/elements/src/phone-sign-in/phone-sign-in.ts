/** @module Defines `<foyer-phone-sign-in>`. Importing this file registers the tag. */
import { FoyerPhoneSignIn } from './phone-sign-in.component.js';

export { FoyerPhoneSignIn };

FoyerPhoneSignIn.define('foyer-phone-sign-in');

declare global {
  interface HTMLElementTagNameMap {
    'foyer-phone-sign-in': FoyerPhoneSignIn;
  }
}
