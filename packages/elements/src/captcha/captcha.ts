/** @module Defines `<foyer-captcha>`. Importing this file registers the tag. */
import { FoyerCaptcha } from './captcha.component.js';

export { FoyerCaptcha };

FoyerCaptcha.define('foyer-captcha');

declare global {
  interface HTMLElementTagNameMap {
    'foyer-captcha': FoyerCaptcha;
  }
}
