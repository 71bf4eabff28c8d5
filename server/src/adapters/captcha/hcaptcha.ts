/** @module hCaptcha: tokens verified against its siteverify API. */
import type { CaptchaVerifier } from './captcha.js';
import { createSiteverifyVerifier, type SiteverifyOptions } from './siteverify.js';

/** hCaptcha's siteverify endpoint. */
export const HCAPTCHA_VERIFY_URL = 'https://api.hcaptcha.com/siteverify';

/**
 * An hCaptcha verifier.
 *
 * @example
 * createHcaptchaVerifier({ secret: process.env.HCAPTCHA_SECRET!, siteKey: '10000000-ffff-…' })
 */
export function createHcaptchaVerifier(options: SiteverifyOptions): CaptchaVerifier {
  return createSiteverifyVerifier('hcaptcha', HCAPTCHA_VERIFY_URL, options);
}
