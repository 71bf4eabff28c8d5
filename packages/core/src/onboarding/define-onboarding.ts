/**
 * @module `defineOnboarding()`: how a product team declares tracks, roles, steps, scoring weights
 * and publishing gates. Pure data plus zod schemas, the same in the browser and on the server.
 */
import * as z from 'zod/mini';

/** A role a person can hold on a track (`photographer`, `model`…). */
export interface RoleDefinition {
  id: string;
  label: string;
}

/** One side of the marketplace a person onboards as (`provider`, `host`). */
export interface TrackDefinition {
  id: string;
  label: string;
  /** Roles to choose from on this track; empty when the track has none. */
  roles?: readonly RoleDefinition[];
}

/** What the score looks at to measure one field. */
export interface MeasureContext {
  /** The person's roles on this track. */
  roles: readonly string[];
  /** All data of the step the field belongs to. */
  data: Record<string, unknown>;
}

/** How much one field of a step counts towards the completeness score. */
export interface FieldScore {
  /** Points this field is worth; a track's points are scaled to 0–100. */
  weight: number;
  /** Shown to the person while the field is missing, e.g. "Add a headline that says what you do". */
  hint: string;
  /**
   * How complete the field is, 0–1. By default a field counts fully once it is non-empty.
   * @default isFilled(value) ? 1 : 0
   */
  measure?: (value: unknown, context: MeasureContext) => number;
}

/** One step of an onboarding wizard. */
export interface StepDefinition {
  id: string;
  title: string;
  description?: string;
  /** Tracks this step belongs to; each track keeps its own data for it. */
  tracks: readonly string[];
  /** `form`: filled in the wizard. `slot`: filled by a plug-in (media upload, ID verification). */
  kind: 'form' | 'slot';
  /**
   * Needed to publish. Also gates the wizard: the steps after an incomplete required step are
   * locked until it is complete.
   */
  required: boolean;
  /** Validates the whole step when the person completes it. */
  schema: z.ZodMiniType;
  /** Validates autosaved drafts: may be incomplete, must be of the right types. */
  draftSchema: z.ZodMiniType;
  /** Scoring weights by field name (top-level keys of the step's data). */
  fields: Readonly<Record<string, FieldScore>>;
  /** For `slot` steps: what plugs in here (`media.portfolio`, `verification.identity`…). */
  slot?: string;
}

/** A condition of a gate; every rule of a gate must hold. */
export type GateRule =
  | { kind: 'minScore'; score: number }
  | { kind: 'emailVerified' }
  | { kind: 'identityVerified' }
  | { kind: 'requiredStepsComplete' }
  | { kind: 'bookableHours'; step: string; hours: number; days: number }
  | { kind: 'fieldSet'; step: string; field: string; message: string };

/** The gates of a definition. */
export interface GateDefinitions {
  /** To make a public profile. */
  publish: readonly GateRule[];
  /** To accept bookings without review. */
  instantBook: readonly GateRule[];
}

/** What `defineOnboarding` takes. */
export interface OnboardingDefinitionInput {
  tracks: readonly TrackDefinition[];
  steps: readonly StepDefinition[];
  gates: GateDefinitions;
}

/** A checked onboarding definition. */
export interface OnboardingDefinition extends OnboardingDefinitionInput {
  /** The steps of one track, in wizard order. */
  stepsOf(track: string): readonly StepDefinition[];
  /** The step `id` of `track`, or `undefined`. */
  stepOf(track: string, id: string): StepDefinition | undefined;
  track(id: string): TrackDefinition | undefined;
}

/**
 * Checks and freezes an onboarding definition: unique track and step ids, every step on known
 * tracks, non-negative weights, every weighted field present in the step's schema shape, gates
 * naming real steps.
 *
 * @example
 * const definition = defineOnboarding({
 *   tracks: [{ id: 'host', label: 'Studio' }],
 *   steps: [{ id: 'studio', title: 'Your studio', tracks: ['host'], kind: 'form', required: true,
 *     schema, draftSchema: z.partial(schema), fields: { name: { weight: 10, hint: 'Name your studio' } } }],
 *   gates: { publish: [{ kind: 'minScore', score: 60 }], instantBook: [] },
 * });
 */
