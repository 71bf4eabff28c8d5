/** @module The English texts of `<foyer-password-meter>`, registered when its module loads (see internal/messages.ts). */
import type { FoyerMessages } from '../internal/messages.js';

/** English texts of `<foyer-password-meter>`. */
export const passwordMeterMessages = {
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
} satisfies Partial<FoyerMessages>;
