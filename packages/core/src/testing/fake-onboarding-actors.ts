/**
 * @module Fake I/O for the onboarding machines, for tests and stories: each actor answers with the
 * handler you give it.
 */
import { fromPromise, type InputFrom, type OutputFrom } from 'xstate';
import type { OnboardingActors } from '../actors/onboarding.actors.js';
import { FoyerError } from '../errors.js';

/** One async function per actor; the ones left out reject with `network_error`. */
export type FakeOnboardingHandlers = {
  [K in keyof OnboardingActors]?: (input: InputFrom<OnboardingActors[K]>) => Promise<OutputFrom<OnboardingActors[K]>>;
};

/**
 * Onboarding actors answered by plain async functions.
 *
 * @example
 * const actors = createFakeOnboardingActors({ getOnboarding: async () => overview });
 */
export function createFakeOnboardingActors(handlers: FakeOnboardingHandlers = {}): OnboardingActors {
  const fake = <K extends keyof OnboardingActors>(name: K) =>
    fromPromise<OutputFrom<OnboardingActors[K]>, InputFrom<OnboardingActors[K]>>(({ input }) => {
      const handler = handlers[name] as
        ((input: InputFrom<OnboardingActors[K]>) => Promise<OutputFrom<OnboardingActors[K]>>) | undefined;
      return handler
        ? handler(input)
        : Promise.reject(new FoyerError('network_error', { message: `No fake for "${name}".` }));
    });
  return {
    getOnboarding: fake('getOnboarding'),
    saveStepDraft: fake('saveStepDraft'),
    completeStep: fake('completeStep'),
    publish: fake('publish'),
    unpublish: fake('unpublish'),
  } as OnboardingActors;
}
