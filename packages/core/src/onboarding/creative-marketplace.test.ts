import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { fieldErrorsOf } from '../contracts/field-errors.js';
import {
  availabilityStepSchema,
  creativeMarketplace,
  packagesStepSchema,
  policiesStepSchema,
  profileStepSchema,
  rolesStepSchema,
  studioStepSchema,
} from './creative-marketplace.js';
import { defineOnboarding, onboardingDefinitionToJSON } from './define-onboarding.js';
import { hostSteps, providerSteps } from '../testing/creative-marketplace-fixtures.js';

const errorsOf = (schema: z.ZodMiniType, data: unknown) => {
  const result = schema.safeParse(data);
  return result.success ? {} : fieldErrorsOf(result.error);
};

describe('step schemas accept the complete fixtures', () => {
  it.each([
    ['roles', rolesStepSchema, providerSteps.roles],
    ['profile', profileStepSchema, providerSteps.profile],
    ['packages', packagesStepSchema, providerSteps.packages],
    ['availability', availabilityStepSchema, providerSteps.availability],
    ['policies', policiesStepSchema, providerSteps.policies],
    ['studio', studioStepSchema, hostSteps.studio],
  ])('%s', (_name, schema, data) => {
    expect(errorsOf(schema, data)).toEqual({});
  });
});

