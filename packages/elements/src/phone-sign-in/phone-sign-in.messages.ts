/** @module The English texts of `<foyer-phone-sign-in>`, registered when its module loads (see internal/messages.ts). */
import type { FoyerMessages } from '../internal/messages.js';

/** English texts of `<foyer-phone-sign-in>`. */
export const phoneSignInMessages = {
  phoneSignInHeading: 'Sign in with your phone',
  phoneLabel: 'Phone number',
  phoneSendCode: 'Text me a code',
  phoneCodeSentTo: (phone) => `If ${phone} belongs to an account, a code is on its way. It works for 10 minutes.`,
  phoneVerifySubmit: 'Sign in',
  phoneChangeNumber: 'Use a different number',
  phoneSignedIn: 'You are signed in.',
} satisfies Partial<FoyerMessages>;
