/** @module The CAPTCHA adapter contract: a challenge (self-hosted providers) and a server-side verification. */

/** CAPTCHA providers Foyer speaks. */
export type CaptchaProvider = 'altcha' | 'turnstile' | 'hcaptcha';

/** What a verification knows about the request. */
export interface CaptchaVerifyContext {
  /** The client's IP address, passed on to providers that use it (`remoteip`). */
  ip?: string | undefined;
}

/**
 * Verifies CAPTCHA solutions. Verification fails closed: an unreachable provider, a timeout or
 * an unreadable answer is `false`. Single use is enforced by Foyer on top (a replayed solution is
 * refused even if the provider would accept it).
 */
export interface CaptchaVerifier {
  readonly provider: CaptchaProvider;
  /** Public site key for the widget (Turnstile, hCaptcha). */
  readonly siteKey?: string | undefined;
  /** A fresh challenge for the widget (ALTCHA); absent for hosted providers. */
  challenge?(): Promise<object>;
  verify(solution: string, context: CaptchaVerifyContext): Promise<boolean>;
  /**
   * The part of a solution that identifies it for replay detection (ALTCHA: the signed challenge
   * nonce, so re-encoding the same solution does not make it new). @default the solution itself
   */
  replayKey?(solution: string): string;
}
