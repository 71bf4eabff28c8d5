/** @module The events of the onboarding elements, typed on every element and on `window`. */

/** Detail of `foyer-step-change` and `foyer-before-step-change`. */
export interface FoyerStepChangeDetail {
  /** The step on screen before. */
  from: string;
  /** The step asked for (before) or now on screen (after). */
  to: string;
}

/** Detail of `foyer-step-saved`: a step's draft is saved under `version`. */
export interface FoyerStepSavedDetail {
  step: string;
  version: number;
}

/** Detail of `foyer-published`. */
export interface FoyerPublishedDetail {
  track: string;
  url: string;
}

/** Detail of `foyer-step-input`: a JSON Merge Patch of the step's data (top level). */
export interface FoyerStepInputDetail {
  patch: Record<string, unknown>;
}

/** Detail of `foyer-goto-step`. */
export interface FoyerGotoStepDetail {
  step: string;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'foyer-step-change': CustomEvent<FoyerStepChangeDetail>;
    'foyer-before-step-change': CustomEvent<FoyerStepChangeDetail>;
    'foyer-step-saved': CustomEvent<FoyerStepSavedDetail>;
    'foyer-published': CustomEvent<FoyerPublishedDetail>;
    'foyer-step-input': CustomEvent<FoyerStepInputDetail>;
    'foyer-goto-step': CustomEvent<FoyerGotoStepDetail>;
  }
}
