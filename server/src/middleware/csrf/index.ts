/** @module CSRF protection middleware. */
export { csrfProtection, type CsrfProtectionOptions } from './csrf.js';
