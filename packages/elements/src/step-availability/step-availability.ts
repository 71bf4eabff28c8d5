/** @module Defines `<foyer-step-availability>`. Importing this file registers the tag. */
import { FoyerStepAvailability } from './step-availability.component.js';

export { FoyerStepAvailability };

FoyerStepAvailability.define('foyer-step-availability');

declare global {
  interface HTMLElementTagNameMap {
    'foyer-step-availability': FoyerStepAvailability;
  }
}
