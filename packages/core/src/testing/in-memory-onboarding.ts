/**
 * @module An in-memory onboarding backend for tests and stories: the server's rules (versions,
 * draft and full validation, gating, gates) over plain objects, built from the same pure core
 * functions, so a wizard can run with no server at all.
 */
import { fieldErrorsOf } from '../contracts/field-errors.js';
import type { OnboardingOverview } from '../contracts/index.js';
import { FoyerError } from '../errors.js';
import { buildOnboardingOverview } from '../onboarding/build-overview.js';
import type { OnboardingDefinition } from '../onboarding/define-onboarding.js';
import { applyMergePatch } from '../onboarding/merge-patch.js';
import type { OnboardingProfile, StepRecord } from '../onboarding/onboarding-profile.js';
import { stepStatuses } from '../onboarding/step-status.js';
import type { FakeOnboardingHandlers } from './fake-onboarding-actors.js';

/** A profile and its draft versions, mutable by the backend. */
export interface InMemoryOnboardingState {
  profile: OnboardingProfile;
  versions: Record<string, Record<string, number>>;
  published: Record<string, { url: string; publishedAt: string } | null>;
}

/**
 * Handlers for {@link createFakeOnboardingActors} that behave like the server.
 *
 * @example
 * const backend = createInMemoryOnboarding(creativeMarketplace, { tracks: ['host'] });
 * const actors = createFakeOnboardingActors(backend.handlers);
 */
export function createInMemoryOnboarding(
  definition: OnboardingDefinition,
  profile: Partial<OnboardingProfile> = {},
  now?: () => Date,
) {
  const state: InMemoryOnboardingState = {
    profile: { tracks: ['provider'], roles: {}, steps: {}, emailVerified: true, identityVerified: false, ...profile },
    versions: {},
    published: {},
  };
  const overview = (): OnboardingOverview =>
    buildOnboardingOverview(state.profile, definition, {
      versions: state.versions,
      published: state.published,
      now: now?.(),
    });
  const record = (track: string, step: string): StepRecord =>
    state.profile.steps[track]?.[step] ?? { data: {}, complete: false };
  const write = (track: string, step: string, next: StepRecord) => {
    state.profile = {
      ...state.profile,
      steps: { ...state.profile.steps, [track]: { ...state.profile.steps[track], [step]: next } },
    };
    state.versions[track] = { ...state.versions[track], [step]: (state.versions[track]?.[step] ?? 0) + 1 };
  };
  const requireStep = (track: string, step: string) => {
    const definitionStep = definition.stepOf(track, step);
    if (!definitionStep || !state.profile.tracks.includes(track)) throw new FoyerError('not_found');
    // Like the server: slots are written by their plug-ins, never by the wizard.
    if (definitionStep.kind === 'slot')
      throw new FoyerError('invalid_input', {
        fields: { step: `“${definitionStep.title}” is filled by ${definitionStep.slot ?? 'a plug-in'}.` },
      });
    if (stepStatuses(state.profile, definition, track).find((s) => s.id === step)?.status === 'locked')
      throw new FoyerError('step_locked');
    return definitionStep;
  };

  const handlers = {
    getOnboarding: async () => overview(),
    saveStepDraft: async ({ track, step, patch, version }) => {
      const definitionStep = requireStep(track, step);
      const current = record(track, step);
      const currentVersion = state.versions[track]?.[step] ?? 0;
      if (version !== currentVersion)
        throw new FoyerError('version_conflict', {
          details: { current: { data: current.data, version: currentVersion } },
        });
      const data = applyMergePatch(current.data, patch);
      const parsed = definitionStep.draftSchema.safeParse(data);
      if (!parsed.success) throw new FoyerError('invalid_input', { fields: fieldErrorsOf(parsed.error) });
      write(track, step, { data, complete: current.complete && definitionStep.schema.safeParse(data).success });
      return { version: state.versions[track]![step]! };
    },
    completeStep: async ({ track, step }) => {
      const definitionStep = requireStep(track, step);
      const parsed = definitionStep.schema.safeParse(record(track, step).data);
      if (!parsed.success) throw new FoyerError('step_invalid', { fields: fieldErrorsOf(parsed.error) });
      write(track, step, { data: parsed.data as Record<string, unknown>, complete: true });
      if (step === 'roles')
        state.profile = {
          ...state.profile,
          roles: { ...state.profile.roles, [track]: (parsed.data as { roles: string[] }).roles },
        };
      return overview();
    },
    publish: async ({ track }) => {
      const gate = overview().tracks.find((t) => t.id === track)?.gates.publish;
      if (!gate) throw new FoyerError('not_found');
      if (!gate.eligible) throw new FoyerError('publish_blocked', { details: { reasons: gate.reasons } });
      const published = { url: `/p/${track}/me`, publishedAt: (now?.() ?? new Date()).toISOString() };
      state.published[track] = published;
      return published;
    },
    unpublish: async ({ track }) => {
      state.published[track] = null;
    },
  } satisfies FakeOnboardingHandlers;
  return { state, handlers, overview };
}
