/**
 * @module @foyer/elements/onboarding: registers every onboarding tag now (`<foyer-onboarding>`,
 * the `<foyer-step-*>` elements, `<foyer-completeness-meter>`). `@foyer/elements` loads this
 * module lazily when one of the tags appears in the document; import it to define them eagerly.
 */
import './completeness-meter/completeness-meter.js';
import './step-roles/step-roles.js';
import './step-profile/step-profile.js';
import './step-packages/step-packages.js';
import './step-availability/step-availability.js';
import './step-policies/step-policies.js';
import './step-studio/step-studio.js';
import './onboarding/onboarding.js';

export * from './onboarding-components.js';
