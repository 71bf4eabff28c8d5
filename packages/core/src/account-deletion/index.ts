export * from './account-deletion.machine.js';
