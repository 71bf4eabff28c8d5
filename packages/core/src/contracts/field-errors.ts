/** @module Turns zod issues into the `fields` map of the error shape, on both sides. */
import type * as z from 'zod/mini';

/**
 * `{ "email": "Enter a valid email address." }` from a failed parse: the first message per field
 * path; issues of a union are flattened so the most specific field message wins.
 *
 * @example
 * const result = signUpRequestSchema.safeParse(body);
 * if (!result.success) throw new FoyerError('invalid_input', { fields: fieldErrorsOf(result.error) });
 */
export function fieldErrorsOf(error: z.core.$ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  const visit = (issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[]): void => {
    for (const issue of issues) {
      const path = [...prefix, ...issue.path];
      if (issue.code === 'invalid_union' && issue.errors.length > 0) {
        // The branch with the fewest issues is the one the caller meant.
        const best = [...issue.errors].sort((a, b) => a.length - b.length)[0];
        if (best) visit(best, path);
        continue;
      }
      const key = path.length > 0 ? path.map(String).join('.') : '_';
      fields[key] ??= issue.message;
    }
  };
  visit(error.issues, []);
  return fields;
}
