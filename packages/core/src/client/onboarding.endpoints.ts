/**
 * @module The client methods of `ONBOARDING_ROUTES`. A bundle that imports only some of these modules carries
 * only their route tables and answer schemas.
 */
import { ONBOARDING_ROUTES } from '../contracts/onboarding.routes.js';
import {
  instantBookResponseSchema,
  onboardingOverviewSchema,
  publishResponseSchema,
  stepSavedSchema,
} from '../contracts/index.js';
import type { EndpointCall } from './endpoint-call.js';
import type { FoyerClient } from './client.js';

/** The methods of `ONBOARDING_ROUTES`. */
export function onboardingEndpoints(call: EndpointCall) {
  return {
    getOnboarding: (init) => call(ONBOARDING_ROUTES.overview, {}, onboardingOverviewSchema, init),
    setTracks: (body, init) => call(ONBOARDING_ROUTES.setTracks, { body }, onboardingOverviewSchema, init),
    saveStepDraft: ({ track, step, patch, version }, init) =>
      call(
        ONBOARDING_ROUTES.saveStep,
        { params: { step }, query: { track }, headers: { 'if-match': `"${version}"` }, body: patch },
        stepSavedSchema,
        init,
      ),
    completeStep: ({ track, step }, init) =>
      call(ONBOARDING_ROUTES.completeStep, { params: { step }, query: { track } }, onboardingOverviewSchema, init),
    publish: (body, init) => call(ONBOARDING_ROUTES.publish, { body }, publishResponseSchema, init),
    unpublish: (body, init) => call(ONBOARDING_ROUTES.unpublish, { body }, null, init),
    getInstantBook: (init) => call(ONBOARDING_ROUTES.instantBook, {}, instantBookResponseSchema, init),
  } satisfies Pick<
    FoyerClient,
    'getOnboarding' | 'setTracks' | 'saveStepDraft' | 'completeStep' | 'publish' | 'unpublish' | 'getInstantBook'
  >;
}

/** The method names of {@link onboardingEndpoints}. */
export type OnboardingEndpointName = keyof ReturnType<typeof onboardingEndpoints>;
