/** @module Headers every API answer carries. */
export { apiHeaders } from './api-headers.js';
