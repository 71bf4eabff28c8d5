/**
 * @module The typed HTTP client of the Foyer API. Its methods are the production actors of the
 * machines (see `createHttpActors`).
 */
import type {
  AccountDeletionResponse,
  AccountExport,
  AccountPhoneResponse,
  AccountPhoneVerifyRequest,
  ChangeEmailRequest,
  ChangePasswordRequest,
  ConfirmEmailChangeRequest,
  DeleteAccountRequest,
  ForgotPasswordRequest,
  InstantBookResponse,
  MfaFactorsResponse,
  MfaVerifyRequest,
  OnboardingOverview,
  PasskeyAuthenticateOptionsRequest,
  PasskeyAuthenticateVerifyRequest,
  PasskeyRegisterVerifyRequest,
  PasskeyRegisteredResponse,
  PayoutDestinationRequest,
  PayoutDestinationResponse,
  PhoneStartRequest,
  PhoneVerifyRequest,
  PublishRequest,
  PublishResponse,
  RecoveryCodesResponse,
  ResendVerificationRequest,
  ResetPasswordRequest,
  SessionResponse,
  SessionsResponse,
  SetTracksRequest,
  SignInRequest,
  SignInResponse,
  SignUpRequest,
  SignUpResponse,
  StepPatch,
  StepSaved,
  StepUpRequest,
  StepUpResponse,
  TotpConfirmRequest,
  TotpSetupResponse,
  UnlockRequest,
  UserResponse,
  VerifyEmailRequest,
  WebauthnOptions,
} from '../contracts/index.js';
import { createEndpointCall, type FoyerClientOptions, type RequestOptions } from './endpoint-call.js';
import { authEndpoints } from './auth.endpoints.js';
import { onboardingEndpoints } from './onboarding.endpoints.js';
import { securityEndpoints } from './security.endpoints.js';
import { mfaEndpoints } from './mfa.endpoints.js';
import { accountEndpoints } from './account.endpoints.js';
import { phoneEndpoints } from './phone.endpoints.js';
import { accountDeletionEndpoints } from './account-deletion.endpoints.js';

export * from './endpoint-call.js';
export * from './auth.endpoints.js';
export * from './onboarding.endpoints.js';
export * from './security.endpoints.js';
export * from './mfa.endpoints.js';
export * from './account.endpoints.js';
export * from './phone.endpoints.js';
export * from './account-deletion.endpoints.js';

