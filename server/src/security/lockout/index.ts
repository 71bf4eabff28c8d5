/** @module The lockout ladder, trusted devices and the lock email. */
export * from './lockout.js';
export * from './device-cookie.js';
export * from './lock-email.js';
