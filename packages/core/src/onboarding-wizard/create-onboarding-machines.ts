/** @module Wires one set of I/O actors into the onboarding machines, the autosave child included. */
import type { OnboardingActors } from '../actors/onboarding.actors.js';
import { autosaveMachine } from './autosave.machine.js';
import { onboardingMachine } from './onboarding.machine.js';

/**
 * The onboarding machines with their I/O provided (`provide()` does not reach into children, so
 * the autosave machine is provided first and handed in).
 *
 * @example
 * const { onboarding } = createOnboardingMachines(createOnboardingHttpActors(client));
 */
export function createOnboardingMachines(actors: OnboardingActors) {
  const autosave = autosaveMachine.provide({ actors: { saveStepDraft: actors.saveStepDraft } });
  const onboarding = onboardingMachine.provide({
    actors: {
      getOnboarding: actors.getOnboarding,
      completeStep: actors.completeStep,
      publish: actors.publish,
      unpublish: actors.unpublish,
      autosaveMachine: autosave,
    },
  });
  return { autosave, onboarding };
}
