/** @module Defines `<foyer-sign-up>` (and the `<foyer-verify-email>` it renders). Importing this file registers the tags. */
import { FoyerSignUp } from './sign-up.component.js';

export { FoyerSignUp };

FoyerSignUp.define('foyer-sign-up');

declare global {
  interface HTMLElementTagNameMap {
    'foyer-sign-up': FoyerSignUp;
  }
}
