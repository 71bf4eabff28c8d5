/** @module Defines `<foyer-password-meter>`. Importing this file registers the tag. */
import { FoyerPasswordMeter } from './password-meter.component.js';

export { FoyerPasswordMeter };

FoyerPasswordMeter.define('foyer-password-meter');

declare global {
  interface HTMLElementTagNameMap {
    'foyer-password-meter': FoyerPasswordMeter;
  }
}
