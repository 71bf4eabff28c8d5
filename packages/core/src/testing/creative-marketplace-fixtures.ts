/**
 * @module Complete step data of the creative marketplace, for tests and stories (exported from
 * `@foyer/core` as `creativeMarketplaceFixtures`).
 */
import type { OnboardingProfile, StepRecord } from '../onboarding/onboarding-profile.js';

export const providerSteps = {
  roles: { roles: ['photographer', 'model'] },
  profile: {
    displayName: 'Ada Lovelace',
    headline: 'Portrait and fashion photographer',
    bio: 'I photograph people where they work.',
    city: { name: 'Berlin', country: 'DE' },
    languages: ['en', 'de'],
    tags: ['portrait', 'fashion'],
    links: ['https://ada.example.com'],
    avatarMediaId: 'media_1',
  },
  portfolio: {
    images: [
      ...Array.from({ length: 6 }, (_, i) => ({ id: `p${i}`, role: 'photographer', status: 'approved' })),
      ...Array.from({ length: 6 }, (_, i) => ({ id: `m${i}`, role: 'model', status: 'approved' })),
    ],
  },
  packages: {
    packages: [
      {
        id: 'pk1',
        role: 'photographer',
        name: 'Headshots',
        description: '',
        durationMinutes: 60,
        price: { amount: 15000, currency: 'EUR' },
        deliverables: ['10 edited images'],
        addOns: [],
      },
      {
        id: 'pk2',
        role: 'model',
        name: 'Half-day shoot',
        description: '',
        durationMinutes: 240,
        price: { amount: 40000, currency: 'EUR' },
        deliverables: [],
        addOns: [],
      },
    ],
  },
  availability: {
    timeZone: 'Europe/Berlin',
    weekly: [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:00' })),
    exceptions: [],
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minimumNoticeHours: 24,
    maximumAdvanceDays: 180,
  },
  policies: { cancellation: 'moderate', reschedule: { allowed: true, noticeHours: 48, maxTimes: 2 } },
  verification: { status: 'verified', documentId: 'doc_1' },
} satisfies Record<string, Record<string, unknown>>;

export const hostSteps = {
  studio: {
    name: 'Lichthof Studio',
    slug: 'lichthof',
    description: 'A daylight studio with a white cyclorama.',
    contact: { email: 'hello@lichthof.example', phone: '+4930123456' },
    address: { line1: 'Hofstraße 1', city: 'Berlin', postalCode: '10115', country: 'DE', privacy: 'neighbourhood' },
    amenities: ['natural_light', 'cyclorama', 'wifi'],
    capacity: 12,
    hourlyRate: { min: { amount: 5000, currency: 'EUR' }, max: { amount: 9000, currency: 'EUR' } },
    minimumHours: 2,
    deposit: { amount: 10000, currency: 'EUR' },
  },
  photos: { images: Array.from({ length: 6 }, (_, i) => ({ id: `s${i}`, status: 'approved' })) },
  availability: providerSteps.availability,
  policies: providerSteps.policies,
  verification: { status: 'verified' },
} satisfies Record<string, Record<string, unknown>>;

const records = (steps: Record<string, Record<string, unknown>>, complete: boolean): Record<string, StepRecord> =>
  Object.fromEntries(Object.entries(steps).map(([id, data]) => [id, { data, complete }]));

/** A person with both tracks filled in and every step complete. */
export function completeProfile(overrides: Partial<OnboardingProfile> = {}): OnboardingProfile {
  return {
    tracks: ['provider', 'host'],
    roles: { provider: ['photographer', 'model'] },
    steps: { provider: records(providerSteps, true), host: records(hostSteps, true) },
    emailVerified: true,
    identityVerified: true,
    ...overrides,
  };
}

/** `profile` with one step of one track replaced. */
export function withStep(
  profile: OnboardingProfile,
  track: string,
  step: string,
  record: StepRecord | undefined,
): OnboardingProfile {
  return { ...profile, steps: { ...profile.steps, [track]: { ...profile.steps[track], [step]: record } } };
}
