/**
 * @module The element classes and helpers without side effects: importing this file registers no
 * tag. Register under your own names with `FoyerSignIn.define('my-sign-in')`.
 */
export { FoyerElement, foyerStyles } from './internal/foyer-element.js';
export { MachineController, type MachineSource, type MachineControllerOptions } from './internal/machine-controller.js';
export { en } from './internal/en.messages.js';
export {
  registerMessages,
  messagesFor,
  errorMessage,
  DEFAULT_LOCALE,
  type FoyerMessages,
} from './internal/messages.js';
export type { FoyerUserDetail, FoyerErrorDetail, FoyerVerifiedDetail } from './internal/events.js';
export { FoyerVerifyEmail } from './verify-email/verify-email.component.js';
export { FoyerSignIn } from './sign-in/sign-in.component.js';
export { FoyerSignUp } from './sign-up/sign-up.component.js';
export { FoyerAuth } from './auth/auth.component.js';
export { FoyerCaptcha, CAPTCHA_SCRIPTS, type CaptchaProvider } from './captcha/captcha.component.js';
export { FoyerPasswordMeter } from './password-meter/password-meter.component.js';
export { FoyerChangePassword } from './change-password/change-password.component.js';
export { FoyerResetPassword } from './reset-password/reset-password.component.js';
export { FoyerSessions } from './sessions/sessions.component.js';
export { FoyerPhoneSignIn } from './phone-sign-in/phone-sign-in.component.js';
export { FoyerAccountDelete, type FoyerAccountDeleteStepUpDetail } from './account-delete/account-delete.component.js';
export { FoyerSocialButtons } from './social-buttons/social-buttons.component.js';
// Types only: the MFA classes live in the lazy chunk (`@foyer/elements/mfa`).
export type {
  FoyerMfaChallenge,
  FoyerMfaSetup,
  FoyerPasskeyButton,
  FoyerStepUp,
  FoyerStepUpRequiredDetail,
} from './mfa.js';
export { MFA_TAGS } from './internal/lazy-mfa.js';
export type { FoyerMfaEnabledDetail } from './internal/events.js';
export type {
  FoyerCaptchaSolvedDetail,
  FoyerCaptchaErrorDetail,
  FoyerForgotPasswordDetail,
  FoyerSessionRevokedDetail,
  FoyerOAuthReturnDetail,
  FoyerPhoneMfaRequiredDetail,
} from './internal/events.js';
export { ONBOARDING_TAGS, loadOnboardingElements, autoloadOnboardingElements } from './internal/lazy-onboarding.js';
// Types only: the onboarding classes live in the lazy chunk (`@foyer/elements/onboarding-components`).
export type {
  FoyerOnboarding,
  FoyerStepRoles,
  FoyerStepProfile,
  FoyerStepPackages,
  FoyerStepAvailability,
  FoyerStepPolicies,
  FoyerStepStudio,
  FoyerCompletenessMeter,
  FoyerStepChangeDetail,
  FoyerStepSavedDetail,
  FoyerPublishedDetail,
  FoyerStepInputDetail,
  FoyerGotoStepDetail,
  OnboardingMessages,
} from './onboarding-components.js';
