export * from './auth.contracts.js';
export * from './error.contracts.js';
export * from './onboarding.contracts.js';
export * from './security.contracts.js';
export * from './routes.js';
export * from './field-errors.js';
