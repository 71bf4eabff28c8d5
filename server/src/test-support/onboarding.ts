/**
 * @module Onboarding helpers for server tests: a per-user client over the test server, complete
 * step data of the creative marketplace, and shortcuts to fill steps.
 */
import { creativeMarketplaceFixtures } from '@foyer/core';
import type { FoyerServerOptions } from '../create-foyer-server.js';
import type { TestResponse, TestServer } from './test-server.js';

/**
 * Server options for onboarding suites: they sign up many people from one address, which is a
 * test artefact, so the sign-up risk score and the auth rate limits are out of the way.
 */
export const ONBOARDING_SERVER_OPTIONS: Partial<FoyerServerOptions> = {
  risk: { threshold: Number.MAX_SAFE_INTEGER },
  rateLimits: { 'sign-up': false, 'verify-email': false, 'sign-in': false },
};

/** Complete provider step data (roles photographer + model): core's fixtures without the slots, which only plug-ins write. */
const {
  portfolio: _portfolio,
  verification: _verification,
  ...providerForms
} = creativeMarketplaceFixtures.providerSteps;
export const PROVIDER_DATA = providerForms;

/** Complete host `studio` data with the given slug. */
export function studioData(slug: string): Record<string, unknown> {
  return { ...creativeMarketplaceFixtures.hostSteps.studio, slug };
}

/** One step of an overview answer. */
export interface OverviewStep {
  id: string;
  status: 'locked' | 'due' | 'complete';
  data: Record<string, unknown>;
  version: number;
}

/** The calls of one signed-in person. */
export interface OnboardingTestClient {
  /** The session token. */
  session: string;
  overview(): Promise<TestResponse>;
  setTracks(body: unknown): Promise<TestResponse>;
  patch(step: string, version: number | string | undefined, patch: unknown, track?: string): Promise<TestResponse>;
  complete(step: string, track?: string): Promise<TestResponse>;
  publish(track: string): Promise<TestResponse>;
  unpublish(track: string): Promise<TestResponse>;
  instantBook(): Promise<TestResponse>;
  /** A step as `GET /onboarding` shows it. */
  step(track: string, step: string): Promise<OverviewStep>;
  /** Saves `data` over the current version and completes the step; throws unless both answer 200. */
  fill(track: string, step: string, data: Record<string, unknown>): Promise<TestResponse>;
}

/** A client for the person signed in with `session`. */
export function onboardingClient(server: TestServer, session: string): OnboardingTestClient {
  const query = (track?: string) => (track ? `?track=${encodeURIComponent(track)}` : '');
  const client: OnboardingTestClient = {
    session,
    overview: () => server.request('/onboarding', { session }),
    setTracks: (body) => server.request('/onboarding/tracks', { method: 'PUT', session, json: body }),
    patch: (step, version, patch, track) =>
      server.request(`/onboarding/steps/${step}${query(track)}`, {
        method: 'PATCH',
        session,
        json: patch,
        headers: version === undefined ? {} : { 'if-match': typeof version === 'number' ? `"${version}"` : version },
      }),
    complete: (step, track) =>
      server.request(`/onboarding/steps/${step}/complete${query(track)}`, { method: 'POST', session }),
    publish: (track) => server.request('/profiles/me/publish', { session, json: { track } }),
    unpublish: (track) => server.request('/profiles/me/unpublish', { session, json: { track } }),
    instantBook: () => server.request('/profiles/me/instant-book', { session }),
    async step(track, step) {
      const overview = await client.overview();
      const found = overview.body?.tracks
        ?.find((t: { id: string }) => t.id === track)
        ?.steps?.find((s: { id: string }) => s.id === step);
      if (!found) throw new Error(`no step ${track}/${step} in ${overview.text.slice(0, 200)}`);
      return found as OverviewStep;
    },
    async fill(track, step, data) {
      const { version } = await client.step(track, step);
      const saved = await client.patch(step, version, data, track);
      if (saved.status !== 200) throw new Error(`PATCH ${track}/${step}: ${saved.status} ${saved.text}`);
      const completed = await client.complete(step, track);
      if (completed.status !== 200) throw new Error(`complete ${track}/${step}: ${completed.status} ${completed.text}`);
      return completed;
    },
  };
  return client;
}
