/**
 * @module The risk score of a sign-in or sign-up (OWASP ASVS 4.0.3 V2.2.1 "anti-automation"):
 * failures from the IP and its /24 or /64 in the last hour, distinct identities the IP tried,
 * an unknown device, and sign-ups from the IP. Above the threshold a CAPTCHA is required. All
 * signals live in the database (hour-long fixed windows), so every instance sees the same score.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import {
  countIdentitiesTriedFrom,
  deleteIdentityAttemptsSeenBefore,
  recordIdentityAttempt,
} from '../../db/repositories/risk-identity-attempts.js';
import {
  createDatabaseRateLimitStore,
  peekDatabaseBuckets,
} from '../../middleware/rate-limit/stores/database-store.js';

/** Points per signal. */
export interface RiskWeights {
  /** Per failed sign-in from the IP in the last hour. @default 2 */
  ipFailure: number;
  /** Per failed sign-in from the IP's /24 (IPv4) or /64 (IPv6) in the last hour. @default 0.5 */
  networkFailure: number;
  /** Per identity the IP tried in the last hour beyond `freeIdentities`. @default 5 */
  identity: number;
  /** When the request comes from a device not known to the account. @default 5 */
  unknownDevice: number;
  /** Per sign-up from the IP in the last hour beyond `freeSignUps`. @default 5 */
  signUp: number;
}

/** The `risk` server option, resolved. */
export interface RiskPolicy {
  /** Score at or above which a CAPTCHA is required. @default 50 */
  threshold: number;
  weights: RiskWeights;
  /** Identities an IP may try per hour before they add to the score. @default 3 */
  freeIdentities: number;
  /** Sign-ups an IP may make per hour before they add to the score. @default 5 */
  freeSignUps: number;
}

export const DEFAULT_RISK_POLICY: RiskPolicy = {
  threshold: 50,
  weights: { ipFailure: 2, networkFailure: 0.5, identity: 5, unknownDevice: 5, signUp: 5 },
  freeIdentities: 3,
  freeSignUps: 5,
};

/** The `risk` option: a partial {@link RiskPolicy}. */
export type RiskOption = Partial<Omit<RiskPolicy, 'weights'>> & { weights?: Partial<RiskWeights> };

export function resolveRiskPolicy(option: RiskOption = {}): RiskPolicy {
  return { ...DEFAULT_RISK_POLICY, ...option, weights: { ...DEFAULT_RISK_POLICY.weights, ...option.weights } };
}

/** How far back the signals look. */
export const RISK_WINDOW_MS = 60 * 60_000;

/** A score and what made it. */
export interface RiskAssessment {
  score: number;
  /** `signal:value` for each signal that added points, e.g. `ip_failures:12`. */
  reasons: string[];
  /** True when `score >= threshold`. */
  captchaRequired: boolean;
}

const keys = {
  ipFailures: (ip: string) => `risk:fail-ip:${ip}`,
  networkFailures: (prefix: string) => `risk:fail-net:${prefix}`,
  signUps: (ip: string) => `risk:sign-up-ip:${ip}`,
};

/** Where a request comes from. */
export interface RiskSubject {
  ip: string;
  /** `/24` or `/64` prefix, when the address parses. */
  prefix: string | null;
  unknownDevice: boolean;
}

/**
 * Scores a request.
 *
 * @example
 * const risk = await assessRisk(db, policy, { ip, prefix, unknownDevice: true }, 'sign_in', now);
 * if (risk.captchaRequired && !captchaOk) throw captchaRequired();
 */
export async function assessRisk(
  db: Kysely<Database>,
  policy: RiskPolicy,
  subject: RiskSubject,
  action: 'sign_in' | 'sign_up',
  now: Date,
): Promise<RiskAssessment> {
  const bucketKeys = [keys.ipFailures(subject.ip), keys.signUps(subject.ip)];
  if (subject.prefix) bucketKeys.push(keys.networkFailures(subject.prefix));
  const since = new Date(now.getTime() - RISK_WINDOW_MS).toISOString();
  const [buckets, identityCount] = await Promise.all([
    peekDatabaseBuckets(db, bucketKeys, now.getTime()),
    countIdentitiesTriedFrom(db, subject.ip, since),
  ]);
  const ipFailures = buckets.get(keys.ipFailures(subject.ip))?.hits ?? 0;
  const networkFailures = subject.prefix ? (buckets.get(keys.networkFailures(subject.prefix))?.hits ?? 0) : 0;
  const signUps = buckets.get(keys.signUps(subject.ip))?.hits ?? 0;
  const { weights } = policy;
  const parts: [string, number, number][] = [
    ['ip_failures', ipFailures, ipFailures * weights.ipFailure],
    ['network_failures', networkFailures, networkFailures * weights.networkFailure],
    ['identities_from_ip', identityCount, Math.max(0, identityCount - policy.freeIdentities) * weights.identity],
    ['unknown_device', subject.unknownDevice ? 1 : 0, subject.unknownDevice ? weights.unknownDevice : 0],
  ];
  if (action === 'sign_up')
    parts.push(['sign_ups_from_ip', signUps, Math.max(0, signUps - policy.freeSignUps) * weights.signUp]);
  const score = parts.reduce((sum, [, , points]) => sum + points, 0);
  return {
    score,
    reasons: parts.filter(([, , points]) => points > 0).map(([name, value]) => `${name}:${value}`),
    captchaRequired: score >= policy.threshold,
  };
}

/** Notes that the IP tried to sign in as this identity (before scoring, so the try counts). */
export async function recordIdentityTried(
  db: Kysely<Database>,
  ip: string,
  identityHash: string,
  now: Date,
): Promise<void> {
  await recordIdentityAttempt(db, ip, identityHash, now.toISOString());
  // Old rows say nothing about the last hour: drop a few now and then.
  if (Math.random() < 0.01) {
    await deleteIdentityAttemptsSeenBefore(db, new Date(now.getTime() - RISK_WINDOW_MS).toISOString());
  }
}

/** Counts a failed sign-in from the IP and its network. */
export async function recordSignInFailure(db: Kysely<Database>, subject: RiskSubject, now: Date): Promise<void> {
  const store = createDatabaseRateLimitStore(db);
  await store.hit(keys.ipFailures(subject.ip), RISK_WINDOW_MS, now.getTime());
  if (subject.prefix) await store.hit(keys.networkFailures(subject.prefix), RISK_WINDOW_MS, now.getTime());
}

/** Counts a sign-up from the IP. */
export async function recordSignUp(db: Kysely<Database>, ip: string, now: Date): Promise<void> {
  await createDatabaseRateLimitStore(db).hit(keys.signUps(ip), RISK_WINDOW_MS, now.getTime());
}
