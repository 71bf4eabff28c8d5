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
  MfaVerifyRequest,
  SignInResponse,
  StepUpRequest,
  StepUpResponse,
  WebauthnOptions,
  PasskeyAuthenticateOptionsRequest,
  PasskeyAuthenticateVerifyRequest,
  PasskeyRegisteredResponse,
  PasskeyRegisterVerifyRequest,
  MfaFactorsResponse,
  TotpSetupResponse,
  RecoveryCodesResponse,
  TotpConfirmRequest,
  PhoneStartRequest,
  PhoneVerifyRequest,
  AccountDeletionResponse,
  DeleteAccountRequest,
} from '../contracts/index.js';

function notProvided(name: string): () => Promise<never> {
  return () =>
    Promise.reject(
      new Error(
        `Foyer: the "${name}" actor was not provided. Use createAuthMachines(createHttpActors(client)) or provide a fake.`,
      ),
    );
}

/** Placeholders of every auth I/O actor, typed by their input and output. */
export const authActorPlaceholders = {
  signUp: fromPromise<SignUpResponse, SignUpRequest>(notProvided('signUp')),
  verifyEmail: fromPromise<UserResponse, VerifyEmailRequest>(notProvided('verifyEmail')),
  resendVerification: fromPromise<void, ResendVerificationRequest>(notProvided('resendVerification')),
  signIn: fromPromise<SignInResponse, SignInRequest>(notProvided('signIn')),
  getSession: fromPromise<SessionResponse | null, void>(notProvided('getSession')),
  signOut: fromPromise<void, void>(notProvided('signOut')),
  forgotPassword: fromPromise<void, ForgotPasswordRequest>(notProvided('forgotPassword')),
  resetPassword: fromPromise<SignInResponse, ResetPasswordRequest>(notProvided('resetPassword')),
  changePassword: fromPromise<void, ChangePasswordRequest>(notProvided('changePassword')),
  listSessions: fromPromise<SessionsResponse, void>(notProvided('listSessions')),
  revokeSession: fromPromise<void, { id: string }>(notProvided('revokeSession')),
  revokeOtherSessions: fromPromise<void, void>(notProvided('revokeOtherSessions')),
  verifyMfa: fromPromise<UserResponse, MfaVerifyRequest>(notProvided('verifyMfa')),
  stepUp: fromPromise<StepUpResponse, StepUpRequest>(notProvided('stepUp')),
  /** Sends a second-factor code by SMS to the user's verified phone (never a number from the page). */
  sendMfaSms: fromPromise<void, void>(notProvided('sendMfaSms')),
  passkeyAuthenticateOptions: fromPromise<WebauthnOptions, PasskeyAuthenticateOptionsRequest>(
    notProvided('passkeyAuthenticateOptions'),
  ),
  passkeyAuthenticateVerify: fromPromise<UserResponse, PasskeyAuthenticateVerifyRequest>(
    notProvided('passkeyAuthenticateVerify'),
  ),
  passkeyRegisterOptions: fromPromise<WebauthnOptions, void>(notProvided('passkeyRegisterOptions')),
  listMfaFactors: fromPromise<MfaFactorsResponse, void>(notProvided('listMfaFactors')),
  setupTotp: fromPromise<TotpSetupResponse, void>(notProvided('setupTotp')),
  confirmTotp: fromPromise<RecoveryCodesResponse, TotpConfirmRequest>(notProvided('confirmTotp')),
  removeMfaFactor: fromPromise<void, { id: string }>(notProvided('removeMfaFactor')),
  passkeyRegisterVerify: fromPromise<PasskeyRegisteredResponse, PasskeyRegisterVerifyRequest>(
    notProvided('passkeyRegisterVerify'),
  ),
  startPhoneSignIn: fromPromise<void, PhoneStartRequest>(notProvided('startPhoneSignIn')),
  verifyPhoneSignIn: fromPromise<SignInResponse, PhoneVerifyRequest>(notProvided('verifyPhoneSignIn')),
  requestAccountDeletion: fromPromise<AccountDeletionResponse, void>(notProvided('requestAccountDeletion')),
  deleteAccount: fromPromise<void, DeleteAccountRequest>(notProvided('deleteAccount')),
};

/** The I/O actors every auth machine may use; provide all of them (see `createHttpActors`). */
export type AuthActors = typeof authActorPlaceholders;

/**
 * The browser's WebAuthn ceremonies, injected so machines stay framework- and DOM-free. Elements
 * provide them with a dynamic `import('@simplewebauthn/browser')`; tests provide fakes.
 */
export const passkeyCeremonyPlaceholders = {
  /** `navigator.credentials.get` with request options JSON; answers the assertion JSON. */
  webauthnAuthenticate: fromPromise<Record<string, unknown>, { options: WebauthnOptions; conditional?: boolean }>(
    notProvided('webauthnAuthenticate'),
  ),
  /** `navigator.credentials.create` with creation options JSON; answers the attestation JSON. */
  webauthnRegister: fromPromise<Record<string, unknown>, { options: WebauthnOptions }>(notProvided('webauthnRegister')),
};

/** The injected WebAuthn ceremonies. */
export type PasskeyCeremonyActors = typeof passkeyCeremonyPlaceholders;
