/**
 * @module The typed HTTP client of the Foyer API. Its methods are the production actors of the
 * machines (see `createHttpActors`).
 */
import type * as z from 'zod/mini';
import {
  ACCOUNT_ROUTES,
  MFA_ROUTES,
  mfaFactorsResponseSchema,
  passkeyRegisteredResponseSchema,
  payoutDestinationResponseSchema,
  recoveryCodesResponseSchema,
  signInResponseSchema,
  stepUpResponseSchema,
  totpSetupResponseSchema,
  webauthnOptionsSchema,
  type ChangeEmailRequest,
  type ConfirmEmailChangeRequest,
  type MfaFactorsResponse,
  type MfaVerifyRequest,
  type PasskeyAuthenticateOptionsRequest,
  type PasskeyAuthenticateVerifyRequest,
  type PasskeyRegisteredResponse,
  type PasskeyRegisterVerifyRequest,
  type PayoutDestinationRequest,
  type PayoutDestinationResponse,
  type RecoveryCodesResponse,
  type SignInResponse,
  type StepUpRequest,
  type StepUpResponse,
  type TotpConfirmRequest,
  type TotpSetupResponse,
  type WebauthnOptions,
  AUTH_ROUTES,
  ONBOARDING_ROUTES,
  SECURITY_ROUTES,
  altchaChallengeSchema,
  sessionsResponseSchema,
  type ChangePasswordRequest,
  type ForgotPasswordRequest,
  type ResetPasswordRequest,
  type SessionsResponse,
  type UnlockRequest,
  instantBookResponseSchema,
  onboardingOverviewSchema,
  publishResponseSchema,
  stepSavedSchema,
  type InstantBookResponse,
  type OnboardingOverview,
  type PublishRequest,
  type PublishResponse,
  type SetTracksRequest,
  type StepPatch,
  type StepSaved,
  errorResponseSchema,
  sessionResponseSchema,
  signUpResponseSchema,
  userResponseSchema,
  type ResendVerificationRequest,
  type SessionResponse,
  type SignInRequest,
  type SignUpRequest,
  type SignUpResponse,
  type UserResponse,
  type VerifyEmailRequest,
} from '../contracts/index.js';
import {
  ACCOUNT_DELETION_ROUTES,
  PHONE_ROUTES,
  accountDeletionResponseSchema,
  accountExportSchema,
  accountPhoneResponseSchema,
  type AccountDeletionResponse,
  type AccountExport,
  type AccountPhoneResponse,
  type AccountPhoneVerifyRequest,
  type DeleteAccountRequest,
  type PhoneStartRequest,
  type PhoneVerifyRequest,
} from '../contracts/index.js';
import { FoyerError } from '../errors.js';

/** Options of {@link createFoyerClient}. */
export interface FoyerClientOptions {
  /**
   * Where the Foyer server is mounted, e.g. `https://auth.example.com` or `/` for the same origin.
   * @default ''
   */
  baseUrl?: string;
  /** A `fetch` to use instead of the global one (tests, SSR). */
  fetch?: typeof fetch;
}

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

/** Per-call options. */
export interface RequestOptions {
  signal?: AbortSignal;
  /** Lets the request outlive the page (`pagehide` flushes). */
  keepalive?: boolean;
}

interface Route {
  method: string;
  path: string;
}

interface CallParts {
  params?: Record<string, string>;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: unknown;
}

/**
 * Creates the typed client. Cookies ride along (`credentials: 'include'`), so the same client works
 * on the server's own origin and, with CORS configured, from an allowed partner origin.
 *
 * @example
 * const client = createFoyerClient({ baseUrl: 'https://auth.example.com' });
 * await client.signIn({ email, password });
 */
