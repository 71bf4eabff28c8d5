/** @module Defines `<foyer-step-studio>`. Importing this file registers the tag. */
import { FoyerStepStudio } from './step-studio.component.js';

export { FoyerStepStudio };

FoyerStepStudio.define('foyer-step-studio');

declare global {
  interface HTMLElementTagNameMap {
    'foyer-step-studio': FoyerStepStudio;
  }
}
