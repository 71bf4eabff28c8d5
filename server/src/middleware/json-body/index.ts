/** @module JSON-only, size-capped request bodies. */
export { jsonBodyOnly, isJsonMediaType, type JsonBodyOnlyOptions } from './json-body.js';
