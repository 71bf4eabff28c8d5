/**
 * @module Reads a JSON body and validates it with a core zod schema; every failure becomes
 * `400 invalid_input` with per-field messages that never echo the input.
 */
import type { Context } from 'hono';
import * as z from 'zod/mini';
import { FoyerError } from '@foyer/core';

/** Field key for problems with the body as a whole (not JSON, not an object, too large). */
export const BODY_FIELD = 'body';

type Issue = z.core.$ZodIssue;

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * For a failed union, the branch whose issues best describe the input: the first branch with an
 * issue on a field that was sent (so `{token: 'x'}` reports `token`), else the first branch
 * (so `{}` reports the fields of the first form, e.g. `email` and `code`).
 */
function chooseUnionBranch(branches: Issue[][], input: unknown, prefix: readonly PropertyKey[]): Issue[] {
  const informative = branches.find((issues) =>
    issues.some((issue) => valueAt(input, [...prefix, ...issue.path]) !== undefined),
  );
  return informative ?? branches[0] ?? [];
}

function collectFields(
  issues: readonly Issue[],
  input: unknown,
  prefix: readonly PropertyKey[],
  fields: Record<string, string>,
): void {
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      collectFields(chooseUnionBranch(issue.errors, input, path), input, path, fields);
      continue;
    }
    const key = path.map(String).join('.') || BODY_FIELD;
    if (fields[key] !== undefined) continue;
    if (key === BODY_FIELD && issue.code === 'invalid_type') fields[key] = 'Send a JSON object.';
    else if (issue.code === 'invalid_type' && valueAt(input, path) === undefined)
      fields[key] = 'This field is required.';
    else fields[key] = issue.message;
  }
}

/** Turns zod issues into `{ path: message }`, first message per path. */
export function issuesToFields(issues: readonly Issue[], input: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  collectFields(issues, input, [], fields);
  return fields;
}

/**
 * Parses the request body as JSON and validates it.
 * @throws FoyerError `invalid_input` with `fields`.
 *
 * @example
 * const { email, password } = await parseJsonBody(c, signUpRequestSchema);
 */
export async function parseJsonBody<Schema extends z.core.$ZodType>(
  c: Context,
  schema: Schema,
): Promise<z.output<Schema>> {
  const text = await c.req.text();
  if (text.trim() === '') {
    throw new FoyerError('invalid_input', {
      message: 'Send a JSON body.',
      fields: { [BODY_FIELD]: 'Send a JSON body.' },
    });
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    throw new FoyerError('invalid_input', {
      message: 'The body is not valid JSON.',
      fields: { [BODY_FIELD]: 'Send valid JSON.' },
    });
  }
  const result = z.safeParse(schema, input);
  if (!result.success) throw new FoyerError('invalid_input', { fields: issuesToFields(result.error.issues, input) });
  return result.data;
}
