/** @module The events of the Foyer elements, typed on every element and on `window`. */
import type { ErrorCode, User } from '@foyer/core';

/** Detail of `foyer-sign-in-complete` and `foyer-sign-up-complete`. */
export interface FoyerUserDetail {
  user: User;
}

/** Detail of `foyer-error`: the code and the text the element shows for it. */
export interface FoyerErrorDetail {
  code: ErrorCode;
  message: string;
}

/** Detail of `foyer-verify-email-complete`. */
export type FoyerVerifiedDetail = FoyerUserDetail;

/** Detail of `foyer-captcha-solved`: the solution to send with the form. */
export interface FoyerCaptchaSolvedDetail {
  solution: string;
}

/** Detail of `foyer-captcha-error`. */
export interface FoyerCaptchaErrorDetail {
  provider: 'altcha' | 'turnstile' | 'hcaptcha';
  message: string;
}

/** Detail of `foyer-forgot-password` (cancelable): the email typed so far. */
export interface FoyerForgotPasswordDetail {
  email: string;
}

/** Detail of `foyer-oauth-return`: what the social sign-in callback reported on the URL. */
export interface FoyerOAuthReturnDetail {
  /** The provider waiting for a password sign-in to be linked. */
  link?: string;
  /** Why the provider sign-in failed. */
  error?: ErrorCode;
  /** A second factor is pending. */
  mfa?: boolean;
}

/** Detail of `foyer-phone-mfa-required`: the sign-in answer naming the second factors to offer. */
export interface FoyerPhoneMfaRequiredDetail {
  mfaRequired: true;
  factors: string[];
}

/** Detail of `foyer-session-revoked`: the revoked session's id, or `null` for all other sessions. */
export interface FoyerSessionRevokedDetail {
  id: string | null;
}

/** Detail of `foyer-mfa-enabled`: which factor was added. */
export interface FoyerMfaEnabledDetail {
  type: 'totp' | 'passkey';
}

declare global {
  interface GlobalEventHandlersEventMap {
    'foyer-sign-in-complete': CustomEvent<FoyerUserDetail>;
    'foyer-sign-up-complete': CustomEvent<FoyerUserDetail>;
    'foyer-verify-email-complete': CustomEvent<FoyerVerifiedDetail>;
    'foyer-sign-out': CustomEvent<Record<string, never>>;
    'foyer-error': CustomEvent<FoyerErrorDetail>;
    'foyer-captcha-solved': CustomEvent<FoyerCaptchaSolvedDetail>;
    'foyer-captcha-error': CustomEvent<FoyerCaptchaErrorDetail>;
    'foyer-forgot-password': CustomEvent<FoyerForgotPasswordDetail>;
    'foyer-password-reset-complete': CustomEvent<FoyerUserDetail>;
    'foyer-password-changed': CustomEvent<Record<string, never>>;
    'foyer-session-revoked': CustomEvent<FoyerSessionRevokedDetail>;
    'foyer-phone-sign-in-complete': CustomEvent<FoyerUserDetail>;
    'foyer-phone-mfa-required': CustomEvent<FoyerPhoneMfaRequiredDetail>;
    'foyer-account-deleted': CustomEvent<Record<string, never>>;
    'foyer-oauth-return': CustomEvent<FoyerOAuthReturnDetail>;
    'foyer-mfa-complete': CustomEvent<FoyerUserDetail>;
    'foyer-mfa-expired': CustomEvent<Record<string, never>>;
    'foyer-mfa-enabled': CustomEvent<FoyerMfaEnabledDetail>;
    'foyer-mfa-factor-removed': CustomEvent<{ id: string }>;
    'foyer-passkey-sign-in-complete': CustomEvent<FoyerUserDetail>;
    'foyer-step-up-complete': CustomEvent<{ stepUpUntil: string }>;
  }
}
