/** @module Step-up middleware for sensitive routes. */
export {
  assertFreshStepUp,
  DEFAULT_STEP_UP_MAX_AGE_MS,
  requireStepUp,
  stepUpMethodsOf,
  type StepUpMethod,
  type StepUpOptions,
  type StepUpVariables,
} from './step-up.js';
