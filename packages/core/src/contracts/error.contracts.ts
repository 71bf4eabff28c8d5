/** @module The one error shape of the HTTP API. */
import * as z from 'zod/mini';
import { ERROR_CODES } from '../errors.js';

/** `{ "error": { "code", "message", "fields"?, "retryAfter"? } }` */
export const errorResponseSchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    fields: z.optional(z.record(z.string(), z.string())),
    retryAfter: z.optional(z.number()),
    details: z.optional(z.record(z.string(), z.unknown())),
  }),
});
export type ErrorResponse = z.output<typeof errorResponseSchema>;
