/** @module Cloudflare Turnstile: tokens verified against its siteverify API. */
import type { CaptchaVerifier } from './captcha.js';
import { createSiteverifyVerifier, type SiteverifyOptions } from './siteverify.js';

/** Turnstile's siteverify endpoint. */
export const TURNSTILE_VERIFY_URL = 'https://challenges.cloudflare.com/turnstile/v0/siteverify';

/**
 * A Turnstile verifier.
 *
 * @example
 * createTurnstileVerifier({ secret: process.env.TURNSTILE_SECRET!, siteKey: '0x4AAA…' })
 */
export function createTurnstileVerifier(options: SiteverifyOptions): CaptchaVerifier {
  return createSiteverifyVerifier('turnstile', TURNSTILE_VERIFY_URL, options);
}
