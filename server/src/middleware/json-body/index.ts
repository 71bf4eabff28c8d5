/** @module Size-capped request bodies in one accepted encoding (JSON, or an urlencoded form). */
export {
  isFormMediaType,
  isJsonMediaType,
  jsonBodyOnly,
  requestBodyGuard,
  type JsonBodyOnlyOptions,
  type RequestBodyGuardOptions,
} from './json-body.js';
