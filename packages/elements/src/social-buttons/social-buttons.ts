/** @module Defines `<foyer-social-buttons>`. Importing this file registers the tag. */
import { FoyerSocialButtons } from './social-buttons.component.js';

export { FoyerSocialButtons };

FoyerSocialButtons.define('foyer-social-buttons');

declare global {
  interface HTMLElementTagNameMap {
    'foyer-social-buttons': FoyerSocialButtons;
  }
}
