/**
 * The creative marketplace's gates at their thresholds and one step either side, for both tracks:
 * publish needs a score of 60 (59 refused, 60 and 61 allowed), Instant Book a score of 85 (84
 * refused, 85 and 86 allowed) and 10 bookable hours in the next 14 days (one minute less refused,
 * exactly 10 h and one minute more allowed). Each profile's score is asserted first, so a change
 * to the weights shows up here as such, not as a gate that moved.
 */
import { describe, expect, it } from 'vitest';
import { creativeMarketplace } from './creative-marketplace.js';
import { evaluateGates } from './evaluate-gates.js';
import type { OnboardingProfile } from './onboarding-profile.js';
import { scoreTrack } from './score-profile.js';
import { completeProfile, hostSteps, providerSteps, withStep } from '../testing/creative-marketplace-fixtures.js';

// Monday 2026-06-01 08:00 Berlin.
const now = new Date('2026-06-01T06:00:00Z');
const gatesOf = (profile: OnboardingProfile, track: 'provider' | 'host') =>
  evaluateGates(profile, creativeMarketplace, { now })[track]!;
const scoreOf = (profile: OnboardingProfile, track: 'provider' | 'host') =>
  scoreTrack(profile, creativeMarketplace, track).score;
const reasonCodes = (result: { reasons: { code: string; step?: string }[] }) =>
  result.reasons.map((reason) => (reason.step ? `${reason.code}:${reason.step}` : reason.code));

/** `data` without the named fields. */
function without(data: Record<string, unknown>, ...fields: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([field]) => !fields.includes(field)));
}

/** `count` approved portfolio images of one role. */
const portfolio = (role: string, count: number) => ({
  images: Array.from({ length: count }, (_, i) => ({ id: `${role}-${i}`, role, status: 'approved' })),
});
/** `count` approved photos of the space. */
const studioPhotos = (count: number) => ({
  images: Array.from({ length: count }, (_, i) => ({ id: `s${i}`, status: 'approved' })),
});

// ---------------------------------------------------------------- provider (weights add up to 100)

/**
 * Every required step complete, but thin: no avatar, tags or links, a package for one of the two
 * roles, no portfolio, no verification: 5 + 26 + 7.5 + 10 + 7 = 55.5 points.
 */
function thinProvider(profileExtras: Record<string, unknown>, verification?: Record<string, unknown>) {
  let profile = completeProfile({ tracks: ['provider'] });
  profile = withStep(profile, 'provider', 'profile', {
    data: { ...without(providerSteps.profile, 'avatarMediaId', 'tags', 'links'), ...profileExtras },
    complete: true,
  });
  profile = withStep(profile, 'provider', 'packages', {
    data: { packages: [providerSteps.packages.packages[0]] },
    complete: true,
  });
  profile = withStep(profile, 'provider', 'portfolio', undefined);
  return withStep(profile, 'provider', 'verification', verification && { data: verification, complete: true });
}

/** Everything but some profile fields, with `images` approved photographer images (of 6 per role). */
function richProvider(droppedProfileFields: string[], images: number) {
  let profile = completeProfile({ tracks: ['provider'] });
  profile = withStep(profile, 'provider', 'profile', {
    data: without(providerSteps.profile, ...droppedProfileFields),
    complete: true,
  });
  return withStep(profile, 'provider', 'portfolio', { data: portfolio('photographer', images), complete: true });
}

// ---------------------------------------------------------------- host (weights add up to 98)

/** The host track with the given studio data, `photos` approved photos and a verification status. */
function host(studio: Record<string, unknown>, studioComplete: boolean, photos: number, verification?: string) {
  let profile = completeProfile({ tracks: ['host'] });
  profile = withStep(profile, 'host', 'studio', { data: studio, complete: studioComplete });
  profile = withStep(
    profile,
    'host',
    'photos',
    photos > 0 ? { data: studioPhotos(photos), complete: true } : undefined,
  );
  return withStep(
    profile,
    'host',
    'verification',
    verification ? { data: { status: verification }, complete: true } : undefined,
  );
}

