/**
 * @module The default onboarding definition: a creative-services marketplace where providers
 * (photographers, models, videographers…, often several roles at once) and hosts (studios and
 * spaces) onboard. Copy it as a starting point for another marketplace.
 */
import * as z from 'zod/mini';
import { defineOnboarding, isFilled, type MeasureContext, type RoleDefinition } from './define-onboarding.js';
import {
  countrySchema,
  httpLinkSchema,
  isoDateSchema,
  languageSchema,
  minutesOfWallTime,
  moneySchema,
  plainText,
  timeZoneSchema,
  wallTimeSchema,
} from './field-schemas.js';

/** Provider roles of the creative marketplace. */
export const PROVIDER_ROLES = [
  { id: 'photographer', label: 'Photographer' },
  { id: 'videographer', label: 'Videographer' },
  { id: 'model', label: 'Model' },
  { id: 'makeup_artist', label: 'Make-up artist' },
  { id: 'hair_stylist', label: 'Hair stylist' },
  { id: 'stylist', label: 'Stylist' },
  { id: 'retoucher', label: 'Retoucher' },
  { id: 'creative_director', label: 'Creative director' },
] as const satisfies readonly RoleDefinition[];

/** A provider role id. */
export type ProviderRole = (typeof PROVIDER_ROLES)[number]['id'];
const roleIds = PROVIDER_ROLES.map((role) => role.id) as [ProviderRole, ...ProviderRole[]];

/** Amenities a studio can list. */
export const STUDIO_AMENITIES = [
  'natural_light',
  'cyclorama',
  'backdrops',
  'strobe_lighting',
  'continuous_lighting',
  'makeup_station',
  'changing_room',
  'wifi',
  'parking',
  'step_free_access',
  'kitchen',
  'sound_insulation',
  'green_screen',
  'props',
  'air_conditioning',
] as const;
/** A studio amenity id. */
export type StudioAmenity = (typeof STUDIO_AMENITIES)[number];

/** Portfolio images needed per role (and studio photos) for the field to count fully. */
export const IMAGES_FOR_FULL_SCORE = 6;

const unique = <T>(label: string) =>
  z.refine<T[]>((values) => new Set(values).size === values.length, { error: `${label} has duplicates.` });

const idSchema = z
  .string({ error: 'Missing id.' })
  .check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'Ids use letters, digits, - and _.' }));

// ---------------------------------------------------------------- roles
const rolesFields = {
  roles: z
    .array(z.enum(roleIds, { error: 'Choose roles from the list.' }))
    .check(
      z.minLength(1, { error: 'Choose at least one role.' }),
      z.maxLength(PROVIDER_ROLES.length, { error: 'Too many roles.' }),
      unique<string>('Roles'),
    ),
};
/** Data of the `roles` step. */
export const rolesStepSchema = z.object(rolesFields);
export type RolesStepData = z.output<typeof rolesStepSchema>;

// ---------------------------------------------------------------- profile
const citySchema = z.object({ name: plainText({ label: 'City', min: 1, max: 100 }), country: countrySchema });
const profileFields = {
  displayName: plainText({ label: 'Display name', min: 1, max: 80 }),
  headline: plainText({ label: 'Headline', min: 1, max: 80 }),
  bio: plainText({ label: 'Bio', min: 1, max: 2000, multiline: true }),
  city: citySchema,
  languages: z
    .array(languageSchema)
    .check(
      z.minLength(1, { error: 'Add at least one language.' }),
      z.maxLength(12, { error: 'At most 12 languages.' }),
    ),
  tags: z.optional(
    z.array(plainText({ label: 'Tag', min: 1, max: 32 })).check(z.maxLength(20, { error: 'At most 20 tags.' })),
  ),
  links: z.optional(z.array(httpLinkSchema).check(z.maxLength(10, { error: 'At most 10 links.' }))),
  /** Filled by the media plug-in. */
  avatarMediaId: z.optional(idSchema),
};
/** Data of the provider `profile` step. */
export const profileStepSchema = z.object(profileFields);
export type ProfileStepData = z.output<typeof profileStepSchema>;

