/** @module The English texts of the MFA elements, registered when one of their modules loads. */
import type { MfaMessages } from '../internal/messages.js';

/** English texts of `<foyer-mfa-challenge>`, `<foyer-mfa-setup>`, `<foyer-passkey-button>`, `<foyer-step-up>`. */
export const mfaMessages = {
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
} satisfies Partial<MfaMessages>;
