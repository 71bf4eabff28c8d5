/**
 * @module The onboarding wizard of one track: steps as states of a definition, gating, autosave
 * (a child actor), step completion validated by the server, and publishing.
 */
import { and, assertEvent, assign, enqueueActions, sendTo, setup } from 'xstate';
import { onboardingActorPlaceholders } from '../actors/onboarding.actors.js';
import { fieldErrorsOf, type OnboardingOverview, type OnboardingTrack } from '../contracts/index.js';
import { errorOfEvent, type FoyerErrorBody } from '../errors.js';
import type { OnboardingDefinition, StepDefinition } from '../onboarding/define-onboarding.js';
import type { GateReason } from '../onboarding/evaluate-gates.js';
import { applyMergePatch } from '../onboarding/merge-patch.js';
import { autosaveMachine, draftKey, saveStatusOf, type DraftConflict, type SaveStatus } from './autosave.machine.js';

/** Input of {@link onboardingMachine}. */
export interface OnboardingInput {
  /** The track this wizard walks through (`provider`, `host`). */
  track: string;
  /** The definition the server uses too. */
  definition: OnboardingDefinition;
  /** Autosave quiet time. @default 800 */
  debounceMs?: number;
  /** First autosave retry delay. @default 1000 */
  retryMs?: number;
}

/** Context of {@link onboardingMachine}. */
export interface OnboardingContext {
  track: string;
  definition: OnboardingDefinition;
  debounceMs: number;
  retryMs: number;
  overview: OnboardingOverview | null;
  /** The step on screen. */
  current: string | null;
  /** The data of each step of this track as the person sees it (saved or not). */
  drafts: Record<string, Record<string, unknown>>;
  /** Edits not handed to autosave yet because the draft did not validate. */
  unsent: Record<string, Record<string, unknown>>;
  fieldErrors: Record<string, string>;
  error: FoyerErrorBody | null;
  saveStatus: SaveStatus;
  conflict: DraftConflict | null;
  /** Why the last publish was refused. */
  publishReasons: GateReason[];
}

/** Events of {@link onboardingMachine}. */
export type OnboardingEvent =
  | { type: 'field.change'; patch: Record<string, unknown> }
  | { type: 'step.next' }
  | { type: 'step.back' }
  | { type: 'step.goto'; step: string }
  | { type: 'save.flush'; keepalive?: boolean }
  | { type: 'connection.online' }
  | { type: 'conflict.keepMine' }
  | { type: 'conflict.takeTheirs' }
  | { type: 'publish' }
  | { type: 'unpublish' }
  | { type: 'retry' };

/** This track of the overview. */
export function trackOf(context: Pick<OnboardingContext, 'overview' | 'track'>): OnboardingTrack | undefined {
  return context.overview?.tracks.find((track) => track.id === context.track);
}

/** The definition of the step on screen. */
export function currentStepOf(context: OnboardingContext): StepDefinition | undefined {
  return context.current ? context.definition.stepOf(context.track, context.current) : undefined;
}

const stepIds = (context: OnboardingContext) => context.definition.stepsOf(context.track).map((step) => step.id);
const statusOf = (context: OnboardingContext, step: string) =>
  trackOf(context)?.steps.find((s) => s.id === step)?.status ?? 'locked';

/** Where a person resumes: the first step that is due, else the last one. */
function resumeStep(context: OnboardingContext, overview: OnboardingOverview): string | null {
  const steps = overview.tracks.find((track) => track.id === context.track)?.steps ?? [];
  return (steps.find((step) => step.status === 'due') ?? steps.at(-1))?.id ?? null;
}

function draftsOf(overview: OnboardingOverview, track: string): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    (overview.tracks.find((t) => t.id === track)?.steps ?? []).map((step) => [step.id, step.data]),
  );
}

function versionsOf(overview: OnboardingOverview | null, track: string): Record<string, number> {
  return Object.fromEntries(
    (overview?.tracks.find((t) => t.id === track)?.steps ?? []).map((step) => [draftKey(track, step.id), step.version]),
  );
}

function validate(step: StepDefinition | undefined, data: unknown, mode: 'draft' | 'full'): Record<string, string> {
  if (!step) return {};
  const result = (mode === 'draft' ? step.draftSchema : step.schema).safeParse(data);
  return result.success ? {} : fieldErrorsOf(result.error);
}

/**
 * States: `loading` → `ready.editing` ⇄ `ready.completing.{flushing,submitting}`,
 * `ready.publishing`, `ready.unpublishing`; `failed` when the first load fails (`retry`). The
 * autosave child has the id `autosave`.
 *
 * @example
 * const actor = createActor(createOnboardingMachines(actors).onboarding, { input: { track: 'provider', definition: creativeMarketplace } }).start();
 * actor.send({ type: 'field.change', patch: { headline: 'Portrait photographer' } });
 * actor.send({ type: 'step.next' });
 */
