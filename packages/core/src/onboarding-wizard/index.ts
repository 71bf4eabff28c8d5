export * from './autosave.machine.js';
export * from './onboarding.machine.js';
export * from './create-onboarding-machines.js';
