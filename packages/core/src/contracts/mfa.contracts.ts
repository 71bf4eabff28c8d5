/**
 * @module Zod contracts of MFA (TOTP, passkeys, recovery codes), the MFA step of sign-in, step-up
 * for sensitive actions, and the account routes behind step-up (payout destination, email change).
 */
import * as z from 'zod/mini';
import { codeSchema, emailSchema, PASSWORD_MAX_LENGTH, userSchema } from './auth.contracts.js';

/** How many recovery codes a confirmation hands out. */
export const RECOVERY_CODE_COUNT = 10;

/** A kind of second factor. */
export const mfaFactorTypeSchema = z.enum(['totp', 'passkey', 'recovery_codes']);
export type MfaFactorType = z.output<typeof mfaFactorTypeSchema>;

/**
 * A factor a pending sign-in or a step-up can be completed with. `sms` (a code to the user's
 * verified phone) is only offered to users who also have TOTP or a passkey: an extra channel,
 * never the only second factor (SIM-swap risk; NIST SP 800-63B §5.1.3.3).
 */
export const mfaMethodSchema = z.enum(['totp', 'passkey', 'recovery_code', 'sms']);
export type MfaMethod = z.output<typeof mfaMethodSchema>;

/** A step-up method: a second factor, or the password for users without MFA. */
export const stepUpMethodSchema = z.enum(['totp', 'passkey', 'recovery_code', 'sms', 'password']);
export type StepUpMethod = z.output<typeof stepUpMethodSchema>;

/** One factor as `GET /auth/mfa` lists it. */
export const mfaFactorSchema = z.object({
  id: z.string(),
  type: mfaFactorTypeSchema,
  label: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.nullable(z.string()),
  /** Recovery codes only: how many are left. */
  remaining: z.optional(z.number()),
});
export type MfaFactor = z.output<typeof mfaFactorSchema>;

/** `200` answer of `GET /auth/mfa`. */
export const mfaFactorsResponseSchema = z.object({
  factors: z.array(mfaFactorSchema),
  /** When SMS codes can be a second factor: the verified number, masked (`•••• 71`). */
  phoneHint: z.optional(z.string()),
});
export type MfaFactorsResponse = z.output<typeof mfaFactorsResponseSchema>;

/** `200` answer of `POST /auth/mfa/totp/setup`. */
export const totpSetupResponseSchema = z.object({
  /** Base32 secret, for typing into an authenticator by hand. */
  secret: z.string(),
  /** `otpauth://totp/…` provisioning URI. */
  uri: z.string(),
  /** The URI as a QR code (SVG markup): render it as an image, never as HTML. */
  qrSvg: z.string(),
});
export type TotpSetupResponse = z.output<typeof totpSetupResponseSchema>;

/** A short label a person gives a factor. */
const labelSchema = z.string().check(z.maxLength(64, { error: 'Use at most 64 characters.' }));

/** `POST /auth/mfa/totp/confirm` */
export const totpConfirmRequestSchema = z.object({ code: codeSchema, label: z.optional(labelSchema) });
export type TotpConfirmRequest = z.input<typeof totpConfirmRequestSchema>;

/** `200` answer of `POST /auth/mfa/totp/confirm` (and of the first passkey registration). */
export const recoveryCodesResponseSchema = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodesResponse = z.output<typeof recoveryCodesResponseSchema>;

/** A recovery code as typed: `abcd-efgh-ij` style, case and dashes ignored. */
export const recoveryCodeSchema = z.pipe(
  z.string({ error: 'Enter a recovery code.' }).check(z.maxLength(64, { error: 'Enter a recovery code.' })),
  z.pipe(
    z.transform((value: string) => value.replace(/[\s-]/g, '').toLowerCase()),
    z.string().check(z.regex(/^[a-z0-9]{10}$/, { error: 'Enter a recovery code.' })),
  ),
);

/** A WebAuthn response JSON from @simplewebauthn/browser; checked in depth by the server. */
export const webauthnResponseSchema = z.looseObject({
  id: z.string().check(z.maxLength(1024)),
  rawId: z.string().check(z.maxLength(1024)),
  type: z.literal('public-key'),
  response: z.looseObject({ clientDataJSON: z.string().check(z.maxLength(8192)) }),
});
export type WebauthnResponse = z.input<typeof webauthnResponseSchema>;

/** `POST /auth/mfa/verify` and `POST /auth/step-up`: a second factor. */
export const mfaVerifyRequestSchema = z.union([
  z.object({ factor: z.literal('totp'), code: codeSchema }),
  z.object({ factor: z.literal('recovery_code'), code: recoveryCodeSchema }),
  z.object({ factor: z.literal('passkey'), response: webauthnResponseSchema }),
  /** A code sent by `POST /auth/mfa/sms/send` to the user's verified phone. */
  z.object({ factor: z.literal('sms'), code: codeSchema }),
]);
export type MfaVerifyRequest = z.input<typeof mfaVerifyRequestSchema>;

