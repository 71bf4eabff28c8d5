/** @module Defines `<foyer-sessions>`. Importing this file registers the tag. */
import { FoyerSessions } from './sessions.component.js';

export { FoyerSessions };

FoyerSessions.define('foyer-sessions');

declare global {
  interface HTMLElementTagNameMap {
    'foyer-sessions': FoyerSessions;
  }
}
