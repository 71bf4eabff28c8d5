/**
 * @module The onboarding element classes and helpers without side effects: importing this file
 * registers no tag (`FoyerOnboarding.define('my-onboarding')` registers one, with the step
 * elements it renders).
 */
export { FoyerOnboarding } from './onboarding/onboarding.component.js';
export { FoyerStepElement, stepStyles } from './onboarding/step-element.js';
export { FoyerStepRoles } from './step-roles/step-roles.component.js';
export { FoyerStepProfile } from './step-profile/step-profile.component.js';
export { FoyerStepPackages } from './step-packages/step-packages.component.js';
export { FoyerStepAvailability } from './step-availability/step-availability.component.js';
export { FoyerStepPolicies } from './step-policies/step-policies.component.js';
export { FoyerStepStudio } from './step-studio/step-studio.component.js';
export { FoyerCompletenessMeter } from './completeness-meter/completeness-meter.component.js';
export {
  onboardingEn,
  registerOnboardingMessages,
  onboardingMessagesFor,
  type OnboardingMessages,
} from './onboarding/messages.js';
export { onboardingMachinesFor } from './internal/onboarding-machines.js';
export type {
  FoyerStepChangeDetail,
  FoyerStepSavedDetail,
  FoyerPublishedDetail,
  FoyerStepInputDetail,
  FoyerGotoStepDetail,
} from './onboarding/events.js';
