/** @module Defines `<foyer-completeness-meter>`. Importing this file registers the tag. */
import { FoyerCompletenessMeter } from './completeness-meter.component.js';

export { FoyerCompletenessMeter };

FoyerCompletenessMeter.define('foyer-completeness-meter');

declare global {
  interface HTMLElementTagNameMap {
    'foyer-completeness-meter': FoyerCompletenessMeter;
  }
}
