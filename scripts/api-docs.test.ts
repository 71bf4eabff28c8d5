/**
 * docs/api.md is generated from the core contracts (scripts/generate-api-docs.mjs); this fails
 * when someone changes a contract, a route or an error code without regenerating it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without type declarations
import { API_DOCS_PATH, renderApiDocs } from './generate-api-docs.mjs';

describe('docs/api.md', () => {
  it('is up to date with the route table (run `npm run docs:api` to regenerate)', () => {
    const committed = readFileSync(API_DOCS_PATH as string, 'utf8');
    expect(committed).toBe((renderApiDocs as () => string)());
  });
});
