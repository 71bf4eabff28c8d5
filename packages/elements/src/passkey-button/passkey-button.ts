/** @module Defines `<foyer-passkey-button>`. Importing this file registers the tag. */
import { FoyerPasskeyButton } from './passkey-button.component.js';

export { FoyerPasskeyButton };

FoyerPasskeyButton.define('foyer-passkey-button');

declare global {
  interface HTMLElementTagNameMap {
    'foyer-passkey-button': FoyerPasskeyButton;
  }
}
