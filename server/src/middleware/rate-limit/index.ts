/** @module Rate limiting: the middleware, Foyer's per-route policies and the stores. */
export * from './rate-limit.js';
export * from './policies.js';
export * from './stores/store.js';
export * from './stores/database-store.js';
export * from './stores/redis-store.js';
