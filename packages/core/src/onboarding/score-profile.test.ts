import { describe, expect, it } from 'vitest';
import { creativeMarketplace, priceBand } from './creative-marketplace.js';
import { defineOnboarding } from './define-onboarding.js';
import { completeProfile, providerSteps, withStep } from '../testing/creative-marketplace-fixtures.js';
import { scoreProfile, scoreTrack } from './score-profile.js';
import * as z from 'zod/mini';

const provider = (profile = completeProfile()) => scoreTrack(profile, creativeMarketplace, 'provider');
const host = (profile = completeProfile()) => scoreTrack(profile, creativeMarketplace, 'host');

describe('scoreProfile', () => {
  it('scores a complete person 100 on both tracks with nothing missing', () => {
    expect(scoreProfile(completeProfile(), creativeMarketplace)).toEqual({
      provider: { score: 100, missing: [] },
      host: { score: 100, missing: [] },
    });
  });

  it('scores only the tracks the person has', () => {
    expect(Object.keys(scoreProfile(completeProfile({ tracks: ['host'] }), creativeMarketplace))).toEqual(['host']);
  });

  it('scores an empty person 0 with every weighted field missing, heaviest first', () => {
    const empty = { tracks: ['provider'], roles: {}, steps: {}, emailVerified: false, identityVerified: false };
    const { score, missing } = provider(empty);
    expect(score).toBe(0);
    expect(missing[0]).toEqual({ step: 'portfolio', field: 'images', weight: 20, hint: expect.stringContaining('6') });
    expect(missing.reduce((sum, gap) => sum + gap.weight, 0)).toBeCloseTo(100, 5);
  });

  it.each([
    ['profile', 'bio', 8],
    ['profile', 'avatarMediaId', 5],
    ['packages', 'packages', 15],
    ['availability', 'weekly', 8],
    ['policies', 'cancellation', 5],
  ])('removing %s.%s costs %d points', (step, field, points) => {
    const base = completeProfile();
    const data = { ...(providerSteps as Record<string, Record<string, unknown>>)[step] };
    delete data[field];
    const { score, missing } = provider(withStep(base, 'provider', step, { data, complete: false }));
    expect(score).toBe(100 - points);
    expect(missing).toEqual([{ step, field, weight: points, hint: expect.any(String) }]);
  });

  it('counts portfolio images per role: 6 approved for one of two roles is half', () => {
    const images = providerSteps.portfolio.images.filter((image) => image.role === 'photographer');
    const { score, missing } = provider(
      withStep(completeProfile(), 'provider', 'portfolio', { data: { images }, complete: false }),
    );
    expect(score).toBe(90);
    expect(missing).toEqual([expect.objectContaining({ step: 'portfolio', weight: 10 })]);
  });

  it('does not count pending or rejected images', () => {
    const images = providerSteps.portfolio.images.map((image) => ({
      ...image,
      status: image.role === 'model' ? 'pending' : 'rejected',
    }));
    expect(
      provider(withStep(completeProfile(), 'provider', 'portfolio', { data: { images }, complete: false })).score,
    ).toBe(80);
  });

  it('counts packages per role: a role without a package is missing', () => {
    const packages = providerSteps.packages.packages.filter((item) => item.role === 'photographer');
    const { score } = provider(
      withStep(completeProfile(), 'provider', 'packages', { data: { packages }, complete: true }),
    );
    expect(score).toBe(Math.floor(100 - 7.5));
  });

  it('does not count an invalid draft value (a half-typed link)', () => {
    const data = { ...providerSteps.profile, links: ['javascript:alert(1)'] };
    const { missing } = provider(withStep(completeProfile(), 'provider', 'profile', { data, complete: false }));
    expect(missing).toEqual([expect.objectContaining({ field: 'links' })]);
  });

  it('a pending verification counts half', () => {
    expect(
      host(withStep(completeProfile(), 'host', 'verification', { data: { status: 'pending' }, complete: false })).score,
    ).toBe(95);
  });

  it('multi-role: adding a role without portfolio or package lowers the score', () => {
    const profile = completeProfile({ roles: { provider: ['photographer', 'model', 'videographer'] } });
    const { score } = provider(
      withStep(profile, 'provider', 'roles', {
        data: { roles: ['photographer', 'model', 'videographer'] },
        complete: true,
      }),
    );
    // portfolio 20·(2/3) + packages 15·(2/3) → loses 20/3 + 15/3 ≈ 11.67 points.
    expect(score).toBe(88);
  });

  it('works for a definition a product team writes', () => {
    const definition = defineOnboarding({
      tracks: [{ id: 'venue', label: 'Venue' }],
      steps: [
        {
          id: 'basics',
          title: 'Basics',
          tracks: ['venue'],
          kind: 'form',
          required: true,
          schema: z.object({ name: z.string(), seats: z.int() }),
          draftSchema: z.partial(z.object({ name: z.string(), seats: z.int() })),
          fields: { name: { weight: 3, hint: 'Name it' }, seats: { weight: 1, hint: 'Count seats' } },
        },
      ],
      gates: { publish: [{ kind: 'minScore', score: 50 }], instantBook: [] },
    });
    const profile = {
      tracks: ['venue'],
      roles: {},
      steps: { venue: { basics: { data: { name: 'Hall' }, complete: false } } },
      emailVerified: true,
      identityVerified: false,
    };
    expect(scoreTrack(profile, definition, 'venue')).toEqual({
      score: 75,
      missing: [{ step: 'basics', field: 'seats', weight: 25, hint: 'Count seats' }],
    });
  });
});

describe('priceBand', () => {
  it('derives min and max per currency', () => {
    expect(
      priceBand([
        { price: { amount: 15000, currency: 'EUR' } },
        { price: { amount: 40000, currency: 'EUR' } },
        { price: { amount: 9000, currency: 'USD' } },
      ]),
    ).toEqual({ EUR: { min: 15000, max: 40000 }, USD: { min: 9000, max: 9000 } });
  });
});
