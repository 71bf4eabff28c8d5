/**
 * @module The route table of the HTTP API: method, path, who may call it, its guards (step-up,
 * rate limit), request and answer schemas, and the error codes each route can answer with. The
 * server mounts every route from its entry with those guards (server/src/routes/mount-route.ts);
 * docs/api.md is generated from this table (`npm run docs:api`), so neither can drift from it.
 */
//
// One module per table, so a browser bundle that calls only some routes (the sign-in widget) carries
// only their tables and schemas; this module gathers them for the server and the docs generator.
import type { RouteContract } from './route-contract.js';
import { AUTH_ROUTES } from './auth.routes.js';
import { ONBOARDING_ROUTES } from './onboarding.routes.js';
import { SECURITY_ROUTES } from './security.routes.js';
import { OAUTH_ROUTES } from './oauth.routes.js';
import { MFA_ROUTES } from './mfa.routes.js';
import { ACCOUNT_ROUTES } from './account.routes.js';
import { PHONE_ROUTES } from './phone.routes.js';
import { ACCOUNT_DELETION_ROUTES } from './account-deletion.routes.js';

export {
  RATE_LIMIT_POLICY_IDS,
  STEP_UP_ERRORS,
  type RateLimitPolicyId,
  type RouteAuth,
  type RouteContract,
  type RouteStepUp,
} from './route-contract.js';
export {
  AUTH_ROUTES,
  ONBOARDING_ROUTES,
  SECURITY_ROUTES,
  OAUTH_ROUTES,
  MFA_ROUTES,
  ACCOUNT_ROUTES,
  PHONE_ROUTES,
  ACCOUNT_DELETION_ROUTES,
};

/** Every route of every table: what the server mounts, and nothing else (server tests walk it). */
// Pure: a browser bundle that does not use it drops it, and every table it would pull in.
export const ALL_ROUTES: readonly RouteContract[] = /* @__PURE__ */ [
  AUTH_ROUTES,
  SECURITY_ROUTES,
  MFA_ROUTES,
  OAUTH_ROUTES,
  PHONE_ROUTES,
  ACCOUNT_ROUTES,
  ACCOUNT_DELETION_ROUTES,
  ONBOARDING_ROUTES,
].flatMap((table) => Object.values(table) as RouteContract[]);
