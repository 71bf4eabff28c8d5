/** @module Step-up middleware for sensitive routes. */
export {
  requireStepUp,
  stepUpMethodsOf,
  type StepUpMethod,
  type StepUpOptions,
  type StepUpVariables,
} from './step-up.js';
