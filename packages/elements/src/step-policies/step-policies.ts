/** @module Defines `<foyer-step-policies>`. Importing this file registers the tag. */
import { FoyerStepPolicies } from './step-policies.component.js';

export { FoyerStepPolicies };

FoyerStepPolicies.define('foyer-step-policies');

declare global {
  interface HTMLElementTagNameMap {
    'foyer-step-policies': FoyerStepPolicies;
  }
}
