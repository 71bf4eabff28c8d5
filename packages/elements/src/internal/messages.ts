/**
 * @module Every text the elements show, one table per locale. Templates read texts from here only,
 * so `@lit/localize` (or any other catalogue) can replace the tables without touching templates.
 * This module holds no text: English is registered in parts by the element modules
 * (`registerEnglish`), the whole table is `en` (internal/en.messages.ts). Lit-free, so the CDN
 * loader exports `registerMessages` without pulling in any element.
 */
import type { ErrorCode, FoyerErrorBody } from '@foyer/core';

/** The texts of the Foyer elements. Functions take the values they interpolate. */
export interface FoyerMessages {
  errors: Record<ErrorCode, string>;
  /** Social sign-in: the group of provider buttons, its divider, each button, and the return messages. */
  socialGroupLabel: string;
  socialDivider: string;
  socialButton: (provider: string, mode: 'signin' | 'signup' | 'continue') => string;
  oauthLinkRequired: (provider: string) => string;
  oauthMfaPending: string;
  /** Shown for an error code this version does not know: the server's own message follows. */
  unknownError: string;
  retryAfter: (seconds: number) => string;
  /** `429 rate_limited` with `details.reason: 'server_busy'`: the server shed load, not the person's tries. */
  serverBusy: (seconds: number) => string;

  emailLabel: string;
  passwordLabel: string;
  showPassword: string;
  newPasswordHint: string;

  signInHeading: string;
  signInSubmit: string;

  signUpHeading: string;
  signUpSubmit: string;
  useDifferentEmail: string;

  verifyHeading: string;
  codeSentTo: (email: string) => string;
  codeLabel: string;
  codeHint: string;
  verifySubmit: string;
  resendCode: string;
  newCodeSent: (email: string) => string;
  emailVerified: string;

  loading: string;
  toSignUpPrompt: string;
  toSignUp: string;
  toSignIn: string;
  signedInAs: (email: string) => string;
  signOut: string;

  // Sign-in security (issue 3)
  attemptsLeft: (count: number) => string;
  captchaLabel: string;
  captchaLoading: string;
  captchaSolved: string;
  captchaFailed: string;
  captchaRequired: string;
  lockedHeading: string;
  lockedAnnouncement: (minutes: number) => string;
  lockedCountdown: string;
  lockedUnlockEmail: string;
  lockEnded: string;
  forgotPassword: string;
  resetYourPassword: string;
  backToSignIn: string;
  breachedHeading: string;
  breachedExplanation: string;
  notNow: string;

  strengthLabel: string;
  strengthLevels: [string, string, string, string, string];
  strengthLoading: string;
  strengthUnavailable: string;
  strengthAnnouncement: (level: string) => string;
  passwordProblems: Record<'too_short' | 'too_long' | 'contains_context', string>;

  resetHeading: string;
  resetDescription: string;
  resetRequestSubmit: string;
  resetCodeSentTo: (email: string) => string;
  resetChooseDescription: string;
  newPasswordLabel: string;
  resetSubmit: string;
  resetDone: string;
  resetLinkExpired: string;
  requestNewCode: string;

  changePasswordHeading: string;
  currentPasswordLabel: string;
  changePasswordSubmit: string;
  passwordChanged: string;
  passwordChangeSkipped: string;

  sessionsHeading: string;
  sessionsLoading: string;
  sessionsCaption: string;
  sessionDevice: string;
  sessionIp: string;
  sessionCreated: string;
  sessionLastSeen: string;
  sessionActions: string;
  thisDevice: string;
  unknownIp: string;
  signOutSession: string;
  signOutSessionLabel: (device: string) => string;
  signOutOthers: string;
  sessionRevoked: (device: string) => string;
  othersRevoked: string;
  noOtherSessions: string;
  retry: string;

  // SMS sign-in and account deletion (issue 5)
  phoneSignInHeading: string;
  phoneLabel: string;
  phoneHint: string;
  phoneSendCode: string;
  phoneCodeSentTo: (phone: string) => string;
  phoneVerifySubmit: string;
  phoneChangeNumber: string;
  phoneSignedIn: string;
  deleteHeading: string;
  deleteReview: string;
  deleteExportLink: string;
  deleteExportHint: string;
  deleteStart: string;
  deleteStepUpPrompt: string;
  deleteStepUpContinue: string;
  cancel: string;
  deleteConfirmLabel: (word: string, withEmail: boolean) => string;
  deleteConfirmSubmit: string;
  deleteDone: string;
  /** Two-step verification: the sign-in step, setup, passkeys and step-up. */
  mfa: MfaMessages;
}

