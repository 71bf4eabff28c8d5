/** @module The `Database` interface: every table Foyer's Kysely instance knows. */
import type { AuditEventTable } from './tables/audit-event.table.js';
import type { CaptchaSolutionUsedTable } from './tables/captcha-solution-used.table.js';
import type { DeviceTable } from './tables/device.table.js';
import type { DevMailTable } from './tables/dev-mail.table.js';
import type { OAuthAccountTable } from './tables/oauth-account.table.js';
import type { OneTimeCodeTable } from './tables/one-time-code.table.js';
import type { OnboardingStepTable } from './tables/onboarding-step.table.js';
import type { OnboardingTrackTable } from './tables/onboarding-track.table.js';
import type { PublicProfileTable } from './tables/public-profile.table.js';
import type { RateLimitBucketTable } from './tables/rate-limit-bucket.table.js';
import type { RiskIdentityAttemptTable } from './tables/risk-identity-attempt.table.js';
import type { SessionTable } from './tables/session.table.js';
import type { SettingTable } from './tables/setting.table.js';
import type { SignInCounterTable } from './tables/sign-in-counter.table.js';
import type { UserTable } from './tables/user.table.js';
import type {
  EmailChangeRequestTable,
  MfaFactorTable,
  MfaPendingSignInTable,
  PayoutDestinationTable,
  RecoveryCodeTable,
  WebauthnChallengeTable,
} from './tables/mfa.table.js';

import type { UserPhoneTable } from './tables/user-phone.table.js';
import type { AccountDeletionRequestTable } from './tables/account-deletion-request.table.js';

/** The schema of Foyer's database, for `Kysely<Database>`. */
export interface Database {
  users: UserTable;
  sessions: SessionTable;
  one_time_codes: OneTimeCodeTable;
  dev_mail: DevMailTable;
  settings: SettingTable;
  audit_events: AuditEventTable;
  sign_in_counters: SignInCounterTable;
  devices: DeviceTable;
  rate_limit_buckets: RateLimitBucketTable;
  captcha_solutions_used: CaptchaSolutionUsedTable;
  risk_identity_attempts: RiskIdentityAttemptTable;
  onboarding_tracks: OnboardingTrackTable;
  onboarding_steps: OnboardingStepTable;
  public_profiles: PublicProfileTable;
  mfa_factors: MfaFactorTable;
  recovery_codes: RecoveryCodeTable;
  webauthn_challenges: WebauthnChallengeTable;
  mfa_pending_sign_ins: MfaPendingSignInTable;
  payout_destinations: PayoutDestinationTable;
  email_change_requests: EmailChangeRequestTable;
  user_phones: UserPhoneTable;
  account_deletion_requests: AccountDeletionRequestTable;
  oauth_accounts: OAuthAccountTable;
}

export type * from './tables/user.table.js';
export type * from './tables/session.table.js';
export type * from './tables/one-time-code.table.js';
export type * from './tables/dev-mail.table.js';
export type * from './tables/setting.table.js';
export type * from './tables/audit-event.table.js';
export type * from './tables/sign-in-counter.table.js';
export type * from './tables/device.table.js';
export type * from './tables/rate-limit-bucket.table.js';
export type * from './tables/captcha-solution-used.table.js';
export type * from './tables/risk-identity-attempt.table.js';
export type * from './tables/onboarding-track.table.js';
export type * from './tables/onboarding-step.table.js';
export type * from './tables/public-profile.table.js';
export type * from './tables/mfa.table.js';
export type * from './tables/user-phone.table.js';
export type * from './tables/account-deletion-request.table.js';
export type * from './tables/oauth-account.table.js';