export function createFoyerClient(options: FoyerClientOptions = {}): FoyerClient {
  const baseUrl = (options.baseUrl ?? '').replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));

  async function call<T>(
    route: Route,
    parts: CallParts,
    schema: z.ZodMiniType<T> | null,
    init?: RequestOptions,
  ): Promise<T> {
    const { params = {}, query, headers = {}, body } = parts;
    const path = route.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
    const search = query ? `?${new URLSearchParams(query).toString()}` : '';
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${path}${search}`, {
        method: route.method,
        credentials: 'include',
        headers: {
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: init?.signal,
        keepalive: init?.keepalive,
      });
    } catch (cause) {
      if (init?.signal?.aborted) throw cause;
      throw new FoyerError('network_error');
    }
    if (!response.ok) throw await readError(response);
    if (schema === null || response.status === 204) return undefined as T;
    const parsed = schema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success)
      throw new FoyerError('internal_error', { message: 'The server answered in an unexpected shape.' });
    return parsed.data;
  }

  return {
    signUp: (body, init) => call(AUTH_ROUTES.signUp, { body }, signUpResponseSchema, init),
    verifyEmail: (body, init) => call(AUTH_ROUTES.verifyEmail, { body }, userResponseSchema, init),
    resendVerification: (body, init) => call(AUTH_ROUTES.resendVerification, { body }, null, init),
    signIn: (body, init) => call(AUTH_ROUTES.signIn, { body }, signInResponseSchema, init),
    async getSession(init) {
      try {
        return await call(AUTH_ROUTES.session, {}, sessionResponseSchema, init);
      } catch (error) {
        // Signed out is an answer, not a failure — unless a second factor is pending (details.mfaPending).
        if (error instanceof FoyerError && error.code === 'unauthenticated' && !error.details?.mfaPending) return null;
        throw error;
      }
    },
    signOut: (init) => call(AUTH_ROUTES.signOut, {}, null, init),
    getOnboarding: (init) => call(ONBOARDING_ROUTES.overview, {}, onboardingOverviewSchema, init),
    setTracks: (body, init) => call(ONBOARDING_ROUTES.setTracks, { body }, onboardingOverviewSchema, init),
    saveStepDraft: ({ track, step, patch, version }, init) =>
      call(
        ONBOARDING_ROUTES.saveStep,
        { params: { step }, query: { track }, headers: { 'if-match': `"${version}"` }, body: patch },
        stepSavedSchema,
        init,
      ),
    completeStep: ({ track, step }, init) =>
      call(ONBOARDING_ROUTES.completeStep, { params: { step }, query: { track } }, onboardingOverviewSchema, init),
    publish: (body, init) => call(ONBOARDING_ROUTES.publish, { body }, publishResponseSchema, init),
    unpublish: (body, init) => call(ONBOARDING_ROUTES.unpublish, { body }, null, init),
    getInstantBook: (init) => call(ONBOARDING_ROUTES.instantBook, {}, instantBookResponseSchema, init),
    forgotPassword: (body, init) => call(SECURITY_ROUTES.forgotPassword, { body }, null, init),
    resetPassword: (body, init) => call(SECURITY_ROUTES.resetPassword, { body }, signInResponseSchema, init),
    changePassword: (body, init) => call(SECURITY_ROUTES.changePassword, { body }, null, init),
    unlock: (body, init) => call(SECURITY_ROUTES.unlock, { body }, null, init),
    listSessions: (init) => call(SECURITY_ROUTES.sessions, {}, sessionsResponseSchema, init),
    revokeSession: (id, init) => call(SECURITY_ROUTES.revokeSession, { params: { id } }, null, init),
    revokeOtherSessions: (init) => call(SECURITY_ROUTES.revokeOtherSessions, {}, null, init),
    getCaptchaChallenge: (init) => call(SECURITY_ROUTES.captchaChallenge, {}, altchaChallengeSchema, init),
    listMfaFactors: (init) => call(MFA_ROUTES.listFactors, {}, mfaFactorsResponseSchema, init),
    setupTotp: (init) => call(MFA_ROUTES.totpSetup, {}, totpSetupResponseSchema, init),
    confirmTotp: (body, init) => call(MFA_ROUTES.totpConfirm, { body }, recoveryCodesResponseSchema, init),
    removeMfaFactor: (id, init) => call(MFA_ROUTES.removeFactor, { params: { id } }, null, init),
    verifyMfa: (body, init) => call(MFA_ROUTES.verify, { body }, userResponseSchema, init),
    stepUp: (body, init) => call(MFA_ROUTES.stepUp, { body }, stepUpResponseSchema, init),
    sendMfaSms: (init) => call(MFA_ROUTES.smsSend, {}, null, init),
    passkeyRegisterOptions: (init) => call(MFA_ROUTES.passkeyRegisterOptions, {}, webauthnOptionsSchema, init),
    passkeyRegisterVerify: (body, init) =>
      call(MFA_ROUTES.passkeyRegisterVerify, { body }, passkeyRegisteredResponseSchema, init),
    passkeyAuthenticateOptions: (body, init) =>
      call(MFA_ROUTES.passkeyAuthenticateOptions, { body: body ?? {} }, webauthnOptionsSchema, init),
    passkeyAuthenticateVerify: (body, init) =>
      call(MFA_ROUTES.passkeyAuthenticateVerify, { body }, userResponseSchema, init),
    setPayoutDestination: (body, init) =>
      call(ACCOUNT_ROUTES.setPayout, { body }, payoutDestinationResponseSchema, init),
    changeEmail: (body, init) => call(ACCOUNT_ROUTES.changeEmail, { body }, null, init),
    confirmEmailChange: (body, init) => call(ACCOUNT_ROUTES.confirmEmailChange, { body }, userResponseSchema, init),
    startPhoneSignIn: (body, init) => call(PHONE_ROUTES.startPhoneSignIn, { body }, null, init),
    verifyPhoneSignIn: (body, init) => call(PHONE_ROUTES.verifyPhoneSignIn, { body }, signInResponseSchema, init),
    listAccountPhones: (init) => call(PHONE_ROUTES.listAccountPhones, {}, accountPhoneResponseSchema, init),
    addAccountPhone: (body, init) => call(PHONE_ROUTES.addAccountPhone, { body }, null, init),
    verifyAccountPhone: (body, init) =>
      call(PHONE_ROUTES.verifyAccountPhone, { body }, accountPhoneResponseSchema, init),
    removeAccountPhone: (init) => call(PHONE_ROUTES.removeAccountPhone, {}, null, init),
    exportAccount: (init) => call(ACCOUNT_DELETION_ROUTES.exportAccount, {}, accountExportSchema, init),
    requestAccountDeletion: (init) =>
      call(ACCOUNT_DELETION_ROUTES.requestAccountDeletion, {}, accountDeletionResponseSchema, init),
    deleteAccount: (body, init) => call(ACCOUNT_DELETION_ROUTES.deleteAccount, { body }, null, init),
  };
}

/** Turns an error answer into a {@link FoyerError}; anything unexpected becomes `internal_error`. */
async function readError(response: Response): Promise<FoyerError> {
  const parsed = errorResponseSchema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) return new FoyerError('internal_error', { status: response.status });
  const { code, message, fields, retryAfter, details } = parsed.data.error;
  return new FoyerError(code, { message, fields, retryAfter, details, status: response.status });
}
