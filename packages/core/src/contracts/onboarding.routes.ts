/** @module The `ONBOARDING_ROUTES` table of the HTTP API (see routes.ts). */
import type { RouteContract } from './route-contract.js';
import * as onboarding from './onboarding.contracts.js';

const TRACK_QUERY = {
  track: 'The track (`provider`, `host`). Needed only when the step belongs to more than one of your tracks.',
};

/** Every route of the onboarding and publishing domains. */
export const ONBOARDING_ROUTES = {
  overview: {
    method: 'GET',
    path: '/onboarding',
    auth: 'session',
    summary:
      'Your tracks with every step (status, data, version), score, what is missing, and the publish and Instant Book gates.',
    response: { status: 200, schema: onboarding.onboardingOverviewSchema },
    errors: ['unauthenticated'],
  },
  setTracks: {
    method: 'PUT',
    path: '/onboarding/tracks',
    auth: 'session',
    summary: 'Choose the tracks you onboard on and your provider roles. Answers the overview.',
    request: onboarding.setTracksRequestSchema,
    response: { status: 200, schema: onboarding.onboardingOverviewSchema },
    errors: ['unauthenticated', 'unsupported_media_type'],
  },
  saveStep: {
    method: 'PATCH',
    path: '/onboarding/steps/:step',
    auth: 'session',
    summary:
      'Autosave a draft: a JSON Merge Patch of the step data (may be incomplete, must be type-correct). A stale `If-Match` version answers `409 version_conflict` with the current data in `details.current`, and writes nothing.',
    request: onboarding.stepPatchSchema,
    query: TRACK_QUERY,
    headers: { 'If-Match': 'The version the edit was based on (required).' },
    response: { status: 200, schema: onboarding.stepSavedSchema },
    errors: [
      'unauthenticated',
      'not_found',
      'precondition_required',
      'version_conflict',
      'step_locked',
      'unsupported_media_type',
    ],
  },
  completeStep: {
    method: 'POST',
    path: '/onboarding/steps/:step/complete',
    auth: 'session',
    summary:
      'Validate the saved step in full and mark it complete. Answers the new overview (scores and gates recomputed).',
    query: TRACK_QUERY,
    response: { status: 200, schema: onboarding.onboardingOverviewSchema },
    errors: ['unauthenticated', 'not_found', 'step_invalid', 'step_locked', 'slug_taken'],
  },
  publish: {
    method: 'POST',
    path: '/profiles/me/publish',
    auth: 'session',
    summary:
      'Publish the public profile of a track. Refused with `409 publish_blocked` and every reason in `details.reasons` while the gate is closed.',
    request: onboarding.publishRequestSchema,
    response: { status: 200, schema: onboarding.publishResponseSchema },
    errors: ['unauthenticated', 'publish_blocked', 'unsupported_media_type'],
  },
  unpublish: {
    method: 'POST',
    path: '/profiles/me/unpublish',
    auth: 'session',
    summary: 'Take the public profile of a track down.',
    request: onboarding.publishRequestSchema,
    response: { status: 204 },
    errors: ['unauthenticated', 'unsupported_media_type'],
  },
  instantBook: {
    method: 'GET',
    path: '/profiles/me/instant-book',
    auth: 'session',
    summary: 'Instant Book eligibility of each of your tracks, with reasons.',
    response: { status: 200, schema: onboarding.instantBookResponseSchema },
    errors: ['unauthenticated'],
  },
} as const satisfies Record<string, RouteContract>;
