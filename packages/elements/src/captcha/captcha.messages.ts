/** @module The English texts of `<foyer-captcha>`, registered when its module loads (see internal/messages.ts). */
import type { FoyerMessages } from '../internal/messages.js';

/** English texts of `<foyer-captcha>`. */
export const captchaMessages = {
  captchaLabel: 'Human check',
  captchaLoading: 'Loading the human check…',
  captchaSolved: 'Human check complete.',
  captchaFailed: 'The human check could not load. Reload the page and try again.',
} satisfies Partial<FoyerMessages>;
