/**
 * @module The whole English table, for hosts that start a translation from it. The elements do not
 * import it: each registers its own part (see internal/messages.ts), so this module is only in a
 * bundle that uses `en`.
 */
import type { FoyerMessages } from './messages.js';
import { baseMessages } from './base.messages.js';
import { mfaMessages } from './mfa.messages.js';
import { captchaMessages } from '../captcha/captcha.messages.js';
import { passwordMeterMessages } from '../password-meter/password-meter.messages.js';
import { resetPasswordMessages } from '../reset-password/reset-password.messages.js';
import { changePasswordMessages } from '../change-password/change-password.messages.js';
import { sessionsMessages } from '../sessions/sessions.messages.js';
import { phoneSignInMessages } from '../phone-sign-in/phone-sign-in.messages.js';
import { accountDeleteMessages } from '../account-delete/account-delete.messages.js';
import { socialButtonsMessages } from '../social-buttons/social-buttons.messages.js';

/** English (the default and the fallback): every part in one table. */
export const en: FoyerMessages = {
  ...baseMessages,
  ...captchaMessages,
  ...passwordMeterMessages,
  ...resetPasswordMessages,
  ...changePasswordMessages,
  ...sessionsMessages,
  ...phoneSignInMessages,
  ...accountDeleteMessages,
  ...socialButtonsMessages,
  mfa: { ...baseMessages.mfa, ...mfaMessages },
};
