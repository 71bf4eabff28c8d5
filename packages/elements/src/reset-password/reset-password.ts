/** @module Defines `<foyer-reset-password>` (and the `<foyer-password-meter>` it renders). Importing this file registers the tags. */
import { FoyerResetPassword } from './reset-password.component.js';

export { FoyerResetPassword };

FoyerResetPassword.define('foyer-reset-password');

declare global {
  interface HTMLElementTagNameMap {
    'foyer-reset-password': FoyerResetPassword;
  }
}
