/** @module Defines `<foyer-auth>` (and the sign-in, sign-up and verify-email elements it renders). Importing this file registers the tags. */
import { FoyerAuth } from './auth.component.js';

export { FoyerAuth };

FoyerAuth.define('foyer-auth');

declare global {
  interface HTMLElementTagNameMap {
    'foyer-auth': FoyerAuth;
  }
}
