/** @module Step-up for sensitive actions. */
export * from './step-up.machine.js';
