/** @module The English texts of `<foyer-account-delete>`, registered when its module loads (see internal/messages.ts). */
import type { FoyerMessages } from '../internal/messages.js';

/** English texts of `<foyer-account-delete>`. */
export const accountDeleteMessages = {
  deleteHeading: 'Delete your account',
  deleteReview:
    'Deleting your account removes your profile, onboarding answers, phone numbers, devices and sessions, and takes your public pages offline. It cannot be undone.',
  deleteExportLink: 'Download your data (JSON)',
  deleteExportHint: 'Download your data first: after the deletion it is gone.',
  deleteStart: 'Continue to delete',
  deleteStepUpPrompt: 'For your safety, confirm it is you first.',
  deleteStepUpContinue: 'I have confirmed, continue',
  deleteConfirmLabel: (word, withEmail) =>
    withEmail ? `Type ${word} or your email address to confirm` : `Type ${word} to confirm`,
  deleteConfirmSubmit: 'Delete my account',
  deleteDone: 'Your account has been deleted. A confirmation is on its way to your email.',
} satisfies Partial<FoyerMessages>;
