/**
 * @module Zod contracts of SMS sign-in and phone numbers on accounts. The browser sends what the
 * person typed; the server normalises it to E.164 (libphonenumber-js) and applies its allow-list
 * of countries, so the client bundle carries no phone metadata.
 */
import * as z from 'zod/mini';
import { codeSchema } from './auth.contracts.js';

/** A phone number as typed: international (`+49 30 123456`) or national (`(415) 555-2671`). */
export const phoneInputSchema = z
  .string({ error: 'Enter a phone number.' })
  .check(
    z.trim(),
    z.minLength(3, { error: 'Enter a phone number.' }),
    z.maxLength(32, { error: 'This phone number is too long.' }),
  );

/** ISO 3166-1 alpha-2 region for numbers typed in national format (`US`). */
export const phoneCountrySchema = z
  .string()
  .check(z.regex(/^[A-Za-z]{2}$/, { error: 'Use a two-letter country code.' }));

/** `POST /auth/phone/start` and `POST /account/phone` */
export const phoneStartRequestSchema = z.object({ phone: phoneInputSchema, country: z.optional(phoneCountrySchema) });
export type PhoneStartRequest = z.input<typeof phoneStartRequestSchema>;

/** `POST /auth/phone/verify` */
export const phoneVerifyRequestSchema = z.object({
  phone: phoneInputSchema,
  country: z.optional(phoneCountrySchema),
  code: codeSchema,
});
export type PhoneVerifyRequest = z.input<typeof phoneVerifyRequestSchema>;

/** `POST /account/phone/verify` */
export const accountPhoneVerifyRequestSchema = z.object({ code: codeSchema });
export type AccountPhoneVerifyRequest = z.input<typeof accountPhoneVerifyRequestSchema>;

/** A number on an account (E.164). */
export const accountPhoneSchema = z.object({ phone: z.string(), verified: z.boolean(), createdAt: z.string() });
export type AccountPhone = z.output<typeof accountPhoneSchema>;

/** `GET /account/phone`, `POST /account/phone/verify` */
export const accountPhoneResponseSchema = z.object({ phones: z.array(accountPhoneSchema) });
export type AccountPhoneResponse = z.output<typeof accountPhoneResponseSchema>;