// ---------------------------------------------------------------- portfolio / photos (media slots)
const mediaItemSchema = z.object({
  id: idSchema,
  role: z.optional(z.enum(roleIds)),
  status: z.enum(['pending', 'approved', 'rejected']),
});
const mediaSlotFields = { images: z.array(mediaItemSchema).check(z.maxLength(200, { error: 'At most 200 images.' })) };
/** Data of the `portfolio` and `photos` slots, written by the media plug-in. */
export const mediaSlotSchema = z.object(mediaSlotFields);
export type MediaSlotData = z.output<typeof mediaSlotSchema>;

const approvedImages = (value: unknown, role?: string): number =>
  Array.isArray(value)
    ? value.filter((item) => item?.status === 'approved' && (role === undefined || item.role === role)).length
    : 0;

/** Portfolio: each role counts once it has {@link IMAGES_FOR_FULL_SCORE} approved images. */
const measurePortfolio = (value: unknown, { roles }: MeasureContext): number =>
  roles.length === 0
    ? 0
    : roles.reduce((sum, role) => sum + Math.min(1, approvedImages(value, role) / IMAGES_FOR_FULL_SCORE), 0) /
      roles.length;

const measureStudioPhotos = (value: unknown): number => Math.min(1, approvedImages(value) / IMAGES_FOR_FULL_SCORE);

// ---------------------------------------------------------------- packages
const packageFields = {
  id: idSchema,
  role: z.enum(roleIds, { error: 'Choose which role this package is for.' }),
  name: plainText({ label: 'Package name', min: 1, max: 80 }),
  description: plainText({ label: 'Description', max: 1000, multiline: true }),
  durationMinutes: z
    .int({ error: 'Enter the duration in minutes.' })
    .check(z.gte(15, { error: 'At least 15 minutes.' }), z.lte(24 * 60, { error: 'At most 24 hours.' })),
  price: moneySchema,
  deliverables: z
    .array(plainText({ label: 'Deliverable', min: 1, max: 120 }))
    .check(z.maxLength(20, { error: 'At most 20 deliverables.' })),
  addOns: z
    .array(z.object({ name: plainText({ label: 'Add-on name', min: 1, max: 80 }), price: moneySchema }))
    .check(z.maxLength(10, { error: 'At most 10 add-ons.' })),
};
const packageSchema = z.object(packageFields);
/** One bookable package of a provider. */
export type ServicePackage = z.output<typeof packageSchema>;
const packagesFields = {
  packages: z.array(packageSchema).check(
    z.minLength(1, { error: 'Add at least one package.' }),
    z.maxLength(30, { error: 'At most 30 packages.' }),
    z.refine((items) => new Set(items.map((item) => item.id)).size === items.length, {
      error: 'Two packages share an id.',
    }),
  ),
};
/** Data of the `packages` step. */
export const packagesStepSchema = z.object(packagesFields);
export type PackagesStepData = z.output<typeof packagesStepSchema>;
const packagesDraftSchema = z.object({
  packages: z.optional(z.array(z.partial(packageSchema)).check(z.maxLength(30, { error: 'At most 30 packages.' }))),
});

/** Packages: each of the person's roles counts once it has a package. */
const measurePackages = (value: unknown, { roles }: MeasureContext): number => {
  if (!Array.isArray(value) || roles.length === 0) return 0;
  const covered = new Set(value.filter((item) => isFilled(item?.name) && item?.price).map((item) => item.role));
  return roles.filter((role) => covered.has(role)).length / roles.length;
};

/**
 * The price band of a provider per currency, derived from the packages (add-ons excluded).
 *
 * @example
 * priceBand(packages) // { EUR: { min: 15000, max: 90000 } }
 */
export function priceBand(
  packages: readonly Pick<ServicePackage, 'price'>[],
): Record<string, { min: number; max: number }> {
  const band: Record<string, { min: number; max: number }> = {};
  for (const { price } of packages) {
    const current = band[price.currency];
    band[price.currency] = current
      ? { min: Math.min(current.min, price.amount), max: Math.max(current.max, price.amount) }
      : { min: price.amount, max: price.amount };
  }
  return band;
}

