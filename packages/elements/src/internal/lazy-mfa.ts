/** @module Lazy registration of the MFA tags: their chunk (`../mfa.js`) loads when one first appears. */
import { registerLazyElements } from './lazy-elements.js';

/** The tags the MFA chunk defines. */
export const MFA_TAGS = ['foyer-mfa-challenge', 'foyer-mfa-setup', 'foyer-passkey-button', 'foyer-step-up'] as const;

/** Registers {@link MFA_TAGS} with the lazy registry (one chunk for all four). */
export function autoloadMfaElements(): void {
  registerLazyElements(MFA_TAGS, () => import('../mfa.js'));
}
