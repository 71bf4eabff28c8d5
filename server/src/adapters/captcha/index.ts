/** @module CAPTCHA adapters: ALTCHA (embedded default), Turnstile, hCaptcha, and the option that picks one. */
import { createAltchaVerifier } from './altcha.js';
import type { CaptchaProvider, CaptchaVerifier } from './captcha.js';
import { createHcaptchaVerifier } from './hcaptcha.js';
import { createTurnstileVerifier } from './turnstile.js';

export * from './captcha.js';
export * from './altcha.js';
export * from './turnstile.js';
export * from './hcaptcha.js';

/** The `captcha` server option. */
export interface CaptchaOption {
  /** @default 'altcha' */
  provider?: CaptchaProvider;
  /** Turnstile / hCaptcha secret key (required for them). ALTCHA: signing secret. @default ALTCHA: the server secret */
  secret?: string;
  /** Turnstile / hCaptcha public site key, sent to the widget in `428` details. */
  siteKey?: string;
  /** Turnstile / hCaptcha siteverify URL. @default the provider's */
  verifyUrl?: string;
  /** ALTCHA: SHA-256 iterations per try (~256 tries). @default 2000 */
  cost?: number;
  /** Turnstile / hCaptcha: siteverify timeout in ms (fails closed). @default 5000 */
  timeoutMs?: number;
}

/** Builds the verifier the option asks for, or returns a given instance as is. */
export function createCaptchaVerifier(
  option: CaptchaOption | CaptchaVerifier | undefined,
  serverSecret: string,
  now: () => Date,
): CaptchaVerifier {
  if (option && 'verify' in option) return option;
  const provider = option?.provider ?? 'altcha';
  const common = {
    secret: option?.secret ?? '',
    ...(option?.siteKey ? { siteKey: option.siteKey } : {}),
    ...(option?.verifyUrl ? { verifyUrl: option.verifyUrl } : {}),
    ...(option?.timeoutMs ? { timeoutMs: option.timeoutMs } : {}),
  };
  if (provider === 'turnstile') return createTurnstileVerifier(common);
  if (provider === 'hcaptcha') return createHcaptchaVerifier(common);
  return createAltchaVerifier({
    secret: option?.secret ?? serverSecret,
    now,
    ...(option?.cost ? { cost: option.cost } : {}),
  });
}
