/**
 * @module The whole email auth surface of one page: checks the session on load, then offers
 * sign-in, sign-up and password reset (each a child machine) while signed out, and sign-out while
 * signed in.
 */
import { assign, setup } from 'xstate';
import { authActorPlaceholders, type AuthActors, type PasskeyCeremonyActors } from '../actors/auth.actors.js';
import { provideMfaChallengeMachine } from '../mfa-challenge/mfa-challenge.machine.js';
import { provideSignInMachine } from '../sign-in/sign-in.machine.js';
import { provideSignUpMachine } from '../sign-up/sign-up.machine.js';
import { provideResetPasswordMachine } from '../reset-password/reset-password.machine.js';
import type { SignInMachineActors } from '../sign-in/sign-in.machine.js';
import type { ResetPasswordMachineActors } from '../reset-password/reset-password.machine.js';
import type { MfaMethod, User } from '../contracts/index.js';
import { errorOfEvent, type FoyerErrorBody } from '../errors.js';
import { mfaChallengeMachine } from '../mfa-challenge/mfa-challenge.machine.js';
import { resetPasswordMachine } from '../reset-password/reset-password.machine.js';
import { signInMachine } from '../sign-in/sign-in.machine.js';
import { signUpMachine } from '../sign-up/sign-up.machine.js';

/** Which form a signed-out visitor sees first. */
export type AuthView = 'signIn' | 'signUp';

/** Input of {@link authMachine}. */
export interface AuthInput {
  /** @default 'signIn' */
  initialView?: AuthView;
}

/** Context of {@link authMachine}. */
export interface AuthContext {
  initialView: AuthView;
  user: User | null;
  error: FoyerErrorBody | null;
  /** Second factors offered while a sign-in waits for one (state `mfaPending`). */
  pendingFactors: MfaMethod[];
  /** When `pendingFactors` has `sms`: the masked number (`•••• 71`). */
  pendingPhoneHint: string | null;
}

/** Events of {@link authMachine}. */
export type AuthEvent =
  | { type: 'view.signIn' }
  | { type: 'view.signUp' }
  | { type: 'view.resetPassword'; email?: string }
  | { type: 'session.signOut' }
  | { type: 'session.refresh' };

/**
 * States: `loading` → `signedIn` | `mfaPending` (child `mfaChallenge`, when a sign-in proven
 * elsewhere — a social sign-in's redirect — waits for its second factor) |
 * `signedOut.{signIn,signUp,resetPassword}` (children with ids
 * `signIn`, `signUp` and `resetPassword`) → `signedIn` → `signingOut` → `signedOut`. A finished
 * reset signs the device in, so `resetPassword` also ends in `signedIn`.
 *
 * @example
 * const actor = createActor(createAuthMachines(actors).auth, { input: { initialView: 'signUp' } }).start();
 */
