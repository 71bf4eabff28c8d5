/**
 * @module Autosave of onboarding drafts, as a child actor of the wizard: debounced while typing,
 * at once on flush (step change, `pagehide`), retried with backoff while offline, and never
 * dropping an edit — edits made while a save is in flight are saved after it.
 */
import { assertEvent, assign, setup } from 'xstate';
import { onboardingActorPlaceholders } from '../actors/onboarding.actors.js';
import { errorOfEvent, type FoyerErrorBody } from '../errors.js';
import type { VersionConflictDetails } from '../contracts/index.js';

/** Edits of one step not yet saved: a JSON Merge Patch, newest values winning. */
export interface PendingDraft {
  track: string;
  step: string;
  patch: Record<string, unknown>;
  /** Bumped with each edit, so a save only clears what it actually sent. */
  seq: number;
}

/** A save refused because the step changed elsewhere. */
export interface DraftConflict {
  track: string;
  step: string;
  /** The server's data and version now. */
  current: VersionConflictDetails['current'];
}

/** Input of {@link autosaveMachine}. */
export interface AutosaveInput {
  /** Versions of the steps as loaded, by `track/step`. */
  versions?: Record<string, number>;
  /** Quiet time after the last keystroke before saving. @default 800 */
  debounceMs?: number;
  /** First retry delay; doubles per failure up to 30 s. @default 1000 */
  retryMs?: number;
}

/** Context of {@link autosaveMachine}. */
export interface AutosaveContext {
  pending: Record<string, PendingDraft>;
  versions: Record<string, number>;
  /** What the save in flight sent. */
  inFlight: { key: string; seq: number } | null;
  seq: number;
  attempt: number;
  debounceMs: number;
  retryMs: number;
  keepalive: boolean;
  conflict: DraftConflict | null;
  error: FoyerErrorBody | null;
  lastSavedAt: number | null;
}

/** Events of {@link autosaveMachine}. */
export type AutosaveEvent =
  | { type: 'draft.change'; track: string; step: string; patch: Record<string, unknown> }
  | { type: 'draft.flush'; keepalive?: boolean }
  | { type: 'version.set'; track: string; step: string; version: number }
  | { type: 'connection.online' }
  | { type: 'conflict.keepMine' }
  | { type: 'conflict.takeTheirs' };

/** The key of a step's draft. */
export const draftKey = (track: string, step: string): string => `${track}/${step}`;

/** Merge patch composition: later values win; nested objects are replaced, not merged (the wizard sends whole fields). */
const compose = (earlier: Record<string, unknown>, later: Record<string, unknown>) => ({ ...earlier, ...later });

const RETRYABLE = new Set(['network_error', 'rate_limited', 'internal_error']);

/**
 * States: `idle` → `debouncing` → `saving` → `idle`; `saving` → `retrying` (offline, 429, 5xx) →
 * `saving`; `saving` → `conflict` (`409 version_conflict`) until the person keeps theirs or takes
 * the server's; `saving` → `failed` (the server refused the draft) until the next edit.
 *
 * @example
 * actor.send({ type: 'draft.change', track: 'provider', step: 'profile', patch: { headline: 'Photographer' } });
 * actor.send({ type: 'draft.flush' });
 */
