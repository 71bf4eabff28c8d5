/** @module JSON Merge Patch (RFC 7386) on the top level of step data, the same in browser and server. */

/**
 * Applies a merge patch to step data: a key set to `null` is removed, any other value replaces
 * the old one whole. Never mutates its arguments.
 *
 * @example
 * applyMergePatch({ headline: 'a', bio: 'b' }, { bio: null, tags: ['x'] }) // { headline: 'a', tags: ['x'] }
 */
export function applyMergePatch(
  data: Readonly<Record<string, unknown>>,
  patch: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const result: Record<string, unknown> = { ...data };
  for (const [key, value] of Object.entries(patch)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    if (value === null) delete result[key];
    else result[key] = value;
  }
  return result;
}
