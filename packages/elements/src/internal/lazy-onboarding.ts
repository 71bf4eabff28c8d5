/**
 * @module Lazy registration of the onboarding tags: `@foyer/elements` (and `dist/foyer.js`)
 * defines none of them eagerly; once one appears (in the document or in a Foyer element), the
 * onboarding chunk (`../onboarding.js`, with the Temporal polyfill) loads and defines them all.
 * `import '@foyer/elements/onboarding'` defines them eagerly instead.
 */
import { loadElement, registerLazyElements } from './lazy-elements.js';

/** The tags the onboarding chunk defines. */
export const ONBOARDING_TAGS = [
  'foyer-onboarding',
  'foyer-step-roles',
  'foyer-step-profile',
  'foyer-step-packages',
  'foyer-step-availability',
  'foyer-step-policies',
  'foyer-step-studio',
  'foyer-completeness-meter',
] as const;

/** Registers {@link ONBOARDING_TAGS} with the lazy registry (one chunk for all of them). */
export function autoloadOnboardingElements(): void {
  registerLazyElements(ONBOARDING_TAGS, () => import('../onboarding.js'));
}

/** Imports the onboarding chunk now (once) and resolves when its tags are defined. */
export function loadOnboardingElements(): Promise<unknown> {
  autoloadOnboardingElements();
  return loadElement('foyer-onboarding');
}
