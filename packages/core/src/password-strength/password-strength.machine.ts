/**
 * @module The live verdict on a new password while it is typed: the shared policy at once, and
 * zxcvbn-ts strength once its dictionaries have loaded (lazily, on first focus or input) and
 * typing pauses. A child of the sign-up, reset and change-password machines.
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
  /**
   * Quiet time after the last keystroke (or context change) before zxcvbn runs. One estimate takes
   * 10–200 ms of the page's main thread, more for long passwords: run on every key press, it made
   * typing lag. The policy check is cheap and stays immediate. @default 200
   */
  debounceMs?: number;
}

/** Context of {@link passwordStrengthMachine}. */
export interface PasswordStrengthContext {
  password: string;
  passwordContext: PasswordContext;
  minScore: number;
  debounceMs: number;
  estimate: PasswordStrengthEstimator | null;
  /** Policy problems (length, context words), known at once. */
  problems: PasswordProblem[];
  /**
   * zxcvbn's verdict, once loaded; `null` before and for an empty password. While
   * `strengthPending`, it is the verdict on an earlier password (kept so the meter does not
   * flicker between key presses).
   */
  strength: PasswordStrength | null;
  /** `password` changed since `strength` was estimated: a new estimate runs when typing pauses. */
  strengthPending: boolean;
}

/** Events of {@link passwordStrengthMachine}. */
export type PasswordStrengthEvent =
  | { type: 'password.focus' }
  | { type: 'password.input'; password: string }
  | { type: 'context.update'; context: PasswordContext };

/** The cheap part of a verdict, for every key press: the password and its policy problems. */
const checkPolicy = (passwordContext: PasswordContext, password: string) => ({
  password,
  problems: password ? checkPasswordPolicy(password, passwordContext) : [],
});

/** The full verdict at once: policy and, once loaded, zxcvbn. */
const evaluate = (context: PasswordStrengthContext, password: string) => ({
  ...checkPolicy(context.passwordContext, password),
  strength: password && context.estimate ? context.estimate(password, context.passwordContext) : null,
  strengthPending: false,
});

/**
 * States: `idle` → `loading` (first focus or input) → `ready`; `unavailable` if the dictionaries
 * could not load (the server still checks). In `ready`, input checks the policy at once and goes
 * to `ready.pending`; zxcvbn runs `debounceMs` after the last input (`ready.settled`). The verdict
 * is in the context.
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
  delays: {
    debounce: ({ context }) => context.debounceMs,
  },
  guards: {
    isEmptyInput: ({ event }) => event.type === 'password.input' && event.password === '',
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
    /** Policy now, strength later (`ready.pending`). */
    assignPasswordPolicy: assign(({ context, event }) => {
      assertEvent(event, 'password.input');
      return { ...checkPolicy(context.passwordContext, event.password), strengthPending: true };
    }),
    assignContextPolicy: assign(({ context, event }) => {
      assertEvent(event, 'context.update');
      return {
        passwordContext: event.context,
        ...checkPolicy(event.context, context.password),
        strengthPending: context.password !== '',
      };
    }),
    assignStrength: assign(({ context }) => evaluate(context, context.password)),
  },
}).createMachine({
  id: 'passwordStrength',
  context: ({ input }) => ({
    password: '',
    passwordContext: input.context ?? {},
    minScore: input.minScore ?? DEFAULT_MIN_PASSWORD_SCORE,
    debounceMs: input.debounceMs ?? 200,
    estimate: null,
    problems: [],
    strength: null,
    strengthPending: false,
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
      initial: 'settled',
      on: {
        'password.input': [
          // Nothing to estimate: clear the verdict at once.
          { guard: 'isEmptyInput', target: '.settled', actions: 'assignPassword' },
          { target: '.pending', reenter: true, actions: 'assignPasswordPolicy' },
        ],
        'context.update': { target: '.pending', reenter: true, actions: 'assignContextPolicy' },
      },
      states: {
        settled: {},
        pending: {
          after: { debounce: { target: 'settled', actions: 'assignStrength' } },
        },
      },
    },
    unavailable: {
      on: { 'password.input': { actions: 'assignPassword' } },
    },
  },
});

/**
 * Whether the typed password passes: `false` on a policy problem or a score below the minimum,
 * `true` when strength is known and enough, `null` while strength is not known yet (loading, or
 * typing has not paused since the last estimate): then the server decides on submit.
 */
export function isPasswordAcceptable(
  context: Pick<PasswordStrengthContext, 'problems' | 'strength' | 'strengthPending' | 'minScore'>,
): boolean | null {
  if (context.problems.length > 0) return false;
  if (!context.strength || context.strengthPending) return null;
  return context.strength.score >= context.minScore;
}
