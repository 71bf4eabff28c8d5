/** @module The English texts of `<foyer-change-password>`, registered when its module loads (see internal/messages.ts). */
import type { FoyerMessages } from '../internal/messages.js';

/** English texts of `<foyer-change-password>`. */
export const changePasswordMessages = {
  breachedHeading: 'Change your password',
  breachedExplanation:
    'You are signed in, but your password appeared in a data breach on another site. Choose a new one to keep your account safe.',
  notNow: 'Not now',
  changePasswordHeading: 'Change your password',
  currentPasswordLabel: 'Current password',
  changePasswordSubmit: 'Change password',
  passwordChanged: 'Your password has been changed.',
  passwordChangeSkipped: 'Your password was not changed.',
} satisfies Partial<FoyerMessages>;
