/**
 * @module The English texts every Foyer element may show — errors, the auth widget, shared labels —
 * registered by `FoyerElement` (internal/foyer-element.ts). Each other element registers its own
 * part when its module loads (`sessions/sessions.messages.ts`…), so a chunk carries only its texts.
 */
import type { FoyerMessages } from './messages.js';

/** English texts shared by every element. */
export const baseMessages = {
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
  serverBusy: (seconds) => `We are busy just now. Try again in ${seconds === 1 ? 'a second' : `${seconds} seconds`}.`,
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
  newPasswordLabel: 'New password',
  sessionActions: 'Actions',
  retry: 'Try again',
  phoneHint: 'We text a 6-digit code to the number you added to your account.',
  cancel: 'Cancel',
  mfa: {
    startOver: 'Sign in again',
  },
} satisfies Partial<Omit<FoyerMessages, 'mfa'>> & { mfa: Partial<FoyerMessages['mfa']> };
