export * from './define-onboarding.js';
export * from './field-schemas.js';
export * from './creative-marketplace.js';
export * from './onboarding-profile.js';
export * from './score-profile.js';
export * from './step-status.js';
export * from './evaluate-gates.js';
export * from './availability/availability-preview.js';
