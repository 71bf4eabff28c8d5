/** @module The English texts of `<foyer-reset-password>`, registered when its module loads (see internal/messages.ts). */
import type { FoyerMessages } from '../internal/messages.js';

/** English texts of `<foyer-reset-password>`. */
export const resetPasswordMessages = {
  resetHeading: 'Reset your password',
  resetDescription: 'Enter your email and we will send you a code to choose a new password.',
  resetRequestSubmit: 'Send reset code',
  resetCodeSentTo: (email) => `If an account exists for ${email}, we sent it a 6-digit code.`,
  resetChooseDescription: 'Choose a new password for your account.',
  resetSubmit: 'Set new password',
  resetDone: 'Your password has been changed and you are signed in.',
  resetLinkExpired: 'This reset link no longer works. Ask for a new code.',
  requestNewCode: 'Ask for a new code',
} satisfies Partial<FoyerMessages>;