export const onboardingMachine = setup({
  types: {
    context: {} as OnboardingContext,
    input: {} as OnboardingInput,
    events: {} as OnboardingEvent,
  },
  actors: {
    getOnboarding: onboardingActorPlaceholders.getOnboarding,
    completeStep: onboardingActorPlaceholders.completeStep,
    publish: onboardingActorPlaceholders.publish,
    unpublish: onboardingActorPlaceholders.unpublish,
    autosaveMachine,
  },
  guards: {
    canEnter: ({ context, event }) => {
      assertEvent(event, 'step.goto');
      return stepIds(context).includes(event.step) && statusOf(context, event.step) !== 'locked';
    },
    hasPrevious: ({ context }) => stepIds(context).indexOf(context.current ?? '') > 0,
    isSlotStep: ({ context }) => currentStepOf(context)?.kind === 'slot',
    canSkipSlot: ({ context }) => {
      const ids = stepIds(context);
      const next = ids[ids.indexOf(context.current ?? '') + 1];
      return next !== undefined && statusOf(context, next) !== 'locked';
    },
    isCurrentStepValid: ({ context }) =>
      Object.keys(validate(currentStepOf(context), context.drafts[context.current ?? ''] ?? {}, 'full')).length === 0,
    isSaveSettled: ({ context }) => context.saveStatus === 'saved',
    isSaveStuck: ({ context }) => context.saveStatus === 'conflict' || context.saveStatus === 'error',
    isStepInvalidError: ({ event }) => errorOfEvent(event).code === 'step_invalid',
    isPublishBlocked: ({ event }) => errorOfEvent(event).code === 'publish_blocked',
  },
  actions: {
    applyChange: enqueueActions(({ context, event, enqueue }) => {
      assertEvent(event, 'field.change');
      const step = context.current;
      if (!step) return;
      const data = applyMergePatch(context.drafts[step] ?? {}, event.patch);
      const unsent = { ...(context.unsent[step] ?? {}), ...event.patch };
      const fieldErrors = validate(currentStepOf(context), data, 'draft');
      const valid = Object.keys(fieldErrors).length === 0;
      enqueue.assign({
        drafts: { ...context.drafts, [step]: data },
        unsent: valid ? omit(context.unsent, step) : { ...context.unsent, [step]: unsent },
        fieldErrors,
        error: null,
      });
      if (valid) enqueue.sendTo('autosave', { type: 'draft.change', track: context.track, step, patch: unsent });
    }),
    flushAutosave: sendTo('autosave', ({ event }) => ({
      type: 'draft.flush' as const,
      keepalive: event.type === 'save.flush' ? event.keepalive : false,
    })),
    assignFullErrors: assign(({ context }) => ({
      fieldErrors: validate(currentStepOf(context), context.drafts[context.current ?? ''] ?? {}, 'full'),
    })),
    goToEventStep: assign(({ event }) => {
      assertEvent(event, 'step.goto');
      return { current: event.step, fieldErrors: {}, error: null };
    }),
    goToPrevious: assign(({ context }) => {
      const ids = stepIds(context);
      return { current: ids[ids.indexOf(context.current ?? '') - 1] ?? context.current, fieldErrors: {}, error: null };
    }),
    goToNext: assign(({ context }) => {
      const ids = stepIds(context);
      return { current: ids[ids.indexOf(context.current ?? '') + 1] ?? context.current, fieldErrors: {}, error: null };
    }),
    assignOverview: enqueueActions(({ context, event, enqueue }) => {
      const overview = (event as unknown as { output: OnboardingOverview }).output;
      enqueue.assign({ overview, error: null, fieldErrors: {}, publishReasons: [] });
      // Completion may store normalised data: keep autosave on the server's versions.
      for (const [key, version] of Object.entries(versionsOf(overview, context.track))) {
        const [, step] = key.split('/');
        enqueue.sendTo('autosave', { type: 'version.set', track: context.track, step: step!, version });
      }
    }),
    assignError: assign(({ event }) => {
      const error = errorOfEvent(event);
      return { error, fieldErrors: error.fields ?? {} };
    }),
    forwardToAutosave: sendTo('autosave', ({ event }) => event as { type: 'connection.online' | 'conflict.keepMine' }),
    takeTheirs: enqueueActions(({ context, enqueue }) => {
      const conflict = context.conflict;
      if (conflict && conflict.track === context.track) {
        enqueue.assign({
          drafts: { ...context.drafts, [conflict.step]: conflict.current.data },
          unsent: omit(context.unsent, conflict.step),
        });
      }
      enqueue.sendTo('autosave', { type: 'conflict.takeTheirs' });
    }),
  },
}).createMachine({
  id: 'onboarding',
  context: ({ input }) => ({
    track: input.track,
    definition: input.definition,
    debounceMs: input.debounceMs ?? 800,
    retryMs: input.retryMs ?? 1000,
    overview: null,
    current: null,
    drafts: {},
    unsent: {},
    fieldErrors: {},
    error: null,
    saveStatus: 'saved',
    conflict: null,
    publishReasons: [],
  }),
  initial: 'loading',
  states: {
    loading: {
      invoke: {
        src: 'getOnboarding',
        onDone: {
          target: 'ready',
          actions: assign(({ context, event }) => ({
            overview: event.output,
            drafts: draftsOf(event.output, context.track),
            current: resumeStep(context, event.output),
            error: null,
          })),
        },
        onError: { target: 'failed', actions: 'assignError' },
      },
    },
    failed: {
      on: { retry: 'loading' },
    },
    ready: {
      invoke: {
        id: 'autosave',
        src: 'autosaveMachine',
        input: ({ context }) => ({
          versions: versionsOf(context.overview, context.track),
          debounceMs: context.debounceMs,
          retryMs: context.retryMs,
        }),
        onSnapshot: {
          actions: assign(({ event }) => ({
            saveStatus: saveStatusOf(event.snapshot),
            conflict: event.snapshot.context.conflict,
          })),
        },
      },
      on: {
        'field.change': { actions: 'applyChange' },
        'save.flush': { actions: 'flushAutosave' },
        'connection.online': { actions: 'forwardToAutosave' },
        'conflict.keepMine': { actions: 'forwardToAutosave' },
        'conflict.takeTheirs': { actions: 'takeTheirs' },
      },
      initial: 'editing',
      states: {
        editing: {
          on: {
            'step.goto': { guard: 'canEnter', actions: ['flushAutosave', 'goToEventStep'] },
            'step.back': { guard: 'hasPrevious', actions: ['flushAutosave', 'goToPrevious'] },
            'step.next': [
              // Slots are filled by plug-ins (media, verification): moving on needs no completion.
              { guard: and(['isSlotStep', 'canSkipSlot']), actions: 'goToNext' },
              { guard: 'isSlotStep' },
              { guard: 'isCurrentStepValid', target: 'completing' },
              { actions: 'assignFullErrors' },
            ],
            publish: 'publishing',
            unpublish: 'unpublishing',
          },
        },
        completing: {
          entry: 'flushAutosave',
          initial: 'flushing',
          states: {
            flushing: {
              always: [
                { guard: 'isSaveSettled', target: 'submitting' },
                {
                  guard: 'isSaveStuck',
                  target: '#onboarding.ready.editing',
                  actions: assign(({ context }) => ({
                    error: {
                      code: context.saveStatus === 'conflict' ? 'version_conflict' : 'invalid_input',
                      message: 'Resolve the saving problem first.',
                    } as FoyerErrorBody,
                  })),
                },
              ],
            },
            submitting: {
              invoke: {
                src: 'completeStep',
                input: ({ context }) => ({ track: context.track, step: context.current! }),
                onDone: { target: '#onboarding.ready.editing', actions: ['assignOverview', 'goToNext'] },
                onError: { target: '#onboarding.ready.editing', actions: 'assignError' },
              },
            },
          },
        },
        publishing: {
          invoke: {
            src: 'publish',
            input: ({ context }) => ({ track: context.track }),
            onDone: {
              target: 'editing',
              actions: assign(({ context, event }) => ({
                publishReasons: [],
                error: null,
                overview: context.overview && {
                  ...context.overview,
                  tracks: context.overview.tracks.map((track) =>
                    track.id === context.track ? { ...track, published: event.output } : track,
                  ),
                },
              })),
            },
            onError: [
              {
                guard: 'isPublishBlocked',
                target: 'editing',
                actions: assign(({ event }) => {
                  const error = errorOfEvent(event);
                  return { error, publishReasons: (error.details?.reasons as GateReason[] | undefined) ?? [] };
                }),
              },
              { target: 'editing', actions: 'assignError' },
            ],
          },
        },
        unpublishing: {
          invoke: {
            src: 'unpublish',
            input: ({ context }) => ({ track: context.track }),
            onDone: {
              target: 'editing',
              actions: assign(({ context }) => ({
                overview: context.overview && {
                  ...context.overview,
                  tracks: context.overview.tracks.map((track) =>
                    track.id === context.track ? { ...track, published: null } : track,
                  ),
                },
              })),
            },
            onError: { target: 'editing', actions: 'assignError' },
          },
        },
      },
    },
  },
});

function omit<T>(record: Record<string, T>, key: string): Record<string, T> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}