export function defineOnboarding(input: OnboardingDefinitionInput): OnboardingDefinition {
  const trackIds = new Set<string>();
  for (const track of input.tracks) {
    if (trackIds.has(track.id)) throw new Error(`Onboarding definition: track "${track.id}" is defined twice.`);
    trackIds.add(track.id);
  }
  const byTrack = new Map<string, StepDefinition[]>([...trackIds].map((id) => [id, []]));
  for (const step of input.steps) {
    if (step.tracks.length === 0) throw new Error(`Onboarding definition: step "${step.id}" belongs to no track.`);
    for (const track of step.tracks) {
      const steps = byTrack.get(track);
      if (!steps) throw new Error(`Onboarding definition: step "${step.id}" names unknown track "${track}".`);
      if (steps.some((other) => other.id === step.id))
        throw new Error(`Onboarding definition: step "${step.id}" is defined twice on "${track}".`);
      steps.push(step);
    }
    const shape = shapeOf(step.schema);
    for (const [field, score] of Object.entries(step.fields)) {
      if (!(score.weight >= 0) || !Number.isFinite(score.weight))
        throw new Error(`Onboarding definition: "${step.id}.${field}" needs a weight ≥ 0.`);
      if (shape && !(field in shape))
        throw new Error(`Onboarding definition: "${step.id}.${field}" is weighted but not in the step's schema.`);
    }
  }
  for (const rule of [...input.gates.publish, ...input.gates.instantBook]) {
    if ('step' in rule && !input.steps.some((step) => step.id === rule.step)) {
      throw new Error(`Onboarding definition: a gate names unknown step "${rule.step}".`);
    }
  }
  const tracks = new Map(input.tracks.map((track) => [track.id, track]));
  return Object.freeze({
    ...input,
    stepsOf: (track: string) => byTrack.get(track) ?? [],
    stepOf: (track: string, id: string) => byTrack.get(track)?.find((step) => step.id === id),
    track: (id: string) => tracks.get(id),
  });
}

/** The top-level field schemas of an object schema, or `undefined` for other schemas. */
function shapeOf(schema: z.ZodMiniType): Record<string, unknown> | undefined {
  const def = (schema as { _zod?: { def?: { type?: string; shape?: Record<string, unknown>; in?: z.ZodMiniType } } })
    ._zod?.def;
  if (def?.type === 'object') return def.shape;
  if (def?.type === 'pipe' && def.in) return shapeOf(def.in);
  return undefined;
}

/**
 * The definition as plain JSON (for docs and tooling): tracks, steps with their JSON Schemas and
 * weights, gates. Functions (custom measures) are named, not serialised.
 *
 * @example
 * writeFileSync('onboarding.json', JSON.stringify(onboardingDefinitionToJSON(creativeMarketplace), null, 2));
 */
export function onboardingDefinitionToJSON(definition: OnboardingDefinition): unknown {
  return {
    tracks: definition.tracks,
    steps: definition.steps.map((step) => ({
      id: step.id,
      title: step.title,
      description: step.description,
      tracks: step.tracks,
      kind: step.kind,
      required: step.required,
      slot: step.slot,
      fields: Object.fromEntries(
        Object.entries(step.fields).map(([field, score]) => [
          field,
          { weight: score.weight, hint: score.hint, measure: score.measure ? 'custom' : 'filled' },
        ]),
      ),
      schema: z.toJSONSchema(step.schema, { io: 'input', unrepresentable: 'any' }),
    })),
    gates: definition.gates,
  };
}

/** True when a value counts as filled in: non-blank text, a number, `true`/`false`, a non-empty list or object. */
export function isFilled(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'boolean') return true;
  if (Array.isArray(value)) return value.some(isFilled);
  if (typeof value === 'object') return Object.values(value).some(isFilled);
  return false;
}
