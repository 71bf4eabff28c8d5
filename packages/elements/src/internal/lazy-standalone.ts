/**
 * @module Lazy registration of the standalone tags that are neither the auth widget, MFA nor
 * onboarding: each has its own chunk, loaded when the tag first appears. Shared by `index.ts`
 * (npm) and `autoload.ts` (the CDN loader).
 */
import { registerLazyElements } from './lazy-elements.js';

/** Registers the CAPTCHA, password meter, password, sessions, social, phone and account-deletion tags. */
export function autoloadStandaloneElements(): void {
  registerLazyElements(['foyer-captcha'], () => import('../captcha/captcha.js'));
  registerLazyElements(['foyer-password-meter'], () => import('../password-meter/password-meter.js'));
  registerLazyElements(['foyer-change-password'], () => import('../change-password/change-password.js'));
  registerLazyElements(['foyer-reset-password'], () => import('../reset-password/reset-password.js'));
  registerLazyElements(['foyer-sessions'], () => import('../sessions/sessions.js'));
  registerLazyElements(['foyer-social-buttons'], () => import('../social-buttons/social-buttons.js'));
  registerLazyElements(['foyer-phone-sign-in'], () => import('../phone-sign-in/phone-sign-in.js'));
  registerLazyElements(['foyer-account-delete'], () => import('../account-delete/account-delete.js'));
}