/** The typed client: one method per endpoint. */
export interface FoyerClient {
  signUp(body: SignUpRequest, init?: RequestOptions): Promise<SignUpResponse>;
  verifyEmail(body: VerifyEmailRequest, init?: RequestOptions): Promise<UserResponse>;
  resendVerification(body: ResendVerificationRequest, init?: RequestOptions): Promise<void>;
  /** Signed in (`{ user }`), or `{ mfaRequired: true, factors }`: continue with {@link FoyerClient.verifyMfa}. */
  signIn(body: SignInRequest, init?: RequestOptions): Promise<SignInResponse>;
  /** The current session, or `null` when signed out. */
  getSession(init?: RequestOptions): Promise<SessionResponse | null>;
  signOut(init?: RequestOptions): Promise<void>;
  /** `GET /onboarding` */
  getOnboarding(init?: RequestOptions): Promise<OnboardingOverview>;
  /** `PUT /onboarding/tracks` */
  setTracks(body: SetTracksRequest, init?: RequestOptions): Promise<OnboardingOverview>;
  /** `PATCH /onboarding/steps/:step` with `If-Match: version`. */
  saveStepDraft(request: SaveStepDraftRequest, init?: RequestOptions): Promise<StepSaved>;
  /** `POST /onboarding/steps/:step/complete` */
  completeStep(request: { track: string; step: string }, init?: RequestOptions): Promise<OnboardingOverview>;
  /** `POST /profiles/me/publish` */
  publish(body: PublishRequest, init?: RequestOptions): Promise<PublishResponse>;
  /** `POST /profiles/me/unpublish` */
  unpublish(body: PublishRequest, init?: RequestOptions): Promise<void>;
  /** `GET /profiles/me/instant-book` */
  getInstantBook(init?: RequestOptions): Promise<InstantBookResponse>;
  /** `POST /auth/password/forgot` */
  forgotPassword(body: ForgotPasswordRequest, init?: RequestOptions): Promise<void>;
  /** `POST /auth/password/reset` */
  /** Signed in, or `{ mfaRequired, factors }` for an account with MFA (the password is set either way). */
  resetPassword(body: ResetPasswordRequest, init?: RequestOptions): Promise<SignInResponse>;
  /** `POST /auth/password/change` */
  changePassword(body: ChangePasswordRequest, init?: RequestOptions): Promise<void>;
  /** `POST /auth/unlock` */
  unlock(body: UnlockRequest, init?: RequestOptions): Promise<void>;
  /** `GET /auth/sessions` */
  listSessions(init?: RequestOptions): Promise<SessionsResponse>;
  /** `DELETE /auth/sessions/:id` */
  revokeSession(id: string, init?: RequestOptions): Promise<void>;
  /** `DELETE /auth/sessions`: every session but this one. */
  revokeOtherSessions(init?: RequestOptions): Promise<void>;
  /** `GET /auth/captcha/challenge`: an ALTCHA challenge. */
  getCaptchaChallenge(init?: RequestOptions): Promise<Record<string, unknown>>;
  /** `GET /auth/mfa` */
  listMfaFactors(init?: RequestOptions): Promise<MfaFactorsResponse>;
  /** `POST /auth/mfa/totp/setup` */
  setupTotp(init?: RequestOptions): Promise<TotpSetupResponse>;
  /** `POST /auth/mfa/totp/confirm` */
  confirmTotp(body: TotpConfirmRequest, init?: RequestOptions): Promise<RecoveryCodesResponse>;
  /** `DELETE /auth/mfa/factors/:id` (step-up) */
  removeMfaFactor(id: string, init?: RequestOptions): Promise<void>;
  /** `POST /auth/mfa/verify`: completes a pending sign-in. */
  verifyMfa(body: MfaVerifyRequest, init?: RequestOptions): Promise<UserResponse>;
  /** `POST /auth/step-up` */
  stepUp(body: StepUpRequest, init?: RequestOptions): Promise<StepUpResponse>;
  /** `POST /auth/mfa/sms/send`: a second-factor code by SMS to the user's verified phone (pending sign-in or step-up). */
  sendMfaSms(init?: RequestOptions): Promise<void>;
  /** `POST /auth/passkeys/register/options` */
  passkeyRegisterOptions(init?: RequestOptions): Promise<WebauthnOptions>;
  /** `POST /auth/passkeys/register/verify` */
  passkeyRegisterVerify(body: PasskeyRegisterVerifyRequest, init?: RequestOptions): Promise<PasskeyRegisteredResponse>;
  /** `POST /auth/passkeys/authenticate/options` */
  passkeyAuthenticateOptions(body?: PasskeyAuthenticateOptionsRequest, init?: RequestOptions): Promise<WebauthnOptions>;
  /** `POST /auth/passkeys/authenticate/verify`: signs in. */
  passkeyAuthenticateVerify(body: PasskeyAuthenticateVerifyRequest, init?: RequestOptions): Promise<UserResponse>;
  /** `PUT /account/payout` (MFA + step-up) */
  setPayoutDestination(body: PayoutDestinationRequest, init?: RequestOptions): Promise<PayoutDestinationResponse>;
  /** `POST /account/email` (step-up) */
  changeEmail(body: ChangeEmailRequest, init?: RequestOptions): Promise<void>;
  /** `POST /account/email/confirm` */
  confirmEmailChange(body: ConfirmEmailChangeRequest, init?: RequestOptions): Promise<UserResponse>;
  /** `POST /auth/phone/start` (always 202; 404 when SMS is off) */
  startPhoneSignIn(body: PhoneStartRequest, init?: RequestOptions): Promise<void>;
  /** `POST /auth/phone/verify`: a session, or `{mfaRequired, factors}` */
  verifyPhoneSignIn(body: PhoneVerifyRequest, init?: RequestOptions): Promise<SignInResponse>;
  /** `GET /account/phone` */
  listAccountPhones(init?: RequestOptions): Promise<AccountPhoneResponse>;
  /** `POST /account/phone` (always 202) */
  addAccountPhone(body: PhoneStartRequest, init?: RequestOptions): Promise<void>;
  /** `POST /account/phone/verify` */
  verifyAccountPhone(body: AccountPhoneVerifyRequest, init?: RequestOptions): Promise<AccountPhoneResponse>;
  /** `DELETE /account/phone` (step-up) */
  removeAccountPhone(init?: RequestOptions): Promise<void>;
  /** `GET /account/export`: the data bundle (to offer as a download, link to `exportUrl` instead) */
  exportAccount(init?: RequestOptions): Promise<AccountExport>;
  /** `POST /account/deletion` (step-up) */
  requestAccountDeletion(init?: RequestOptions): Promise<AccountDeletionResponse>;
  /** `DELETE /account` */
  deleteAccount(body: DeleteAccountRequest, init?: RequestOptions): Promise<void>;
}

/** What `saveStepDraft` sends. */
export interface SaveStepDraftRequest {
  track: string;
  step: string;
  /** JSON Merge Patch of the step's draft. */
  patch: StepPatch;
  /** The version the edit was based on. */
  version: number;
}

/**
 * Creates the typed client: every endpoint group (`authEndpoints`, `securityEndpoints`…) over one
 * {@link createEndpointCall}. Cookies ride along (`credentials: 'include'`), so the same client
 * works on the server's own origin and, with CORS configured, from an allowed partner origin.
 *
 * @example
 * const client = createFoyerClient({ baseUrl: 'https://auth.example.com' });
 * await client.signIn({ email, password });
 */
export function createFoyerClient(options: FoyerClientOptions = {}): FoyerClient {
  const call = createEndpointCall(options);
  return {
    ...authEndpoints(call),
    ...onboardingEndpoints(call),
    ...securityEndpoints(call),
    ...mfaEndpoints(call),
    ...accountEndpoints(call),
    ...phoneEndpoints(call),
    ...accountDeletionEndpoints(call),
  };
}
