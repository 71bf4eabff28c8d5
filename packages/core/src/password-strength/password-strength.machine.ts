/**
 * @module The live verdict on a new password while it is typed: the shared policy at once, and
 * zxcvbn-ts strength once its dictionaries have loaded (lazily, on first focus or input). A child
 * of the sign-up, reset and change-password machines.
 */
import { assertEvent, assign, fromPromise, setup } from 'xstate';
import { checkPasswordPolicy, type PasswordContext, type PasswordProblem } from '../password/password-policy.js';
import {
  DEFAULT_MIN_PASSWORD_SCORE,
  loadPasswordStrength,
  type PasswordStrength,
  type PasswordStrengthEstimator,
} from '../password/password-strength.js';

/** Input of {@link passwordStrengthMachine}. */
export interface PasswordStrengthInput {
  /** Context words (email, product names). */
  context?: PasswordContext;
  /** Lowest acceptable zxcvbn score. @default 3 */
  minScore?: number;
}

/** Context of {@link passwordStrengthMachine}. */
export interface PasswordStrengthContext {
  password: string;
  passwordContext: PasswordContext;
  minScore: number;
  estimate: PasswordStrengthEstimator | null;
  /** Policy problems (length, context words), known at once. */
  problems: PasswordProblem[];
  /** zxcvbn's verdict, once loaded; `null` before. */
  strength: PasswordStrength | null;
}

/** Events of {@link passwordStrengthMachine}. */
export type PasswordStrengthEvent =
  | { type: 'password.focus' }
  | { type: 'password.input'; password: string }
  | { type: 'context.update'; context: PasswordContext };

const evaluate = (context: PasswordStrengthContext, password: string) => ({
  password,
  problems: password ? checkPasswordPolicy(password, context.passwordContext) : [],
  strength: password && context.estimate ? context.estimate(password, context.passwordContext) : null,
});

/**
 * States: `idle` → `loading` (first focus or input) → `ready`; `unavailable` if the dictionaries
 * could not load (the server still checks). The verdict is in the context.
 *
 * @example
 * child.send({ type: 'password.input', password });
 * isPasswordAcceptable(child.getSnapshot().context) // true | false | null (not known yet)
 */
export const passwordStrengthMachine = setup({
  types: {
    context: {} as PasswordStrengthContext,
    input: {} as PasswordStrengthInput,
    events: {} as PasswordStrengthEvent,
  },
  actors: {
    loadPasswordStrength: fromPromise<PasswordStrengthEstimator>(() => loadPasswordStrength()),
  },
  actions: {
    assignPassword: assign(({ context, event }) => {
      assertEvent(event, 'password.input');
      return evaluate(context, event.password);
    }),
    assignContext: assign(({ context, event }) => {
      assertEvent(event, 'context.update');
      const next = { ...context, passwordContext: event.context };
      return { passwordContext: event.context, ...evaluate(next, context.password) };
    }),
  },
}).createMachine({
  id: 'passwordStrength',
  context: ({ input }) => ({
    password: '',
    passwordContext: input.context ?? {},
    minScore: input.minScore ?? DEFAULT_MIN_PASSWORD_SCORE,
    estimate: null,
    problems: [],
    strength: null,
  }),
  on: {
    'context.update': { actions: 'assignContext' },
  },
  initial: 'idle',
  states: {
    idle: {
      on: {
        'password.focus': 'loading',
        'password.input': { target: 'loading', actions: 'assignPassword' },
      },
    },
    loading: {
      invoke: {
        src: 'loadPasswordStrength',
        onDone: {
          target: 'ready',
          actions: assign(({ context, event }) => ({
            estimate: event.output,
            ...evaluate({ ...context, estimate: event.output }, context.password),
          })),
        },
        onError: 'unavailable',
      },
      on: { 'password.input': { actions: 'assignPassword' } },
    },
    ready: {
      on: { 'password.input': { actions: 'assignPassword' } },
    },
    unavailable: {
      on: { 'password.input': { actions: 'assignPassword' } },
    },
  },
});

/**
 * Whether the typed password passes: `false` on a policy problem or a score below the minimum,
 * `true` when strength is known and enough, `null` while strength is not known yet.
 */
export function isPasswordAcceptable(
  context: Pick<PasswordStrengthContext, 'problems' | 'strength' | 'minScore'>,
): boolean | null {
  if (context.problems.length > 0) return false;
  if (!context.strength) return null;
  return context.strength.score >= context.minScore;
}
