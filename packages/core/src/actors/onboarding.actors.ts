/**
 * @module The I/O the onboarding machines perform, as named XState actors: placeholders here,
 * `createOnboardingHttpActors(client)` in production, fakes in tests and stories.
 */
import { fromPromise } from 'xstate';
import type { SaveStepDraftRequest } from '../client/client.js';
import type { OnboardingOverview, PublishRequest, PublishResponse, StepSaved } from '../contracts/index.js';

function notProvided(name: string): () => Promise<never> {
  return () =>
    Promise.reject(new Error(`Foyer: the "${name}" actor was not provided. Use createOnboardingMachines(actors).`));
}

/** Input of the `saveStepDraft` actor: the save request, and whether the page is going away. */
export type SaveStepDraftInput = SaveStepDraftRequest & { keepalive?: boolean };

/** Placeholders of every onboarding I/O actor, typed by input and output. */
export const onboardingActorPlaceholders = {
  getOnboarding: fromPromise<OnboardingOverview, void>(notProvided('getOnboarding')),
  saveStepDraft: fromPromise<StepSaved, SaveStepDraftInput>(notProvided('saveStepDraft')),
  completeStep: fromPromise<OnboardingOverview, { track: string; step: string }>(notProvided('completeStep')),
  publish: fromPromise<PublishResponse, PublishRequest>(notProvided('publish')),
  unpublish: fromPromise<void, PublishRequest>(notProvided('unpublish')),
};

/** The I/O actors of the onboarding machines. */
export type OnboardingActors = typeof onboardingActorPlaceholders;
