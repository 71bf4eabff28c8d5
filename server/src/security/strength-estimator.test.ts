/**
 * Password strength runs in a worker thread so a burst of sign-ups cannot stall the event loop
 * (the session checks of other users); a worker that cannot start must not fail a sign-up.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPasswordStrength } from '@foyer/core';
import { builtCoreUrl, createStrengthEstimator, type StrengthEstimator } from './strength-estimator.js';

const coreUrl = builtCoreUrl();
const coreBuilt = coreUrl !== undefined && existsSync(fileURLToPath(coreUrl));
if (!coreBuilt)
  console.log('strength worker test skipped: @foyer/core is not built (run `npx tsc -b` or `npm run build`)');

describe('createStrengthEstimator', () => {
  let estimator: StrengthEstimator | undefined;
  afterEach(async () => estimator?.close());

  it.skipIf(!coreBuilt)('answers from a worker, the same as core’s estimator', async () => {
    estimator = createStrengthEstimator({ size: 2 });
    const inline = await loadPasswordStrength();
    for (const password of ['password1', 'correct horse battery staple', 'zephyrine1987']) {
      const context = { email: 'zephyrine@example.com' };
      expect(await estimator.estimate(password, context)).toEqual(inline(password, context));
    }
    expect(estimator.mode).toBe('worker');
  });

  it('falls back to estimating inline when the worker cannot load core', async () => {
    estimator = createStrengthEstimator({ coreUrl: 'file:///nonexistent/foyer-core.js' });
    const result = await estimator.estimate('password1');
    expect(result.score).toBeLessThan(3);
    expect(estimator.mode).toBe('inline');
  });
});