describe('publish gate at its score of 60', () => {
  it('provider: 59 is refused (score_too_low), 60 and 61 are published', () => {
    const at59 = thinProvider({ tags: providerSteps.profile.tags, links: providerSteps.profile.links }); // 59.5
    const at60 = thinProvider({ avatarMediaId: providerSteps.profile.avatarMediaId }); // 60.5
    const at61 = thinProvider({ tags: providerSteps.profile.tags }, { status: 'pending' }); // 55.5 + 2 + 4
    expect([scoreOf(at59, 'provider'), scoreOf(at60, 'provider'), scoreOf(at61, 'provider')]).toEqual([59, 60, 61]);

    expect(gatesOf(at59, 'provider').publish).toEqual({
      eligible: false,
      reasons: [
        expect.objectContaining({ code: 'score_too_low', message: 'Your profile is 59% complete; 60% is needed.' }),
      ],
    });
    expect(gatesOf(at60, 'provider').publish).toEqual({ eligible: true, reasons: [] });
    expect(gatesOf(at61, 'provider').publish).toEqual({ eligible: true, reasons: [] });
  });

  it('host: the score reason appears below 60 and not at 60 or 61', () => {
    // A host whose required steps are complete scores at least 69, so the score rule is seen here
    // beside an unfinished studio step: only the score reason may come and go.
    const noDeposit = without(hostSteps.studio, 'deposit');
    const at59 = host(without(noDeposit, 'description', 'capacity'), false, 0); // 98 − 40 = 58 → 59
    const at60 = host(without(hostSteps.studio, 'name', 'minimumHours'), false, 0); // 98 − 39 = 59 → 60
    const at61 = host(without(hostSteps.studio, 'description', 'capacity'), false, 0); // 98 − 38 = 60 → 61
    expect([scoreOf(at59, 'host'), scoreOf(at60, 'host'), scoreOf(at61, 'host')]).toEqual([59, 60, 61]);

    expect(reasonCodes(gatesOf(at59, 'host').publish)).toEqual(['step_incomplete:studio', 'score_too_low:photos']);
    expect(reasonCodes(gatesOf(at60, 'host').publish)).toEqual(['step_incomplete:studio']);
    expect(reasonCodes(gatesOf(at61, 'host').publish)).toEqual(['step_incomplete:studio']);
  });

  it('host: complete required steps and nothing else publishes (69 ≥ 60)', () => {
    const minimal = host(without(hostSteps.studio, 'deposit'), true, 0);
    expect(scoreOf(minimal, 'host')).toBe(69);
    expect(gatesOf(minimal, 'host').publish).toEqual({ eligible: true, reasons: [] });
  });
});

describe('Instant Book gate at its score of 85', () => {
  it('provider: 84 is refused (score_too_low), 85 and 86 take instant bookings', () => {
    const at84 = richProvider(['tags'], 4); // 78 + 6.67
    const at85 = richProvider([], 3); // 80 + 5
    const at86 = richProvider(['tags'], 5); // 78 + 8.33
    expect([scoreOf(at84, 'provider'), scoreOf(at85, 'provider'), scoreOf(at86, 'provider')]).toEqual([84, 85, 86]);

    expect(gatesOf(at84, 'provider').instantBook).toEqual({
      eligible: false,
      reasons: [
        expect.objectContaining({ code: 'score_too_low', message: 'Your profile is 84% complete; 85% is needed.' }),
      ],
    });
    expect(gatesOf(at85, 'provider').instantBook).toEqual({ eligible: true, reasons: [] });
    expect(gatesOf(at86, 'provider').instantBook).toEqual({ eligible: true, reasons: [] });
  });

  it('host: 84 is refused (score_too_low), 85 and 86 take instant bookings', () => {
    const at84 = host(without(hostSteps.studio, 'deposit'), true, 2, 'verified'); // 98 − 15.33 → 84
    const at85 = host(without(hostSteps.studio, 'capacity'), false, 3, 'verified'); // 98 − 14 → 85
    const at86 = host(hostSteps.studio, true, 2, 'verified'); // 98 − 13.33 → 86
    expect([scoreOf(at84, 'host'), scoreOf(at85, 'host'), scoreOf(at86, 'host')]).toEqual([84, 85, 86]);

    expect(reasonCodes(gatesOf(at84, 'host').instantBook)).toEqual(['score_too_low:photos']);
    expect(gatesOf(at85, 'host').instantBook).toEqual({ eligible: true, reasons: [] });
    expect(gatesOf(at86, 'host').instantBook).toEqual({ eligible: true, reasons: [] });
  });
});

describe('Instant Book gate at its 10 bookable hours in 14 days', () => {
  /** Wednesdays 09:00–13:00 (06-03 and 06-10: 8 h) plus one extra window on Thursday 06-04 from 09:00. */
  const withExtraUntil = (end: string, track: 'provider' | 'host') =>
    withStep(completeProfile({ tracks: [track] }), track, 'availability', {
      data: {
        ...providerSteps.availability,
        weekly: [{ day: 3, start: '09:00', end: '13:00' }],
        exceptions: [{ kind: 'extra', date: '2026-06-04', start: '09:00', end }],
      },
      complete: true,
    });

  for (const track of ['provider', 'host'] as const) {
    it(`${track}: 9 h 59 min is refused, 10 h and 10 h 1 min take instant bookings`, () => {
      const under = gatesOf(withExtraUntil('10:59', track), track).instantBook;
      expect(under.eligible).toBe(false);
      expect(under.reasons).toEqual([
        expect.objectContaining({
          code: 'not_enough_availability',
          message: 'Offer at least 10 bookable hours in the next 14 days (now 9.9).',
        }),
      ]);
      expect(gatesOf(withExtraUntil('11:00', track), track).instantBook).toEqual({ eligible: true, reasons: [] });
      expect(gatesOf(withExtraUntil('11:01', track), track).instantBook).toEqual({ eligible: true, reasons: [] });
    });
  }
});
