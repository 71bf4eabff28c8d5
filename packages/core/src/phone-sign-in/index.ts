export * from './phone-sign-in.machine.js';
