/** @module Defines `<foyer-sign-in>` (and the `<foyer-verify-email>` it renders). Importing this file registers the tags. */
import { FoyerSignIn } from './sign-in.component.js';

export { FoyerSignIn };

FoyerSignIn.define('foyer-sign-in');

declare global {
  interface HTMLElementTagNameMap {
    'foyer-sign-in': FoyerSignIn;
  }
}