export const autosaveMachine = setup({
  types: {
    context: {} as AutosaveContext,
    input: {} as AutosaveInput,
    events: {} as AutosaveEvent,
  },
  actors: { saveStepDraft: onboardingActorPlaceholders.saveStepDraft },
  delays: {
    debounce: ({ context }) => context.debounceMs,
    backoff: ({ context }) => Math.min(30_000, context.retryMs * 2 ** Math.max(0, context.attempt - 1)),
  },
  guards: {
    hasPending: ({ context }) => Object.keys(context.pending).length > 0,
    isConflict: ({ event }) => errorOfEvent(event).code === 'version_conflict',
    isRetryable: ({ event }) => RETRYABLE.has(errorOfEvent(event).code),
  },
  actions: {
    queueEdit: assign(({ context, event }) => {
      assertEvent(event, 'draft.change');
      const key = draftKey(event.track, event.step);
      const seq = context.seq + 1;
      const earlier = context.pending[key]?.patch ?? {};
      return {
        seq,
        error: null,
        pending: {
          ...context.pending,
          [key]: { track: event.track, step: event.step, patch: compose(earlier, event.patch), seq },
        },
      };
    }),
    setVersion: assign(({ context, event }) => {
      assertEvent(event, 'version.set');
      return { versions: { ...context.versions, [draftKey(event.track, event.step)]: event.version } };
    }),
    useKeepalive: assign(({ event }) => {
      assertEvent(event, 'draft.flush');
      return { keepalive: event.keepalive ?? false };
    }),
    markSaved: assign(({ context, event }) => {
      const { key, seq } = context.inFlight!;
      const { version } = (event as unknown as { output: { version: number } }).output;
      const pending = { ...context.pending };
      // Edits typed during the save stay queued; only what was sent is cleared.
      if (pending[key]?.seq === seq) delete pending[key];
      return {
        pending,
        versions: { ...context.versions, [key]: version },
        inFlight: null,
        attempt: 0,
        error: null,
        keepalive: false,
        lastSavedAt: Date.now(),
      };
    }),
    markFailed: assign(({ context, event }) => ({
      inFlight: null,
      attempt: context.attempt + 1,
      error: errorOfEvent(event),
    })),
    holdConflict: assign(({ context, event }) => {
      const { key } = context.inFlight!;
      const draft = context.pending[key]!;
      const current = (errorOfEvent(event).details as VersionConflictDetails | undefined)?.current ?? {
        data: {},
        version: context.versions[key] ?? 0,
      };
      return {
        inFlight: null,
        conflict: { track: draft.track, step: draft.step, current },
        error: errorOfEvent(event),
      };
    }),
    keepMine: assign(({ context }) => {
      const { track, step, current } = context.conflict!;
      return {
        conflict: null,
        error: null,
        versions: { ...context.versions, [draftKey(track, step)]: current.version },
      };
    }),
    takeTheirs: assign(({ context }) => {
      const { track, step, current } = context.conflict!;
      const key = draftKey(track, step);
      const pending = { ...context.pending };
      delete pending[key];
      return { conflict: null, error: null, pending, versions: { ...context.versions, [key]: current.version } };
    }),
  },
}).createMachine({
  id: 'autosave',
  context: ({ input }) => ({
    pending: {},
    versions: input.versions ?? {},
    inFlight: null,
    seq: 0,
    attempt: 0,
    debounceMs: input.debounceMs ?? 800,
    retryMs: input.retryMs ?? 1000,
    keepalive: false,
    conflict: null,
    error: null,
    lastSavedAt: null,
  }),
  on: {
    'version.set': { actions: 'setVersion' },
  },
  initial: 'idle',
  states: {
    idle: {
      on: {
        'draft.change': { target: 'debouncing', actions: 'queueEdit' },
        'draft.flush': { guard: 'hasPending', target: 'saving', actions: 'useKeepalive' },
      },
    },
    debouncing: {
      after: { debounce: 'saving' },
      on: {
        'draft.change': { target: 'debouncing', reenter: true, actions: 'queueEdit' },
        'draft.flush': { target: 'saving', actions: 'useKeepalive' },
      },
    },
    saving: {
      entry: assign(({ context }) => {
        const [key, draft] = Object.entries(context.pending)[0]!;
        return { inFlight: { key, seq: draft.seq } };
      }),
      invoke: {
        src: 'saveStepDraft',
        input: ({ context }) => {
          const { key } = context.inFlight!;
          const { track, step, patch } = context.pending[key]!;
          return { track, step, patch, version: context.versions[key] ?? 0, keepalive: context.keepalive };
        },
        onDone: { target: 'settling', actions: 'markSaved' },
        onError: [
          { guard: 'isConflict', target: 'conflict', actions: 'holdConflict' },
          { guard: 'isRetryable', target: 'retrying', actions: 'markFailed' },
          { target: 'failed', actions: 'markFailed' },
        ],
      },
      on: {
        'draft.change': { actions: 'queueEdit' },
      },
    },
    settling: {
      always: [{ guard: 'hasPending', target: 'saving' }, { target: 'idle' }],
    },
    retrying: {
      after: { backoff: 'saving' },
      on: {
        'draft.change': { actions: 'queueEdit' },
        'draft.flush': { target: 'saving', actions: 'useKeepalive' },
        'connection.online': 'saving',
      },
    },
    conflict: {
      on: {
        'draft.change': { actions: 'queueEdit' },
        'conflict.keepMine': { target: 'saving', actions: 'keepMine' },
        'conflict.takeTheirs': { target: 'settling', actions: 'takeTheirs' },
      },
    },
    failed: {
      on: {
        'draft.change': { target: 'debouncing', actions: 'queueEdit' },
      },
    },
  },
});

/** What the wizard shows about saving. */
export type SaveStatus = 'saved' | 'saving' | 'offline' | 'conflict' | 'error';

/** The save status an autosave snapshot stands for. */
export function saveStatusOf(snapshot: { value: unknown; context: AutosaveContext }): SaveStatus {
  switch (snapshot.value) {
    case 'debouncing':
    case 'saving':
    case 'settling':
      return 'saving';
    case 'retrying':
      return 'offline';
    case 'conflict':
      return 'conflict';
    case 'failed':
      return 'error';
    default:
      return Object.keys(snapshot.context.pending).length > 0 ? 'saving' : 'saved';
  }
}
