/** @module Defines `<foyer-verify-email>`. Importing this file registers the tag. */
import { FoyerVerifyEmail } from './verify-email.component.js';

export { FoyerVerifyEmail };

FoyerVerifyEmail.define('foyer-verify-email');

declare global {
  interface HTMLElementTagNameMap {
    'foyer-verify-email': FoyerVerifyEmail;
  }
}
