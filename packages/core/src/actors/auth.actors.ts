/**
 * @module The I/O the auth machines perform, as named XState actors. Machines declare these
 * placeholders; production code provides `createHttpActors(client)`, tests and stories provide
 * fakes with the same types.
 */
import { fromPromise } from 'xstate';
import type {
  ChangePasswordRequest,
  ForgotPasswordRequest,
  ResetPasswordRequest,
  SessionsResponse,
  ResendVerificationRequest,
  SessionResponse,
  SignInRequest,
  SignUpRequest,
  SignUpResponse,
  UserResponse,
  VerifyEmailRequest,
} from '../contracts/index.js';

function notProvided(name: string): () => Promise<never> {
  return () =>
    Promise.reject(
      new Error(`Foyer: the "${name}" actor was not provided. Use createAuthMachines(createHttpActors(client)) or provide a fake.`),
    );
}

/** Placeholders of every auth I/O actor, typed by their input and output. */
export const authActorPlaceholders = {
  signUp: fromPromise<SignUpResponse, SignUpRequest>(notProvided('signUp')),
  verifyEmail: fromPromise<UserResponse, VerifyEmailRequest>(notProvided('verifyEmail')),
  resendVerification: fromPromise<void, ResendVerificationRequest>(notProvided('resendVerification')),
  signIn: fromPromise<UserResponse, SignInRequest>(notProvided('signIn')),
  getSession: fromPromise<SessionResponse | null, void>(notProvided('getSession')),
  signOut: fromPromise<void, void>(notProvided('signOut')),
  forgotPassword: fromPromise<void, ForgotPasswordRequest>(notProvided('forgotPassword')),
  resetPassword: fromPromise<UserResponse, ResetPasswordRequest>(notProvided('resetPassword')),
  changePassword: fromPromise<void, ChangePasswordRequest>(notProvided('changePassword')),
  listSessions: fromPromise<SessionsResponse, void>(notProvided('listSessions')),
  revokeSession: fromPromise<void, { id: string }>(notProvided('revokeSession')),
  revokeOtherSessions: fromPromise<void, void>(notProvided('revokeOtherSessions')),
};

/** The I/O actors every auth machine may use; provide all of them (see `createHttpActors`). */
export type AuthActors = typeof authActorPlaceholders;
