/**
 * @module Zod contracts of account deletion and data export: `GET /account/export`,
 * `POST /account/deletion` (step-up) and `DELETE /account`.
 */
import * as z from 'zod/mini';

/** A confirm token of `POST /account/deletion` (base64url, 256 bits). */
export const deletionConfirmTokenSchema = z
  .string({ error: 'The confirmation is missing.' })
  .check(
    z.minLength(16, { error: 'The confirmation is not valid.' }),
    z.maxLength(128, { error: 'The confirmation is not valid.' }),
  );

/** `POST /account/deletion` → 200 */
export const accountDeletionResponseSchema = z.object({
  /** Where the JSON bundle of the user's data can be downloaded (same session). */
  exportUrl: z.string(),
  /** Send it back in `DELETE /account` within `expiresAt`; single use. */
  confirmToken: z.string(),
  expiresAt: z.string(),
});
export type AccountDeletionResponse = z.output<typeof accountDeletionResponseSchema>;

/** `DELETE /account` */
export const deleteAccountRequestSchema = z.object({ confirmToken: deletionConfirmTokenSchema });
export type DeleteAccountRequest = z.input<typeof deleteAccountRequestSchema>;

/** `GET /account/export` → 200: the bundle. Sections are open-ended so the bundle can grow. */
export const accountExportSchema = z.object({
  format: z.literal('foyer-account-export'),
  version: z.number(),
  exportedAt: z.string(),
  user: z.object({
    id: z.string(),
    email: z.string(),
    emailVerified: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
  /** Every other section, by name (`sessions`, `devices`, `onboardingTracks`, …): arrays of records. */
  sections: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
  /** Sections with nothing to hold yet and why (`media`, `consents`). */
  notes: z.record(z.string(), z.string()),
});
export type AccountExport = z.output<typeof accountExportSchema>;
