/** @module HSTS on every answer over https, and the headers of the served host page. */
export {
  HOST_PAGE_CONTENT_SECURITY_POLICY,
  HSTS_VALUE,
  hostPageHeaders,
  strictTransportSecurity,
} from './security-headers.js';