export const authMachine = setup({
  types: {
    // Child actors by id, so `snapshot.children.<id>` is typed as that machine.
    children: {} as {
      signIn: 'signInMachine';
      signUp: 'signUpMachine';
      resetPassword: 'resetPasswordMachine';
      mfaChallenge: 'mfaChallengeMachine';
    },
    context: {} as AuthContext,
    input: {} as AuthInput | undefined,
    events: {} as AuthEvent,
  },
  actors: {
    getSession: authActorPlaceholders.getSession,
    signOut: authActorPlaceholders.signOut,
    signInMachine,
    signUpMachine,
    resetPasswordMachine,
    mfaChallengeMachine,
  },
  guards: {
    isSignedIn: ({ context }) => context.user !== null,
    isMfaPending: ({ event }) => errorOfEvent(event).details?.mfaPending === true,
    startsWithSignUp: ({ context }) => context.initialView === 'signUp',
  },
  actions: {
    assignError: assign({ error: ({ event }) => errorOfEvent(event) }),
  },
}).createMachine({
  id: 'auth',
  context: ({ input }) => ({
    initialView: input?.initialView ?? 'signIn',
    user: null,
    error: null,
    pendingFactors: [],
    pendingPhoneHint: null,
  }),
  initial: 'loading',
  states: {
    loading: {
      invoke: {
        src: 'getSession',
        onDone: { target: 'routing', actions: assign({ user: ({ event }) => event.output?.user ?? null }) },
        onError: [
          {
            // A first factor proven by a redirect (social sign-in) or another element waits for its second.
            guard: 'isMfaPending',
            target: 'mfaPending',
            actions: assign({
              pendingFactors: ({ event }) => (errorOfEvent(event).details?.factors as MfaMethod[] | undefined) ?? [],
              pendingPhoneHint: ({ event }) => (errorOfEvent(event).details?.phoneHint as string | undefined) ?? null,
            }),
          },
          { target: 'routing', actions: 'assignError' },
        ],
      },
    },
    mfaPending: {
      invoke: {
        id: 'mfaChallenge',
        src: 'mfaChallengeMachine',
        input: ({ context }) => ({ factors: context.pendingFactors, phoneHint: context.pendingPhoneHint }),
        onDone: {
          target: 'signedIn',
          actions: assign({ user: ({ event }) => event.output.user, error: null, pendingFactors: [] }),
        },
      },
      on: {
        'view.signIn': { target: 'signedOut.signIn', actions: assign({ pendingFactors: [] }) },
        'view.signUp': { target: 'signedOut.signUp', actions: assign({ pendingFactors: [] }) },
      },
    },
    routing: {
      always: [
        { guard: 'isSignedIn', target: 'signedIn' },
        { guard: 'startsWithSignUp', target: 'signedOut.signUp' },
        { target: 'signedOut.signIn' },
      ],
    },
    signedOut: {
      initial: 'signIn',
      on: {
        'view.signIn': '.signIn',
        'view.signUp': '.signUp',
        'view.resetPassword': '.resetPassword',
        // Another element signed in (or left a second factor pending): check again.
        'session.refresh': '#auth.loading',
      },
      states: {
        signIn: {
          invoke: {
            id: 'signIn',
            src: 'signInMachine',
            input: {},
            onDone: {
              target: '#auth.signedIn',
              actions: assign({ user: ({ event }) => event.output.user, error: null }),
            },
          },
        },
        signUp: {
          invoke: {
            id: 'signUp',
            src: 'signUpMachine',
            onDone: {
              target: '#auth.signedIn',
              actions: assign({ user: ({ event }) => event.output.user, error: null }),
            },
          },
        },
        resetPassword: {
          invoke: {
            id: 'resetPassword',
            src: 'resetPasswordMachine',
            input: ({ event }) => ({ email: event.type === 'view.resetPassword' ? (event.email ?? '') : '' }),
            onDone: {
              target: '#auth.signedIn',
              actions: assign({ user: ({ event }) => event.output.user, error: null }),
            },
          },
        },
      },
    },
    signedIn: {
      on: {
        'session.signOut': 'signingOut',
        'session.refresh': 'loading',
      },
    },
    signingOut: {
      invoke: {
        src: 'signOut',
        onDone: { target: 'signedOut', actions: assign({ user: null, error: null }) },
        onError: { target: 'signedIn', actions: 'assignError' },
      },
    },
  },
});

/** What {@link provideAuthMachine} needs. */
export type AuthMachineActors = Pick<AuthActors, 'getSession' | 'signOut' | 'signUp'> &
  SignInMachineActors &
  ResetPasswordMachineActors;

/**
 * The auth widget's machine with every child it can show (sign-in, sign-up, reset, second factor).
 *
 * @example
 * const auth = provideAuthMachine({ ...authHttpActors(client), ...securityHttpActors(client), ...mfaHttpActors(client) });
 */
export function provideAuthMachine(actors: AuthMachineActors, ceremonies: Partial<PasskeyCeremonyActors> = {}) {
  return authMachine.provide({
    actors: {
      getSession: actors.getSession,
      signOut: actors.signOut,
      mfaChallengeMachine: provideMfaChallengeMachine(actors, ceremonies),
      signInMachine: provideSignInMachine(actors, ceremonies),
      signUpMachine: provideSignUpMachine(actors),
      resetPasswordMachine: provideResetPasswordMachine(actors, ceremonies),
    },
  });
}
