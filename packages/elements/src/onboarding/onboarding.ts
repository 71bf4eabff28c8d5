/** @module Defines `<foyer-onboarding>`. Importing this file registers the tag. */
import { FoyerOnboarding } from './onboarding.component.js';

export { FoyerOnboarding };

FoyerOnboarding.define('foyer-onboarding');

declare global {
  interface HTMLElementTagNameMap {
    'foyer-onboarding': FoyerOnboarding;
  }
}
