/** @module The English texts of `<foyer-social-buttons>`, registered when its module loads (see internal/messages.ts). */
import type { FoyerMessages } from '../internal/messages.js';

/** English texts of `<foyer-social-buttons>`. */
export const socialButtonsMessages = {
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
} satisfies Partial<FoyerMessages>;