/** `POST /auth/step-up`: a second factor, or the password for users without MFA. */
export const stepUpRequestSchema = z.union([
  mfaVerifyRequestSchema,
  z.object({
    factor: z.literal('password'),
    password: z
      .string({ error: 'Enter your password.' })
      .check(
        z.minLength(1, { error: 'Enter your password.' }),
        z.maxLength(PASSWORD_MAX_LENGTH * 4, { error: 'Password is too long.' }),
      ),
  }),
]);
export type StepUpRequest = z.input<typeof stepUpRequestSchema>;

/** `200` answer of `POST /auth/step-up`. */
export const stepUpResponseSchema = z.object({ stepUpUntil: z.string() });
export type StepUpResponse = z.output<typeof stepUpResponseSchema>;

/** `200` answer of a first factor when a second one is needed. */
export const mfaRequiredResponseSchema = z.object({
  mfaRequired: z.literal(true),
  factors: z.array(mfaMethodSchema),
  /** When `factors` has `sms`: the number the code goes to, masked (`•••• 71`). */
  phoneHint: z.optional(z.string()),
});
export type MfaRequiredResponse = z.output<typeof mfaRequiredResponseSchema>;

/** `200` answer of sign-in: signed in, or a second factor is needed. */
export const signInResponseSchema = z.union([
  z.object({ user: userSchema, passwordChangeRequired: z.optional(z.boolean()) }),
  mfaRequiredResponseSchema,
]);
export type SignInResponse = z.output<typeof signInResponseSchema>;

/** True when a sign-in answer asks for a second factor. */
export function isMfaRequired(answer: SignInResponse): answer is MfaRequiredResponse {
  return 'mfaRequired' in answer && answer.mfaRequired === true;
}

/** `details` of `403 step_up_required`. */
export interface StepUpRequiredDetails {
  methods: StepUpMethod[];
  maxAgeSeconds?: number;
  /** When `methods` has `sms`: the masked number the code goes to (`•••• 71`). */
  phoneHint?: string;
}

/** `POST /auth/passkeys/register/verify` */
export const passkeyRegisterVerifyRequestSchema = z.object({
  response: webauthnResponseSchema,
  label: z.optional(labelSchema),
});
export type PasskeyRegisterVerifyRequest = z.input<typeof passkeyRegisterVerifyRequestSchema>;

/** `200` answer of `POST /auth/passkeys/register/verify`. */
export const passkeyRegisteredResponseSchema = z.object({
  factor: mfaFactorSchema,
  recoveryCodes: z.optional(z.array(z.string())),
});
export type PasskeyRegisteredResponse = z.output<typeof passkeyRegisteredResponseSchema>;

/** `POST /auth/passkeys/authenticate/options` */
export const passkeyAuthenticateOptionsRequestSchema = z.object({ email: z.optional(emailSchema) });
export type PasskeyAuthenticateOptionsRequest = z.input<typeof passkeyAuthenticateOptionsRequestSchema>;

/** WebAuthn options JSON (creation or request), passed as is to @simplewebauthn/browser. */
export const webauthnOptionsSchema = z.looseObject({ challenge: z.string() });
export type WebauthnOptions = z.output<typeof webauthnOptionsSchema>;

/** `POST /auth/passkeys/authenticate/verify` */
export const passkeyAuthenticateVerifyRequestSchema = z.object({ response: webauthnResponseSchema });
export type PasskeyAuthenticateVerifyRequest = z.input<typeof passkeyAuthenticateVerifyRequestSchema>;

/** An IBAN: spaces removed, upper-cased, country + check digits + 11–30 letters or digits, mod-97 valid. */
export const ibanSchema = z.pipe(
  z.string({ error: 'Enter an IBAN.' }).check(z.maxLength(64, { error: 'Enter a valid IBAN.' })),
  z.pipe(
    z.transform((value: string) => value.replace(/\s/g, '').toUpperCase()),
    z.string().check(
      z.regex(/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/, { error: 'Enter a valid IBAN.' }),
      z.refine((iban) => ibanChecksumValid(iban), { error: 'Enter a valid IBAN.' }),
    ),
  ),
);

/** ISO 13616 mod-97 check. */
function ibanChecksumValid(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const digits = /\d/.test(char) ? char : String(char.charCodeAt(0) - 55);
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/** `PUT /account/payout` */
export const payoutDestinationRequestSchema = z.object({
  accountHolder: z
    .string({ error: 'Enter the account holder.' })
    .check(
      z.minLength(1, { error: 'Enter the account holder.' }),
      z.maxLength(140, { error: 'Use at most 140 characters.' }),
    ),
  iban: ibanSchema,
});
export type PayoutDestinationRequest = z.input<typeof payoutDestinationRequestSchema>;

/** `200` answer of `PUT /account/payout`: the IBAN is only ever shown masked. */
export const payoutDestinationResponseSchema = z.object({
  accountHolder: z.string(),
  ibanLast4: z.string(),
  updatedAt: z.string(),
});
export type PayoutDestinationResponse = z.output<typeof payoutDestinationResponseSchema>;

/** `POST /account/email` */
export const changeEmailRequestSchema = z.object({ newEmail: emailSchema });
export type ChangeEmailRequest = z.input<typeof changeEmailRequestSchema>;

/** `POST /account/email/confirm` */
export const confirmEmailChangeRequestSchema = z.object({ code: codeSchema });
export type ConfirmEmailChangeRequest = z.input<typeof confirmEmailChangeRequestSchema>;
