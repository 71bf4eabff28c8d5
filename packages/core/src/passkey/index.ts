/** @module Passkey registration and sign-in. */
export * from './passkey.machine.js';
