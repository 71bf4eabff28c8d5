/**
 * @module Email + password sign-up with a live password verdict (child `strength`), a CAPTCHA
 * when the server asks for one, continuing into email verification; done when the user is
 * verified and signed in.
 */
import { assertEvent, assign, sendTo, setup } from 'xstate';
import { authActorPlaceholders, type AuthActors } from '../actors/auth.actors.js';
import { provideVerifyEmailMachine } from '../verify-email/verify-email.machine.js';
import { fieldErrorsOf, signUpRequestSchema, type CaptchaRequiredDetails, type User } from '../contracts/index.js';
import { errorOfEvent, type FoyerErrorBody } from '../errors.js';
import { passwordErrorFields } from '../password-strength/password-error-fields.js';
import { isPasswordAcceptable, passwordStrengthMachine } from '../password-strength/password-strength.machine.js';
import { verifyEmailMachine } from '../verify-email/verify-email.machine.js';

/** Context of {@link signUpMachine}. The password is never kept here. */
export interface SignUpContext {
  email: string;
  error: FoyerErrorBody | null;
  fieldErrors: Record<string, string>;
  /** Which CAPTCHA to show, once the server asks for one. */
  captcha: CaptchaRequiredDetails['captcha'] | null;
  /** The strength child's verdict: `null` while unknown. */
  passwordAcceptable: boolean | null;
  user: User | null;
}

/** Events of {@link signUpMachine}. */
export type SignUpEvent =
  | { type: 'credentials.submit'; email: string; password: string; captcha?: string }
  | { type: 'email.input'; email: string }
  | { type: 'password.focus' }
  | { type: 'password.input'; password: string }
  | { type: 'verification.cancel' };

/**
 * States: `editing` → `submitting` → `verifyingEmail` (child `verifyEmail`) → `done`;
 * `submitting` → `captchaRequired` on a 428. `verification.cancel` goes back to `editing`. The
 * child `strength` rates the password while it is typed (its dictionaries load on first focus).
 * Output: `{ user }`.
 *
 * @example
 * const actor = createActor(signUpMachine.provide({ actors })).start();
 * actor.send({ type: 'credentials.submit', email, password });
 */
export const signUpMachine = setup({
  types: {
    // Child actors by id, so `snapshot.children.<id>` is typed as that machine.
    children: {} as { strength: 'passwordStrengthMachine'; verifyEmail: 'verifyEmailMachine' },
    context: {} as SignUpContext,
    events: {} as SignUpEvent,
    output: {} as { user: User },
  },
  actors: {
    signUp: authActorPlaceholders.signUp,
    verifyEmailMachine,
    passwordStrengthMachine,
  },
  guards: {
    isInputValid: ({ context, event }) => {
      assertEvent(event, 'credentials.submit');
      return (
        signUpRequestSchema.safeParse({ email: event.email, password: event.password }).success &&
        context.passwordAcceptable !== false
      );
    },
    hasCaptchaSolution: ({ event }) => {
      assertEvent(event, 'credentials.submit');
      return Boolean(event.captcha);
    },
    isCaptchaRequired: ({ event }) => ['captcha_required', 'captcha_invalid'].includes(errorOfEvent(event).code),
  },
  actions: {
    assignInputErrors: assign(({ context, event }) => {
      assertEvent(event, 'credentials.submit');
      const result = signUpRequestSchema.safeParse({ email: event.email, password: event.password });
      const fieldErrors = result.success ? {} : fieldErrorsOf(result.error);
      if (context.passwordAcceptable === false) fieldErrors.password ??= 'Choose a stronger password.';
      return { email: event.email, error: null, fieldErrors };
    }),
    assignEmail: assign(({ event }) => {
      assertEvent(event, 'credentials.submit');
      return { email: event.email.trim().toLowerCase(), error: null, fieldErrors: {} };
    }),
    forwardToStrength: sendTo('strength', ({ event }) => event as { type: 'password.focus' }),
    updateStrengthContext: sendTo('strength', ({ event }) => {
      assertEvent(event, 'email.input');
      return { type: 'context.update' as const, context: { email: event.email } };
    }),
  },
}).createMachine({
  id: 'signUp',
  context: { email: '', error: null, fieldErrors: {}, captcha: null, passwordAcceptable: null, user: null },
  invoke: {
    id: 'strength',
    src: 'passwordStrengthMachine',
    input: {},
    onSnapshot: {
      actions: assign({ passwordAcceptable: ({ event }) => isPasswordAcceptable(event.snapshot.context) }),
    },
  },
  on: {
    'password.focus': { actions: 'forwardToStrength' },
    'password.input': { actions: 'forwardToStrength' },
    'email.input': { actions: 'updateStrengthContext' },
  },
  initial: 'editing',
  states: {
    editing: {
      on: {
        'credentials.submit': [
          { guard: 'isInputValid', target: 'submitting', actions: 'assignEmail' },
          { actions: 'assignInputErrors' },
        ],
      },
    },
    captchaRequired: {
      on: {
        'credentials.submit': [
          { guard: 'hasCaptchaSolution', target: 'submitting', actions: 'assignEmail' },
          { actions: assign({ error: null, fieldErrors: { captcha: 'Complete the human check.' } }) },
        ],
      },
    },
    submitting: {
      invoke: {
        src: 'signUp',
        input: ({ event }) => {
          assertEvent(event, 'credentials.submit');
          return { email: event.email, password: event.password, ...(event.captcha ? { captcha: event.captcha } : {}) };
        },
        onDone: { target: 'verifyingEmail' },
        onError: [
          {
            guard: 'isCaptchaRequired',
            target: 'captchaRequired',
            actions: assign(({ event }) => {
              const error = errorOfEvent(event);
              const captcha = (error.details as CaptchaRequiredDetails | undefined)?.captcha ?? {
                provider: 'altcha' as const,
              };
              return { captcha, error: error.code === 'captcha_invalid' ? error : null, fieldErrors: {} };
            }),
          },
          {
            target: 'editing',
            actions: assign(({ event }) => {
              const error = errorOfEvent(event);
              return { error, fieldErrors: passwordErrorFields(error, { password: 'password' }) };
            }),
          },
        ],
      },
    },
    verifyingEmail: {
      invoke: {
        id: 'verifyEmail',
        src: 'verifyEmailMachine',
        input: ({ context }) => ({ email: context.email }),
        onDone: { target: 'done', actions: assign({ user: ({ event }) => event.output.user }) },
      },
      on: { 'verification.cancel': 'editing' },
    },
    done: { type: 'final' },
  },
  output: ({ context }) => ({ user: context.user as User }),
});

/**
 * The sign-up machine with its verification child.
 *
 * @example
 * const signUp = provideSignUpMachine(authHttpActors(client));
 */
export function provideSignUpMachine(actors: Pick<AuthActors, 'signUp' | 'verifyEmail' | 'resendVerification'>) {
  return signUpMachine.provide({
    actors: { signUp: actors.signUp, verifyEmailMachine: provideVerifyEmailMachine(actors) },
  });
}
