/**
 * @module Every text the elements show, one table per locale. Templates read texts from here only,
 * so `@lit/localize` (or any other catalogue) can replace the tables without touching templates.
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

/** English (the default and the fallback). */
export const en: FoyerMessages = {
  socialGroupLabel: 'Sign in with another account',
  socialDivider: 'or',
  socialButton: (provider, mode) =>
    mode === 'continue'
      ? `Continue with ${provider}`
      : mode === 'signup'
        ? `Sign up with ${provider}`
        : `Sign in with ${provider}`,
  oauthLinkRequired: (provider) =>
    `You already have an account with this email. Sign in with your password once to connect ${provider}.`,
  oauthMfaPending: 'Almost done: confirm it is you with your second factor.',
  errors: {
    invalid_input: 'Some fields are not valid. Check them and try again.',
    invalid_code: 'That code is not right. Check the email and try again.',
    unauthenticated: 'You are not signed in.',
    invalid_credentials: 'The email or password is not right.',
    email_not_verified: 'Please verify your email address first.',
    step_up_required: 'Confirm it is you to continue.',
    mfa_required: 'Turn on two-step verification first.',
    mfa_pending_expired: 'This sign-in took too long. Sign in again.',
    csrf_rejected: 'This page is not allowed to sign you in.',
    not_found: 'Something is missing on our side. Try again later.',
    version_conflict: 'This was changed somewhere else. Review the latest version.',
    step_locked: 'Complete the earlier steps first.',
    publish_blocked: 'Your profile is not ready to publish yet.',
    slug_taken: 'That address is taken. Choose another.',
    step_invalid: 'Some fields of this step need attention.',
    precondition_required: 'Something went wrong on our side. Try again later.',
    code_expired: 'That code has expired. Ask for a new one.',
    weak_password: 'Choose a stronger password.',
    password_breached: 'This password has appeared in a data breach. Choose another one.',
    account_locked: 'Too many failed attempts. Sign-in is paused for a while.',
    captcha_required: 'Please confirm you are human.',
    captcha_invalid: 'The human check did not pass. Try it again.',
    unsupported_media_type: 'Something went wrong on our side. Try again later.',
    rate_limited: 'Too many attempts. Try again later.',
    oauth_failed: 'Signing in with that provider did not work. Try again or use another way to sign in.',
    internal_error: 'Something went wrong on our side. Try again later.',
    network_error: 'Could not reach the server. Check your connection and try again.',
  },
  unknownError: 'Something went wrong.',
  retryAfter: (seconds) =>
    seconds < 90
      ? `Too many attempts. Try again in ${seconds} seconds.`
      : `Too many attempts. Try again in ${Math.ceil(seconds / 60)} minutes.`,

  emailLabel: 'Email',
  passwordLabel: 'Password',
  showPassword: 'Show password',
  newPasswordHint: 'At least 8 characters',

  signInHeading: 'Sign in',
  signInSubmit: 'Sign in',

  signUpHeading: 'Create your account',
  signUpSubmit: 'Create account',
  useDifferentEmail: 'Use a different email',

  verifyHeading: 'Check your email',
  codeSentTo: (email) => `We sent a 6-digit code to ${email}.`,
  codeLabel: 'Verification code',
  codeHint: 'Enter the 6 digits from the email.',
  verifySubmit: 'Verify',
  resendCode: 'Send a new code',
  newCodeSent: (email) => `We sent a new code to ${email}.`,
  emailVerified: 'Your email address is verified.',

  loading: 'Loading…',
  toSignUpPrompt: 'New here?',
  toSignUp: 'Create an account',
  toSignIn: 'I already have an account',
  signedInAs: (email) => `Signed in as ${email}`,
  signOut: 'Sign out',

  attemptsLeft: (count) =>
    count === 1
      ? '1 attempt left before we ask you to confirm you’re human.'
      : `${count} attempts left before we ask you to confirm you’re human.`,
  captchaLabel: 'Human check',
  captchaLoading: 'Loading the human check…',
  captchaSolved: 'Human check complete.',
  captchaFailed: 'The human check could not load. Reload the page and try again.',
  captchaRequired: 'Please confirm you’re human, then sign in again.',
  lockedHeading: 'Sign-in is paused',
  lockedAnnouncement: (minutes) =>
    `Too many failed attempts. You can try again in ${minutes === 1 ? '1 minute' : `${minutes} minutes`}.`,
  lockedCountdown: 'Time left',
  lockedUnlockEmail: 'If this is your account, we sent you an email with a link to unlock it now.',
  lockEnded: 'You can sign in again.',
  forgotPassword: 'Forgot your password?',
  resetYourPassword: 'Reset your password',
  backToSignIn: 'Back to sign in',
  breachedHeading: 'Change your password',
  breachedExplanation:
    'You are signed in, but your password appeared in a data breach on another site. Choose a new one to keep your account safe.',
  notNow: 'Not now',

  strengthLabel: 'Password strength',
  strengthLevels: ['Very weak', 'Weak', 'Fair', 'Good', 'Strong'],
  strengthLoading: 'Checking password strength…',
  strengthUnavailable: 'The strength check is not available; we will check your password when you submit.',
  strengthAnnouncement: (level) => `Password strength: ${level}`,
  passwordProblems: {
    too_short: 'Use at least 8 characters.',
    too_long: 'Use at most 128 characters.',
    contains_context: 'Do not use your email address or the name of this site in your password.',
  },

  resetHeading: 'Reset your password',
  resetDescription: 'Enter your email and we will send you a code to choose a new password.',
  resetRequestSubmit: 'Send reset code',
  resetCodeSentTo: (email) => `If an account exists for ${email}, we sent it a 6-digit code.`,
  resetChooseDescription: 'Choose a new password for your account.',
  newPasswordLabel: 'New password',
  resetSubmit: 'Set new password',
  resetDone: 'Your password has been changed and you are signed in.',
  resetLinkExpired: 'This reset link no longer works. Ask for a new code.',
  requestNewCode: 'Ask for a new code',

  changePasswordHeading: 'Change your password',
  currentPasswordLabel: 'Current password',
  changePasswordSubmit: 'Change password',
  passwordChanged: 'Your password has been changed.',
  passwordChangeSkipped: 'Your password was not changed.',

  sessionsHeading: 'Where you’re signed in',
  sessionsLoading: 'Loading your sessions…',
  sessionsCaption: 'Your sessions',
  sessionDevice: 'Device',
  sessionIp: 'Network',
  sessionCreated: 'Signed in',
  sessionLastSeen: 'Last active',
  sessionActions: 'Actions',
  thisDevice: 'This device',
  unknownIp: 'Unknown',
  signOutSession: 'Sign out',
  signOutSessionLabel: (device) => `Sign out ${device}`,
  signOutOthers: 'Sign out all other sessions',
  sessionRevoked: (device) => `Signed out of ${device}.`,
  othersRevoked: 'Signed out of all other sessions.',
  noOtherSessions: 'You are not signed in anywhere else.',
  retry: 'Try again',

  phoneSignInHeading: 'Sign in with your phone',
  phoneLabel: 'Phone number',
  phoneHint: 'We text a 6-digit code to the number you added to your account.',
  phoneSendCode: 'Text me a code',
  phoneCodeSentTo: (phone) => `If ${phone} belongs to an account, a code is on its way. It works for 10 minutes.`,
  phoneVerifySubmit: 'Sign in',
  phoneChangeNumber: 'Use a different number',
  phoneSignedIn: 'You are signed in.',
  deleteHeading: 'Delete your account',
  deleteReview:
    'Deleting your account removes your profile, onboarding answers, phone numbers, devices and sessions, and takes your public pages offline. It cannot be undone.',
  deleteExportLink: 'Download your data (JSON)',
  deleteExportHint: 'Download your data first: after the deletion it is gone.',
  deleteStart: 'Continue to delete',
  deleteStepUpPrompt: 'For your safety, confirm it is you first.',
  deleteStepUpContinue: 'I have confirmed, continue',
  cancel: 'Cancel',
  deleteConfirmLabel: (word, withEmail) =>
    withEmail ? `Type ${word} or your email address to confirm` : `Type ${word} to confirm`,
  deleteConfirmSubmit: 'Delete my account',
  deleteDone: 'Your account has been deleted. A confirmation is on its way to your email.',
  mfa: {
    challengeHeading: 'Two-step verification',
    challengeDescription: (method) =>
      method === 'totp'
        ? 'Enter the 6-digit code from your authenticator app.'
        : method === 'passkey'
          ? 'Confirm with your passkey.'
          : method === 'sms'
            ? 'Enter the 6-digit code we sent you by text message.'
            : 'Enter one of your recovery codes. Each works once.',
    totpLabel: 'Authentication code',
    totpHint: '6 digits, from your authenticator app.',
    recoveryLabel: 'Recovery code',
    recoveryHint: 'Like abcde-fghjk.',
    verifySubmit: 'Verify',
    usePasskey: 'Use a passkey',
    useTotp: 'Use your authenticator app',
    useRecoveryCode: 'Use a recovery code',
    useSms: (phoneHint) => (phoneHint ? `Text message to ${phoneHint}` : 'Text message to your phone'),
    smsLabel: 'Code from the text message',
    smsHint: '6 digits. It expires in 10 minutes.',
    smsSent: (phoneHint) => (phoneHint ? `We sent a code to ${phoneHint}.` : 'We sent a code to your phone.'),
    smsResend: 'Send a new code',
    otherMethods: 'Other ways to verify',
    attemptsLeft: (count) => (count === 1 ? '1 try left.' : `${count} tries left.`),
    passkeyCancelled: 'The passkey request was cancelled. Try again or choose another way.',
    lockedMessage: 'Too many wrong codes. Two-step verification is paused for a while.',
    expiredMessage: 'This sign-in took too long. Sign in again.',
    startOver: 'Sign in again',
    signInWithPasskey: 'Sign in with a passkey',
    passkeyUnsupported: 'This browser does not support passkeys.',
    setupHeading: 'Two-step verification',
    setupTotpStart: 'Set up an authenticator app',
    setupScan: 'Scan this QR code with your authenticator app, or enter the key below.',
    setupQrAlt: 'QR code to add this account to an authenticator app',
    setupManualEntry: 'Setup key',
    setupConfirmLabel: 'Code from the app',
    setupConfirmSubmit: 'Turn on',
    recoveryCodesHeading: 'Save your recovery codes',
    recoveryCodesHint:
      'Each code signs you in once if you lose your device. Keep them somewhere safe: they are shown only now.',
    copyCodes: 'Copy codes',
    codesCopied: 'Codes copied.',
    downloadCodes: 'Download codes',
    recoveryCodesDone: 'I saved them',
    factorsCaption: 'Your sign-in methods',
    columnName: 'Name',
    columnType: 'Type',
    columnLastUsed: 'Last used',
    factorType: (type) => (type === 'totp' ? 'Authenticator app' : type === 'passkey' ? 'Passkey' : 'Recovery codes'),
    factorAdded: 'Added',
    factorLastUsed: (when) => (when ? `Last used ${when}` : 'Never used'),
    recoveryRemaining: (count) => `${count} left`,
    removeFactor: (label) => `Remove ${label}`,
    factorRemoved: (label) => `${label} removed.`,
    removedGeneric: 'Sign-in method',
    addPasskey: 'Add a passkey',
    passkeyLabel: 'Passkey name',
    passkeyAdded: 'Passkey added.',
    noFactors: 'Two-step verification is off.',
    stepUpHeading: 'Confirm it’s you',
    stepUpDescription: 'This is a sensitive change. Confirm it’s you to continue.',
    stepUpPasswordLabel: 'Password',
    stepUpSubmit: 'Confirm',
    stepUpDone: 'Confirmed.',
  },
};