// ---------------------------------------------------------------- availability
const windowRefinement = z.refine<{ start: string; end: string }>(
  (window) => minutesOfWallTime(window.start) < minutesOfWallTime(window.end),
  {
    error: 'The end must be after the start.',
  },
);
/** A weekly opening: ISO weekday (1 = Monday … 7 = Sunday) and wall-clock times. */
export const weeklyRuleSchema = z
  .object({
    day: z
      .int({ error: 'Choose a day.' })
      .check(
        z.gte(1, { error: 'Days are 1 (Monday) to 7 (Sunday).' }),
        z.lte(7, { error: 'Days are 1 (Monday) to 7 (Sunday).' }),
      ),
    start: wallTimeSchema,
    end: wallTimeSchema,
  })
  .check(windowRefinement);
/** A date range off (both ends included), or extra hours on one date. */
export const availabilityExceptionSchema = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('off'), from: isoDateSchema, to: isoDateSchema })
    .check(z.refine((range) => range.from <= range.to, { error: 'The range ends before it starts.' })),
  z
    .object({ kind: z.literal('extra'), date: isoDateSchema, start: wallTimeSchema, end: wallTimeSchema })
    .check(windowRefinement),
]);
const availabilityFields = {
  timeZone: timeZoneSchema,
  weekly: z
    .array(weeklyRuleSchema)
    .check(
      z.minLength(1, { error: 'Add at least one weekly opening.' }),
      z.maxLength(50, { error: 'At most 50 weekly openings.' }),
    ),
  exceptions: z.array(availabilityExceptionSchema).check(z.maxLength(200, { error: 'At most 200 exceptions.' })),
  bufferBeforeMinutes: z
    .int()
    .check(z.gte(0, { error: 'Cannot be negative.' }), z.lte(240, { error: 'At most 4 hours.' })),
  bufferAfterMinutes: z
    .int()
    .check(z.gte(0, { error: 'Cannot be negative.' }), z.lte(240, { error: 'At most 4 hours.' })),
  minimumNoticeHours: z
    .int()
    .check(z.gte(0, { error: 'Cannot be negative.' }), z.lte(720, { error: 'At most 30 days.' })),
  maximumAdvanceDays: z.int().check(z.gte(1, { error: 'At least 1 day.' }), z.lte(730, { error: 'At most 2 years.' })),
};
/** Data of the `availability` step. */
export const availabilityStepSchema = z.object(availabilityFields);
export type AvailabilityStepData = z.output<typeof availabilityStepSchema>;
const availabilityDraftSchema = z.partial(
  z.object({
    ...availabilityFields,
    weekly: z.array(weeklyRuleSchema).check(z.maxLength(50, { error: 'At most 50 weekly openings.' })),
  }),
);

// ---------------------------------------------------------------- policies
/** Cancellation bands, from the most to the least lenient. */
export const CANCELLATION_POLICIES = ['flexible', 'moderate', 'strict'] as const;
const policiesFields = {
  cancellation: z.enum(CANCELLATION_POLICIES, { error: 'Choose a cancellation policy.' }),
  reschedule: z.object({
    allowed: z.boolean(),
    noticeHours: z.int().check(z.gte(0, { error: 'Cannot be negative.' }), z.lte(720, { error: 'At most 30 days.' })),
    maxTimes: z.int().check(z.gte(0, { error: 'Cannot be negative.' }), z.lte(10, { error: 'At most 10.' })),
  }),
};
/** Data of the `policies` step. */
export const policiesStepSchema = z.object(policiesFields);
export type PoliciesStepData = z.output<typeof policiesStepSchema>;

// ---------------------------------------------------------------- verification (slot)
const verificationFields = {
  status: z.enum(['not_started', 'pending', 'verified', 'rejected']),
  documentId: z.optional(idSchema),
};
/** Data of the `verification` slot, written by the verification plug-in. */
export const verificationSlotSchema = z.object(verificationFields);
export type VerificationSlotData = z.output<typeof verificationSlotSchema>;
const measureVerification = (value: unknown): number => (value === 'verified' ? 1 : value === 'pending' ? 0.5 : 0);

