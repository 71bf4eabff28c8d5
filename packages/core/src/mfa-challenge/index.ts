/** @module The MFA step of sign-in. */
export * from './mfa-challenge.machine.js';
