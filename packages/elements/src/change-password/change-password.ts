/** @module Defines `<foyer-change-password>` (and the `<foyer-password-meter>` it renders). Importing this file registers the tags. */
import { FoyerChangePassword } from './change-password.component.js';

export { FoyerChangePassword };

FoyerChangePassword.define('foyer-change-password');

declare global {
  interface HTMLElementTagNameMap {
    'foyer-change-password': FoyerChangePassword;
  }
}