// ---------------------------------------------------------------- studio (host)
/** Lower-case slug of a studio's public page: 3–60 of a-z, 0-9 and single dashes. */
export const slugSchema = z.pipe(
  z.string({ error: 'Choose an address for your page.' }).check(z.maxLength(240, { error: 'At most 60 characters.' })),
  z.pipe(
    z.transform((value: string) => value.trim().toLowerCase()),
    z
      .string()
      .check(
        z.minLength(3, { error: 'At least 3 characters.' }),
        z.maxLength(60, { error: 'At most 60 characters.' }),
        z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'Use a–z, 0–9 and single dashes between words.' }),
      ),
  ),
);
const studioFields = {
  name: plainText({ label: 'Studio name', min: 1, max: 80 }),
  slug: slugSchema,
  description: plainText({ label: 'Description', min: 1, max: 2000, multiline: true }),
  contact: z.object({
    email: z.email({ error: 'Enter a valid email address.' }).check(z.maxLength(254, { error: 'Email is too long.' })),
    phone: z.optional(
      z
        .string()
        .check(z.regex(/^\+[1-9]\d{6,14}$/, { error: 'Enter the number in international form, e.g. +4930123456.' })),
    ),
  }),
  address: z.object({
    line1: plainText({ label: 'Street address', min: 1, max: 120 }),
    line2: z.optional(plainText({ label: 'Address line 2', max: 120 })),
    city: plainText({ label: 'City', min: 1, max: 100 }),
    postalCode: plainText({ label: 'Postal code', min: 1, max: 16 }),
    region: z.optional(plainText({ label: 'Region', max: 100 })),
    country: countrySchema,
    privacy: z.enum(['exact', 'neighbourhood'], { error: 'Choose what the public page shows.' }),
  }),
  amenities: z
    .array(z.enum(STUDIO_AMENITIES, { error: 'Choose amenities from the list.' }))
    .check(z.maxLength(STUDIO_AMENITIES.length, { error: 'Too many amenities.' }), unique<string>('Amenities')),
  capacity: z
    .int({ error: 'Enter how many people fit.' })
    .check(z.gte(1, { error: 'At least 1 person.' }), z.lte(1000, { error: 'At most 1,000 people.' })),
  hourlyRate: z.object({ min: moneySchema, max: moneySchema }).check(
    z.refine((rate) => rate.min.currency === rate.max.currency, { error: 'Use one currency for the hourly rate.' }),
    z.refine((rate) => rate.min.amount <= rate.max.amount, { error: 'The minimum rate is above the maximum.' }),
  ),
  minimumHours: z
    .int({ error: 'Enter the minimum booking in hours.' })
    .check(z.gte(1, { error: 'At least 1 hour.' }), z.lte(24, { error: 'At most 24 hours.' })),
  deposit: z.optional(moneySchema),
};
/** Data of the host `studio` step. */
export const studioStepSchema = z.object(studioFields);
export type StudioStepData = z.output<typeof studioStepSchema>;

const partialOf = <T extends Record<string, z.ZodMiniType>>(fields: T) => z.partial(z.object(fields));

/**
 * The creative marketplace: a `provider` track (roles → profile → portfolio → packages →
 * availability → policies → verification) and a `host` track (studio → photos → availability →
 * policies → verification). Publish needs a score of 60, a verified email and the required steps;
 * Instant Book needs 85, a verified identity, 10 bookable hours in the next 14 days and a
 * cancellation policy.
 */
