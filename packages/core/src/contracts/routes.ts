/**
 * @module The route table of the HTTP API: method, path, request and answer schemas, and the error
 * codes each route can answer with. The server mounts these paths; docs/api.md is generated from
 * this table (`node scripts/generate-api-docs.mjs`), so the reference cannot drift from the code.
 */
//
// One module per table, so a browser bundle that calls only some routes (the sign-in widget) carries
// only their tables and schemas; this module gathers them for the server and the docs generator.
export type { RouteContract } from './route-contract.js';
export { AUTH_ROUTES } from './auth.routes.js';
export { ONBOARDING_ROUTES } from './onboarding.routes.js';
export { SECURITY_ROUTES } from './security.routes.js';
export { OAUTH_ROUTES } from './oauth.routes.js';
export { MFA_ROUTES } from './mfa.routes.js';
export { ACCOUNT_ROUTES } from './account.routes.js';
export { PHONE_ROUTES } from './phone.routes.js';
export { ACCOUNT_DELETION_ROUTES } from './account-deletion.routes.js';
