/**
 * @module Token verification against a `siteverify` API, the protocol Cloudflare Turnstile and
 * hCaptcha share: a form-encoded POST of `secret`, `response` and `remoteip`; a JSON answer
 * with `success`. Fails closed on timeouts, network errors and unreadable answers.
 */
import type { CaptchaProvider, CaptchaVerifier } from './captcha.js';

/** Options of a siteverify-based verifier. */
export interface SiteverifyOptions {
  /** Secret key from the provider's dashboard. */
  secret: string;
  /** Public site key, handed to the widget. */
  siteKey?: string;
  /** The siteverify endpoint (configurable for proxies and tests). */
  verifyUrl?: string;
  /** Timeout per verification, in ms. @default 5000 */
  timeoutMs?: number;
  /** The fetch implementation. @default globalThis.fetch */
  fetch?: typeof fetch;
}

/** Builds a verifier for a siteverify provider. */
export function createSiteverifyVerifier(
  provider: CaptchaProvider,
  defaultUrl: string,
  options: SiteverifyOptions,
): CaptchaVerifier {
  if (!options.secret) throw new Error(`The ${provider} CAPTCHA needs a secret key.`);
  const url = options.verifyUrl ?? defaultUrl;
  const timeoutMs = options.timeoutMs ?? 5000;
  const doFetch = options.fetch ?? fetch;
  return {
    provider,
    siteKey: options.siteKey,
    async verify(solution, context) {
      const form = new URLSearchParams({ secret: options.secret, response: solution });
      if (context.ip) form.set('remoteip', context.ip);
      if (provider === 'hcaptcha' && options.siteKey) form.set('sitekey', options.siteKey);
      try {
        const response = await doFetch(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
          body: form.toString(),
          signal: AbortSignal.timeout(timeoutMs),
        });
        if (!response.ok) return false;
        const answer = (await response.json()) as { success?: unknown };
        return answer.success === true;
      } catch {
        return false;
      }
    },
  };
}
