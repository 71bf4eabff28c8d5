/** @module Defines `<foyer-step-profile>`. Importing this file registers the tag. */
import { FoyerStepProfile } from './step-profile.component.js';

export { FoyerStepProfile };

FoyerStepProfile.define('foyer-step-profile');

declare global {
  interface HTMLElementTagNameMap {
    'foyer-step-profile': FoyerStepProfile;
  }
}
