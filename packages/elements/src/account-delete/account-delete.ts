/** @module Defines `<foyer-account-delete>`. Importing this file registers the tag. */
import { FoyerAccountDelete } from './account-delete.component.js';

export { FoyerAccountDelete };

FoyerAccountDelete.define('foyer-account-delete');

declare global {
  interface HTMLElementTagNameMap {
    'foyer-account-delete': FoyerAccountDelete;
  }
}