describe('step schemas refuse bad input with a field message', () => {
  const profile = providerSteps.profile;
  it.each([
    ['headline over 80 characters', { ...profile, headline: 'x'.repeat(81) }, 'headline'],
    ['bio over 2,000 characters', { ...profile, bio: 'x'.repeat(2001) }, 'bio'],
    ['a blank display name', { ...profile, displayName: '   ' }, 'displayName'],
    ['a right-to-left override', { ...profile, headline: 'Photographer \u202Egnp.exe' }, 'headline'],
    ['a control character', { ...profile, displayName: 'Ada\u0000' }, 'displayName'],
    ['a javascript: link', { ...profile, links: ['javascript:alert(1)'] }, 'links.0'],
    ['a data: link', { ...profile, links: ['data:text/html,<script>alert(1)</script>'] }, 'links.0'],
    ['an ftp link', { ...profile, links: ['ftp://example.com'] }, 'links.0'],
    ['21 tags', { ...profile, tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, 'tags'],
    ['an unknown country', { ...profile, city: { name: 'Atlantis', country: 'XX' } }, 'city.country'],
    ['an empty country', { ...profile, city: { name: 'Atlantis', country: '' } }, 'city.country'],
    ['a malformed country', { ...profile, city: { name: 'Atlantis', country: '1' } }, 'city.country'],
    ['a number for a city', { ...profile, city: 5 }, 'city'],
    ['a nonsense language', { ...profile, languages: ['not a language!'] }, 'languages.0'],
  ])('profile: %s', (_label, data, field) => {
    expect(Object.keys(errorsOf(profileStepSchema, data))).toContain(field);
  });

  it('keeps </script> in text as text (escaped on output, never executed)', () => {
    const parsed = profileStepSchema.parse({ ...profile, headline: '</script><script>alert(1)</script>' });
    expect(parsed.headline).toBe('</script><script>alert(1)</script>');
  });

  it('normalises text to NFC and trims it', () => {
    const parsed = profileStepSchema.parse({ ...profile, displayName: '  Zoe\u0308  ' });
    expect(parsed.displayName).toBe('Zoë');
  });

  const pkg = providerSteps.packages.packages[0]!;
  it.each([
    ['an unknown currency', { ...pkg, price: { amount: 100, currency: 'XYZ' } }, 'packages.0.price.currency'],
    ['a lower-case currency', { ...pkg, price: { amount: 100, currency: 'eur' } }, 'packages.0.price.currency'],
    ['a fractional amount', { ...pkg, price: { amount: 10.5, currency: 'EUR' } }, 'packages.0.price.amount'],
    ['a negative amount', { ...pkg, price: { amount: -1, currency: 'EUR' } }, 'packages.0.price.amount'],
    ['an amount as a string', { ...pkg, price: { amount: '100', currency: 'EUR' } }, 'packages.0.price.amount'],
    ['a 5-minute package', { ...pkg, durationMinutes: 5 }, 'packages.0.durationMinutes'],
    ['an unknown role', { ...pkg, role: 'astronaut' }, 'packages.0.role'],
  ])('packages: %s', (_label, item, field) => {
    expect(Object.keys(errorsOf(packagesStepSchema, { packages: [item] }))).toContain(field);
  });

  const availability = providerSteps.availability;
  it.each([
    ['an unknown time zone', { ...availability, timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
    ['a path as a time zone', { ...availability, timeZone: '../../etc/passwd' }, 'timeZone'],
    ['an end before the start', { ...availability, weekly: [{ day: 1, start: '17:00', end: '09:00' }] }, 'weekly.0'],
    ['day 8', { ...availability, weekly: [{ day: 8, start: '09:00', end: '17:00' }] }, 'weekly.0.day'],
    ['25:00', { ...availability, weekly: [{ day: 1, start: '09:00', end: '25:00' }] }, 'weekly.0.end'],
    [
      'February 30th',
      { ...availability, exceptions: [{ kind: 'off', from: '2026-02-30', to: '2026-03-01' }] },
      'exceptions.0.from',
    ],
    [
      'a reversed range',
      { ...availability, exceptions: [{ kind: 'off', from: '2026-03-02', to: '2026-03-01' }] },
      'exceptions.0',
    ],
    [
      'an unknown exception kind',
      { ...availability, exceptions: [{ kind: 'holiday', date: '2026-03-01' }] },
      'exceptions.0.kind',
    ],
    ['a 5-hour buffer', { ...availability, bufferBeforeMinutes: 300 }, 'bufferBeforeMinutes'],
  ])('availability: %s', (_label, data, field) => {
    expect(Object.keys(errorsOf(availabilityStepSchema, data))).toContain(field);
  });

  const studio = hostSteps.studio;
  it.each([
    ['an upper-case slug is lowered, not refused', { ...studio, slug: 'Lichthof-Studio' }, null],
    ['a 2-character slug', { ...studio, slug: 'ab' }, 'slug'],
    ['a slug with a slash', { ...studio, slug: 'a/b/c' }, 'slug'],
    ['a slug with a double dash', { ...studio, slug: 'a--b' }, 'slug'],
    [
      'mixed currencies in the rate',
      { ...studio, hourlyRate: { min: { amount: 1, currency: 'EUR' }, max: { amount: 2, currency: 'USD' } } },
      'hourlyRate',
    ],
    [
      'a minimum rate above the maximum',
      { ...studio, hourlyRate: { min: { amount: 3, currency: 'EUR' }, max: { amount: 2, currency: 'EUR' } } },
      'hourlyRate',
    ],
    ['an unknown amenity', { ...studio, amenities: ['pool'] }, 'amenities.0'],
    ['duplicate amenities', { ...studio, amenities: ['wifi', 'wifi'] }, 'amenities'],
    ['a local phone number', { ...studio, contact: { email: 'a@b.io', phone: '030 123456' } }, 'contact.phone'],
    ['an unknown address privacy', { ...studio, address: { ...studio.address, privacy: 'hidden' } }, 'address.privacy'],
  ])('studio: %s', (_label, data, field) => {
    const errors = errorsOf(studioStepSchema, data);
    if (field === null) expect(errors).toEqual({});
    else expect(Object.keys(errors)).toContain(field);
  });

  it('roles: none, unknown and duplicates are refused', () => {
    expect(Object.keys(errorsOf(rolesStepSchema, { roles: [] }))).toEqual(['roles']);
    expect(Object.keys(errorsOf(rolesStepSchema, { roles: ['pilot'] }))).toEqual(['roles.0']);
    expect(Object.keys(errorsOf(rolesStepSchema, { roles: ['model', 'model'] }))).toEqual(['roles']);
  });

  it('policies: an unknown cancellation band is refused', () => {
    expect(Object.keys(errorsOf(policiesStepSchema, { ...providerSteps.policies, cancellation: 'lenient' }))).toEqual([
      'cancellation',
    ]);
  });
});

describe('draft schemas take incomplete but type-correct data', () => {
  it.each(creativeMarketplace.steps.map((step) => [step.id, step] as const))(
    '%s accepts an empty draft',
    (_id, step) => {
      expect(step.draftSchema.safeParse({}).success).toBe(true);
    },
  );
  it('a package half typed is a valid draft but not a valid step', () => {
    const step = creativeMarketplace.stepOf('provider', 'packages')!;
    const draft = { packages: [{ id: 'pk1', name: 'Headshots' }] };
    expect(step.draftSchema.safeParse(draft).success).toBe(true);
    expect(step.schema.safeParse(draft).success).toBe(false);
  });
  it('a draft of the wrong type is refused', () => {
    const step = creativeMarketplace.stepOf('provider', 'profile')!;
    expect(step.draftSchema.safeParse({ headline: 42 }).success).toBe(false);
    expect(step.draftSchema.safeParse({ headline: 'x'.repeat(81) }).success).toBe(false);
  });
});

describe('defineOnboarding', () => {
  const schema = z.object({ name: z.string() });
  const step = {
    id: 'a',
    title: 'A',
    tracks: ['t'],
    kind: 'form' as const,
    required: true,
    schema,
    draftSchema: z.partial(schema),
    fields: { name: { weight: 1, hint: '' } },
  };
  const gates = { publish: [], instantBook: [] };
  it.each([
    [
      'a duplicate track',
      {
        tracks: [
          { id: 't', label: 'T' },
          { id: 't', label: 'T' },
        ],
        steps: [],
        gates,
      },
      /defined twice/,
    ],
    [
      'a step on an unknown track',
      { tracks: [{ id: 't', label: 'T' }], steps: [{ ...step, tracks: ['x'] }], gates },
      /unknown track/,
    ],
    ['a duplicate step', { tracks: [{ id: 't', label: 'T' }], steps: [step, step], gates }, /defined twice/],
    [
      'a negative weight',
      { tracks: [{ id: 't', label: 'T' }], steps: [{ ...step, fields: { name: { weight: -1, hint: '' } } }], gates },
      /weight/,
    ],
    [
      'a weighted field not in the schema',
      { tracks: [{ id: 't', label: 'T' }], steps: [{ ...step, fields: { nope: { weight: 1, hint: '' } } }], gates },
      /not in the step's schema/,
    ],
    [
      'a gate on an unknown step',
      {
        tracks: [{ id: 't', label: 'T' }],
        steps: [step],
        gates: { publish: [{ kind: 'fieldSet' as const, step: 'zz', field: 'f', message: '' }], instantBook: [] },
      },
      /unknown step/,
    ],
  ])('refuses %s', (_label, input, message) => {
    expect(() => defineOnboarding(input)).toThrow(message);
  });

  it('exports the default definition as JSON with JSON Schemas', () => {
    const json = JSON.parse(JSON.stringify(onboardingDefinitionToJSON(creativeMarketplace))) as {
      tracks: { id: string }[];
      steps: { id: string; schema: { type?: string; properties?: Record<string, unknown> } }[];
    };
    expect(json.tracks.map((track) => track.id)).toEqual(['provider', 'host']);
    const profile = json.steps.find((s) => s.id === 'profile')!;
    expect(profile.schema.type).toBe('object');
    expect(Object.keys(profile.schema.properties ?? {})).toContain('headline');
  });
});