/** The locale used when none is set or the set one has no table. */
export const DEFAULT_LOCALE = 'en';

const tables = new Map<string, FoyerMessages>([['en', en]]);

/**
 * Adds or replaces the texts of a locale; missing keys fall back to English.
 *
 * @example
 * registerMessages('de', { signInSubmit: 'Anmelden' });
 */
export function registerMessages(locale: string, messages: Partial<FoyerMessages>): void {
  tables.set(locale.toLowerCase(), {
    ...en,
    ...messages,
    errors: { ...en.errors, ...messages.errors },
    passwordProblems: { ...en.passwordProblems, ...messages.passwordProblems },
    mfa: { ...en.mfa, ...messages.mfa },
  });
}

/** The table of `locale` (`de-AT` → `de` → English). */
export function messagesFor(locale: string | null | undefined): FoyerMessages {
  const key = (locale ?? DEFAULT_LOCALE).toLowerCase();
  return tables.get(key) ?? tables.get(key.split('-')[0] ?? '') ?? en;
}

/**
 * The text shown for a server error. Known codes use the localised table, never the server's raw
 * message; an unknown code shows the server's message.
 */
export function errorMessage(messages: FoyerMessages, error: FoyerErrorBody): string {
  if (error.code === 'rate_limited' && typeof error.retryAfter === 'number' && error.retryAfter > 0) {
    return messages.retryAfter(error.retryAfter);
  }
  return messages.errors[error.code] ?? (error.message || messages.unknownError);
}
