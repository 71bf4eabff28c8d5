/** @module Managing second factors. */
export * from './mfa-setup.machine.js';
