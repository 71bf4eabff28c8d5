export * from './password-policy.js';
export * from './password-strength.js';
