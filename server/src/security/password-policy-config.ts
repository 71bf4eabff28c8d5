/** @module The resolved password policy of a server (sign-up, reset, change, the sign-in breach flag). */
import type { BreachChecker } from '../adapters/breach/breach-checker.js';
import type { StrengthEstimator } from './strength-estimator.js';

/** The resolved password policy of a server. */
export interface PasswordPolicyConfig {
  /** Lowest zxcvbn score accepted (0–4). */
  minScore: number;
  /** Product names a password must not be built from. */
  productNames: readonly string[];
  /** The breach checker, or `undefined` when breach checks are off. */
  breach: BreachChecker | undefined;
  /** Check the password of every successful sign-in and flag the session when it is breached. */
  checkOnSignIn: boolean;
  /** zxcvbn-ts, in a worker thread so estimates never stall the event loop. */
  strength: StrengthEstimator;
  /** Refuse a route that hashes or verifies a password when the hash would wait longer (ms). */
  hashMaxWaitMs: number;
}
