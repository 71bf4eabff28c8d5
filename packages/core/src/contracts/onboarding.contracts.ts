/**
 * @module Zod contracts of the onboarding and publishing endpoints. Step data itself is validated
 * by the step's own schema from the onboarding definition; here it is any JSON object.
 */
import * as z from 'zod/mini';

const stepDataSchema = z.record(z.string(), z.unknown());

/** A track id (`provider`, `host`); the server checks it against its definition. */
export const trackIdSchema = z
  .string({ error: 'Choose a track.' })
  .check(z.regex(/^[a-z][a-z0-9_-]{0,31}$/, { error: 'Unknown track.' }));
/** A step id; the server checks it against its definition. */
export const stepIdSchema = z.string().check(z.regex(/^[a-z][a-z0-9_-]{0,63}$/, { error: 'Unknown step.' }));

/** One step as the wizard sees it. */
export const onboardingStepSchema = z.object({
  id: z.string(),
  status: z.enum(['locked', 'due', 'complete']),
  data: stepDataSchema,
  /** Increases with every saved change; send it back in `If-Match`. */
  version: z.number(),
});
export type OnboardingStep = z.output<typeof onboardingStepSchema>;

const gateReasonSchema = z.object({
  code: z.string(),
  message: z.string(),
  step: z.optional(z.string()),
  field: z.optional(z.string()),
});
const gateResultSchema = z.object({ eligible: z.boolean(), reasons: z.array(gateReasonSchema) });

/** One track of a person: its steps, score, what is missing, gates, and the public page if published. */
export const onboardingTrackSchema = z.object({
  id: z.string(),
  roles: z.array(z.string()),
  steps: z.array(onboardingStepSchema),
  score: z.number(),
  missing: z.array(z.object({ step: z.string(), field: z.string(), weight: z.number(), hint: z.string() })),
  gates: z.object({ publish: gateResultSchema, instantBook: gateResultSchema }),
  published: z.nullable(z.object({ url: z.string(), publishedAt: z.string() })),
});
export type OnboardingTrack = z.output<typeof onboardingTrackSchema>;

/** `200` answer of `GET /onboarding`, `PUT /onboarding/tracks` and step completion. */
export const onboardingOverviewSchema = z.object({
  tracks: z.array(onboardingTrackSchema),
  emailVerified: z.boolean(),
  identityVerified: z.boolean(),
});
export type OnboardingOverview = z.output<typeof onboardingOverviewSchema>;

/** `PUT /onboarding/tracks`: which tracks the person onboards on, and their provider roles. */
export const setTracksRequestSchema = z.object({
  tracks: z
    .array(trackIdSchema)
    .check(z.minLength(1, { error: 'Choose at least one track.' }), z.maxLength(8, { error: 'Too many tracks.' })),
  roles: z.optional(z.array(z.string().check(z.maxLength(64))).check(z.maxLength(32, { error: 'Too many roles.' }))),
});
export type SetTracksRequest = z.input<typeof setTracksRequestSchema>;

/** `PATCH /onboarding/steps/:step` body: a JSON Merge Patch (RFC 7386) of the step's draft; `null` removes a field. */
export const stepPatchSchema = z.record(z.string(), z.unknown());
export type StepPatch = z.output<typeof stepPatchSchema>;

/** `200` answer of `PATCH /onboarding/steps/:step`. */
export const stepSavedSchema = z.object({ version: z.number() });
export type StepSaved = z.output<typeof stepSavedSchema>;

/** `details` of a `409 version_conflict`: what the server has now. Nothing was written. */
export const versionConflictDetailsSchema = z.object({
  current: z.object({ data: stepDataSchema, version: z.number() }),
});
export type VersionConflictDetails = z.output<typeof versionConflictDetailsSchema>;

/** `POST /profiles/me/publish` and `/unpublish` */
export const publishRequestSchema = z.object({ track: trackIdSchema });
export type PublishRequest = z.input<typeof publishRequestSchema>;

/** `200` answer of `POST /profiles/me/publish`. */
export const publishResponseSchema = z.object({ url: z.string(), publishedAt: z.string() });
export type PublishResponse = z.output<typeof publishResponseSchema>;

/** `details` of a `409 publish_blocked`: every reason the gate is closed. */
export const publishBlockedDetailsSchema = z.object({ reasons: z.array(gateReasonSchema) });

/** `200` answer of `GET /profiles/me/instant-book`. */
export const instantBookResponseSchema = z.object({ tracks: z.record(z.string(), gateResultSchema) });
export type InstantBookResponse = z.output<typeof instantBookResponseSchema>;
