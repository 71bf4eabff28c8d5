/** @module Defines `<foyer-step-up>`. Importing this file registers the tag. */
import { FoyerStepUp } from './step-up.component.js';

export { FoyerStepUp };

FoyerStepUp.define('foyer-step-up');

declare global {
  interface HTMLElementTagNameMap {
    'foyer-step-up': FoyerStepUp;
  }
}