export const creativeMarketplace = /* @__PURE__ */ defineOnboarding({
  tracks: [
    { id: 'provider', label: 'Creative professional', roles: PROVIDER_ROLES },
    { id: 'host', label: 'Studio or space' },
  ],
  steps: [
    {
      id: 'roles',
      title: 'What you do',
      tracks: ['provider'],
      kind: 'form',
      required: true,
      schema: rolesStepSchema,
      draftSchema: partialOf(rolesFields),
      fields: { roles: { weight: 5, hint: 'Choose the roles you offer.' } },
    },
    {
      id: 'profile',
      title: 'Profile',
      tracks: ['provider'],
      kind: 'form',
      required: true,
      schema: profileStepSchema,
      draftSchema: partialOf(profileFields),
      fields: {
        displayName: { weight: 5, hint: 'Add the name clients will see.' },
        headline: { weight: 5, hint: 'Add a headline that says what you do.' },
        bio: { weight: 8, hint: 'Tell clients about your work in a short bio.' },
        city: { weight: 5, hint: 'Add the city you work from.' },
        languages: { weight: 3, hint: 'Add the languages you speak.' },
        tags: { weight: 2, hint: 'Add a few tags for your styles and specialities.' },
        links: { weight: 2, hint: 'Link your website or social profiles.' },
        avatarMediaId: { weight: 5, hint: 'Add a profile photo.' },
      },
    },
    {
      id: 'portfolio',
      title: 'Portfolio',
      description: `Upload at least ${IMAGES_FOR_FULL_SCORE} images per role.`,
      tracks: ['provider'],
      kind: 'slot',
      slot: 'media.portfolio',
      required: false,
      schema: mediaSlotSchema,
      draftSchema: partialOf(mediaSlotFields),
      fields: {
        images: {
          weight: 20,
          hint: `Add ${IMAGES_FOR_FULL_SCORE} approved portfolio images for each role.`,
          measure: measurePortfolio,
        },
      },
    },
    {
      id: 'packages',
      title: 'Packages and prices',
      tracks: ['provider'],
      kind: 'form',
      required: true,
      schema: packagesStepSchema,
      draftSchema: packagesDraftSchema,
      fields: { packages: { weight: 15, hint: 'Add a package with a price for each role.', measure: measurePackages } },
    },
    {
      id: 'studio',
      title: 'Your studio',
      tracks: ['host'],
      kind: 'form',
      required: true,
      schema: studioStepSchema,
      draftSchema: partialOf(studioFields),
      fields: {
        name: { weight: 8, hint: 'Name your studio.' },
        slug: { weight: 4, hint: 'Choose the address of your public page.' },
        description: { weight: 6, hint: 'Describe the space and what it is good for.' },
        contact: { weight: 4, hint: 'Add a contact email.' },
        address: { weight: 8, hint: 'Add the address.' },
        amenities: { weight: 6, hint: 'List the amenities.' },
        capacity: { weight: 4, hint: 'Say how many people fit.' },
        hourlyRate: { weight: 8, hint: 'Set your hourly rate.' },
        minimumHours: { weight: 3, hint: 'Set the minimum booking length.' },
        deposit: { weight: 2, hint: 'Set a deposit, if you take one.' },
      },
    },
    {
      id: 'photos',
      title: 'Photos of the space',
      description: `Upload at least ${IMAGES_FOR_FULL_SCORE} photos.`,
      tracks: ['host'],
      kind: 'slot',
      slot: 'media.studio',
      required: false,
      schema: mediaSlotSchema,
      draftSchema: partialOf(mediaSlotFields),
      fields: {
        images: {
          weight: 20,
          hint: `Add ${IMAGES_FOR_FULL_SCORE} approved photos of the space.`,
          measure: measureStudioPhotos,
        },
      },
    },
    {
      id: 'availability',
      title: 'Availability',
      tracks: ['provider', 'host'],
      kind: 'form',
      required: true,
      schema: availabilityStepSchema,
      draftSchema: availabilityDraftSchema,
      fields: {
        timeZone: { weight: 2, hint: 'Set your time zone.' },
        weekly: { weight: 8, hint: 'Add your weekly hours.' },
      },
    },
    {
      id: 'policies',
      title: 'Policies',
      tracks: ['provider', 'host'],
      kind: 'form',
      required: true,
      schema: policiesStepSchema,
      draftSchema: partialOf(policiesFields),
      fields: {
        cancellation: { weight: 5, hint: 'Choose a cancellation policy.' },
        reschedule: { weight: 2, hint: 'Set your rescheduling rules.' },
      },
    },
    {
      id: 'verification',
      title: 'Verification',
      tracks: ['provider', 'host'],
      kind: 'slot',
      slot: 'verification.identity',
      required: false,
      schema: verificationSlotSchema,
      draftSchema: partialOf(verificationFields),
      fields: { status: { weight: 8, hint: 'Verify your identity.', measure: measureVerification } },
    },
  ],
  gates: {
    publish: [{ kind: 'emailVerified' }, { kind: 'requiredStepsComplete' }, { kind: 'minScore', score: 60 }],
    instantBook: [
      { kind: 'minScore', score: 85 },
      { kind: 'identityVerified' },
      { kind: 'bookableHours', step: 'availability', hours: 10, days: 14 },
      { kind: 'fieldSet', step: 'policies', field: 'cancellation', message: 'Choose a cancellation policy.' },
    ],
  },
});
