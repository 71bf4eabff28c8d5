/** @module Defines `<foyer-step-roles>`. Importing this file registers the tag. */
import { FoyerStepRoles } from './step-roles.component.js';

export { FoyerStepRoles };

FoyerStepRoles.define('foyer-step-roles');

declare global {
  interface HTMLElementTagNameMap {
    'foyer-step-roles': FoyerStepRoles;
  }
}
