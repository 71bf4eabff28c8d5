/**
 * @module @foyer/core: contracts, machines and the typed client of Foyer. Framework-free: no DOM
 * framework, no server, no fetch inside a machine.
 */
export * from './errors.js';
export * from './contracts/index.js';
export * from './actors/auth.actors.js';
export * from './client/client.js';
export * from './client/http-actors.js';
export * from './verify-email/verify-email.machine.js';
export * from './sign-in/sign-in.machine.js';
export * from './sign-up/sign-up.machine.js';
export * from './auth/auth.machine.js';
export * from './change-password/change-password.machine.js';
export * from './reset-password/reset-password.machine.js';
export * from './sessions/sessions.machine.js';
export * from './mfa-challenge/mfa-challenge.machine.js';
export * from './step-up/step-up.machine.js';
export * from './passkey/passkey.machine.js';
export * from './mfa-setup/mfa-setup.machine.js';
export * from './phone-sign-in/phone-sign-in.machine.js';
export * from './account-deletion/account-deletion.machine.js';
export * from './password-strength/password-strength.machine.js';
export * from './password-strength/password-error-fields.js';
export * from './auth/create-auth-machines.js';
export * from './testing/fake-auth-actors.js';
export * from './onboarding/index.js';
export * from './actors/onboarding.actors.js';
export * from './onboarding-wizard/index.js';
export * from './testing/fake-onboarding-actors.js';
export * from './testing/in-memory-onboarding.js';
export * as creativeMarketplaceFixtures from './testing/creative-marketplace-fixtures.js';
export * from './password/index.js';