/** Texts of the MFA elements (`<foyer-mfa-challenge>`, `<foyer-mfa-setup>`, `<foyer-passkey-button>`, `<foyer-step-up>`). */
export interface MfaMessages {
  challengeHeading: string;
  challengeDescription: (method: 'totp' | 'passkey' | 'recovery_code' | 'sms') => string;
  totpLabel: string;
  totpHint: string;
  recoveryLabel: string;
  recoveryHint: string;
  verifySubmit: string;
  usePasskey: string;
  useTotp: string;
  useRecoveryCode: string;
  /** The SMS choice: "Text message to •••• 71" (the masked number when known). */
  useSms: (phoneHint: string | null) => string;
  smsLabel: string;
  smsHint: string;
  /** Said once the code left: "We sent a code to •••• 71." */
  smsSent: (phoneHint: string | null) => string;
  smsResend: string;
  otherMethods: string;
  attemptsLeft: (count: number) => string;
  passkeyCancelled: string;
  lockedMessage: string;
  expiredMessage: string;
  startOver: string;
  signInWithPasskey: string;
  passkeyUnsupported: string;
  setupHeading: string;
  setupTotpStart: string;
  setupScan: string;
  setupQrAlt: string;
  setupManualEntry: string;
  setupConfirmLabel: string;
  setupConfirmSubmit: string;
  recoveryCodesHeading: string;
  recoveryCodesHint: string;
  copyCodes: string;
  codesCopied: string;
  downloadCodes: string;
  recoveryCodesDone: string;
  factorsCaption: string;
  columnName: string;
  columnType: string;
  columnLastUsed: string;
  factorType: (type: 'totp' | 'passkey' | 'recovery_codes') => string;
  factorAdded: string;
  factorLastUsed: (when: string | null) => string;
  recoveryRemaining: (count: number) => string;
  removeFactor: (label: string) => string;
  factorRemoved: (label: string) => string;
  removedGeneric: string;
  addPasskey: string;
  passkeyLabel: string;
  passkeyAdded: string;
  noFactors: string;
  stepUpHeading: string;
  stepUpDescription: string;
  stepUpPasswordLabel: string;
  stepUpSubmit: string;
  stepUpDone: string;
}

/** The locale used when none is set or the set one has no table. */
export const DEFAULT_LOCALE = 'en';

/** Part of the English table: what one element's module registers. */
export type MessagesPart = Partial<Omit<FoyerMessages, 'errors' | 'passwordProblems' | 'mfa'>> & {
  errors?: Partial<FoyerMessages['errors']>;
  passwordProblems?: Partial<FoyerMessages['passwordProblems']>;
  mfa?: Partial<MfaMessages>;
};

/*
 * English comes in parts, each registered by the module of the element that shows it, so a chunk
 * carries only its own texts; a host's locale (registerMessages) is kept apart and laid over English
 * when asked for, so texts registered before an element's chunk loads still apply to it.
 */
const english: MessagesPart = { errors: {}, passwordProblems: {}, mfa: {} };
const locales = new Map<string, Partial<FoyerMessages>>();
const merged = new Map<string, FoyerMessages>();

function layer(base: MessagesPart, over: MessagesPart): MessagesPart {
  return {
    ...base,
    ...over,
    errors: { ...base.errors, ...over.errors },
    passwordProblems: { ...base.passwordProblems, ...over.passwordProblems },
    mfa: { ...base.mfa, ...over.mfa },
  };
}

/**
 * Adds English texts of an element (its module calls this when it loads). Internal to the elements.
 *
 * @example
 * registerEnglish(sessionsMessages);
 */
export function registerEnglish(part: MessagesPart): void {
  Object.assign(english, layer(english, part));
  merged.clear();
}

/**
 * Adds or replaces the texts of a locale; missing keys fall back to English. May be called before
 * or after the elements load.
 *
 * @example
 * registerMessages('de', { signInSubmit: 'Anmelden' });
 */
export function registerMessages(locale: string, messages: Partial<FoyerMessages>): void {
  locales.set(locale.toLowerCase(), messages);
  merged.clear();
}

/** The table of `locale` (`de-AT` → `de` → English), over the English texts loaded so far. */
export function messagesFor(locale: string | null | undefined): FoyerMessages {
  const key = (locale ?? DEFAULT_LOCALE).toLowerCase();
  const found = locales.has(key) ? key : locales.has(key.split('-')[0] ?? '') ? (key.split('-')[0] as string) : '';
  let table = merged.get(found);
  if (!table) {
    table = layer(english, locales.get(found) ?? {}) as FoyerMessages;
    merged.set(found, table);
  }
  return table;
}
/**
 * The text shown for a server error. Known codes use the localised table, never the server's raw
 * message; an unknown code shows the server's message.
 */
export function errorMessage(messages: FoyerMessages, error: FoyerErrorBody): string {
  const seconds = typeof error.retryAfter === 'number' && error.retryAfter > 0 ? error.retryAfter : undefined;
  if (error.code === 'rate_limited' && error.details?.['reason'] === 'server_busy') {
    return messages.serverBusy(seconds ?? 1);
  }
  if (error.code === 'rate_limited' && seconds !== undefined) return messages.retryAfter(seconds);
  return messages.errors[error.code] ?? (error.message || messages.unknownError);
}
