/** @module Defines `<foyer-step-packages>`. Importing this file registers the tag. */
import { FoyerStepPackages } from './step-packages.component.js';

export { FoyerStepPackages };

FoyerStepPackages.define('foyer-step-packages');

declare global {
  interface HTMLElementTagNameMap {
    'foyer-step-packages': FoyerStepPackages;
  }
}
