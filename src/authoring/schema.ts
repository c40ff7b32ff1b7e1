/**
 * The rule-set schema: the single source of truth for what a rule file may say.
 *
 * TypeScript types are inferred from it, `rules/rules.schema.json` is generated
 * from it (`npm run schema`), and the loader validates every file against it.
 * Only the loader, the CLI and the build import this module at run time; the
 * widget imports its *types* only, so full Zod never ships to patients.
 */
import * as z from 'zod';
import { unsafeHrefReason, unsafeTextReason } from '../core/text.ts';
import {
  CRISIS_HELP,
  HASH_PATTERN,
  ID_PATTERN,
  LEAF_OPERATORS,
  LOCALE_PATTERN,
  RULE_TIERS,
  TIERS,
  VERSION_PATTERN,
  type LeafOperator,
  type RuleTier,
  type Tier,
} from '../core/vocabulary.ts';

// Zod compiles object parsers with `new Function` unless told not to. The CLI
// does not need the speed, and nothing here should ever depend on eval.
z.config({ jitless: true });

// Tiers (in their order), id, version and locale patterns live in vocabulary.ts: the widget reads them too.
export { RULE_TIERS, TIERS, type RuleTier, type Tier };

export const Id = z
  .string()
  .regex(ID_PATTERN, {
    error: 'ids use lower-case letters, digits and single hyphens, like "blood-pressure"',
  })
  .meta({ description: 'A short, unique, lower-case id with hyphens, like "blood-pressure".' });

const Locale = z.string().regex(LOCALE_PATTERN, {
  error: 'a locale is a language code like "en", "es" or "pt-BR"',
});

// Every prose field of a rule file passes this check, not only patient text:
// citations and reviewer names end up on clinicians' screens too.
function refuseUnsafeText(value: string, ctx: z.RefinementCtx): void {
  const reason = unsafeTextReason(value);
  if (reason) ctx.addIssue({ code: 'custom', message: reason, params: { kind: 'unsafe-text' } });
}

const SafeString = z.string().trim().min(1, { error: 'text cannot be empty' }).superRefine(refuseUnsafeText);

/** What a per-language field holds: prose ({@link Text}) or a link (a crisis resource's `href`). */
export type LocalizedKind = 'text' | 'link';

const localizedKinds = new WeakMap<object, LocalizedKind>();

// One value, or a map of locale to that value. Registered, so code that walks
// the schema (src/authoring/schema-walk.ts) finds every per-language field.
function localized<T extends z.ZodType<string>>(value: T, kind: LocalizedKind, error: string) {
  const schema = z.union([
    value,
    // An empty map would show the patient nothing at all.
    z.record(Locale, value).refine((map) => Object.keys(map).length > 0, { error }),
  ]);
  localizedKinds.set(schema, kind);
  return schema;
}

/**
 * Whether a schema (or one derived from it by `.meta()`) is a per-language
 * field, and of which kind.
 *
 * @example
 * localizedKind(Text) // 'text'
 * localizedKind(Id)   // undefined
 */
export function localizedKind(schema: z.ZodType): LocalizedKind | undefined {
  // `.meta()` returns a copy whose `_zod.parent` is the schema it was made from.
  for (let at: z.core.$ZodType | undefined = schema; at; at = at._zod.parent) {
    const kind = localizedKinds.get(at);
    if (kind) return kind;
  }
  return undefined;
}

/** Patient-facing text: a string, or a map of locale to string. */
export const Text = localized(SafeString, 'text', 'a text map needs at least one language, like { en: "Yes" }').meta({
  description: 'Text, or a map of locale to text, e.g. { en: "Yes", es: "Sí" }.',
});

const RuleTierSchema = z.enum(RULE_TIERS, {
  error: (issue) => `a rule's tier is one of ${RULE_TIERS.map((t) => `"${t}"`).join(', ')}; found ${JSON.stringify(issue.input)}`,
});
const OutcomeTier = z.enum(TIERS);

// ---------------------------------------------------------------------------
// Conditions: data, never code. Each object has exactly one test.

const OptionRef = Id.meta({ description: 'An option id of the question.' });
const q = { question: Id.meta({ description: 'The id of the question this test reads.' }) };

export const LeafCondition = z.union([
  z.strictObject({ ...q, equals: OptionRef }).meta({ title: 'equals', description: 'The single-choice answer is this option.' }),
  z
    .strictObject({ ...q, oneOf: z.array(OptionRef).min(1) })
    .meta({ title: 'oneOf', description: 'The single-choice answer is one of these options.' }),
  z
    .strictObject({ ...q, noneOf: z.array(OptionRef).min(1) })
    .meta({ title: 'noneOf', description: 'The question is answered, and with none of these options.' }),
  z
    .strictObject({ ...q, includes: OptionRef })
    .meta({ title: 'includes', description: 'The multiple-choice answer includes this option.' }),
  z
    .strictObject({ ...q, includesAny: z.array(OptionRef).min(1) })
    .meta({ title: 'includesAny', description: 'The multiple-choice answer includes at least one of these options.' }),
  z.strictObject({ ...q, lessThan: z.number() }).meta({ title: 'lessThan', description: 'The number answer is below this value.' }),
  z.strictObject({ ...q, atMost: z.number() }).meta({ title: 'atMost', description: 'The number answer is this value or lower.' }),
  z.strictObject({ ...q, greaterThan: z.number() }).meta({ title: 'greaterThan', description: 'The number answer is above this value.' }),
  z.strictObject({ ...q, atLeast: z.number() }).meta({ title: 'atLeast', description: 'The number answer is this value or higher.' }),
  z
    .strictObject({ ...q, answered: z.boolean() })
    .meta({ title: 'answered', description: 'true: the question is visible and answered. false: it is hidden or unanswered.' }),
]);

// The leaf tests, and the question types each works on, live in vocabulary.ts (the widget reads them too).
export { LEAF_OPERATORS, type LeafOperator };

export type LeafCondition = z.infer<typeof LeafCondition>;
export type Condition = LeafCondition | { all: Condition[] } | { any: Condition[] } | { not: Condition };

export const Condition: z.ZodType<Condition> = z
  .lazy(() =>
    z.union([
      LeafCondition,
      z.strictObject({ all: z.array(Condition).min(1) }).meta({ title: 'all', description: 'Every condition in the list is true.' }),
      z.strictObject({ any: z.array(Condition).min(1) }).meta({ title: 'any', description: 'At least one condition in the list is true.' }),
      z
        .strictObject({ not: Condition })
        .meta({ title: 'not', description: 'The condition is false (true when its question is hidden or unanswered).' }),
    ]),
  )
  .meta({ id: 'Condition' });

// ---------------------------------------------------------------------------
// Questions

const Option = z.strictObject({
  id: Id,
  label: Text,
  exclusive: z.boolean().optional().meta({ description: 'Picking this option clears the others, like "None of these".' }),
  noEffect: z.boolean().optional().meta({
    description:
      'true: picking this option deliberately changes nothing (an ordinary answer such as "No"), so the checker does not warn that no rule names it. For the checker only: patients never see it.',
  }),
});
export type Option = z.infer<typeof Option>;

const questionBase = {
  id: Id,
  text: Text,
  help: Text.optional(),
  showIf: Condition.optional().meta({
    description: 'Ask this question only when the condition is true. It may only refer to earlier questions.',
  }),
};

const ChoiceQuestion = z.strictObject({
  ...questionBase,
  type: z.enum(['single-choice', 'multiple-choice']),
  options: z.array(Option).min(2, { error: 'a choice question needs at least two options' }),
});

const NumberQuestion = z.strictObject({
  ...questionBase,
  type: z.literal('number'),
  unit: Text,
  min: z.number(),
  max: z.number(),
  step: z.number().positive().optional().meta({ description: 'The smallest change allowed; 1 means whole numbers only. Defaults to 1.' }),
});

export const Question = z.discriminatedUnion('type', [ChoiceQuestion, NumberQuestion], {
  error: (issue) =>
    issue.code === 'invalid_union'
      ? `a question's type is "single-choice", "multiple-choice" or "number"; found ${JSON.stringify((issue.input as { type?: unknown })?.type ?? null)}`
      : undefined,
});
export type Question = z.infer<typeof Question>;
export type ChoiceQuestion = z.infer<typeof ChoiceQuestion>;
export type NumberQuestion = z.infer<typeof NumberQuestion>;

// ---------------------------------------------------------------------------
// Rules, outcomes, resources

export const Rule = z.strictObject({
  id: Id,
  when: Condition,
  tier: RuleTierSchema,
  reason: Text.meta({ description: 'What the patient reads, in plain and gentle words.' }),
  clinicianNote: Text.meta({ description: 'Why the rule exists, for the reviewing clinician. Not shown to patients.' }),
  source: z
    .string()
    .trim()
    .min(1, { error: 'every rule cites its source' })
    .superRefine(refuseUnsafeText)
    .meta({ description: 'The citation a reviewer can check.' }),
  interrupt: z.boolean().optional().meta({ description: 'End the questions at once and show the result (for crisis answers).' }),
  crisisHelp: z.enum(CRISIS_HELP).optional().meta({
    description:
      'Which help to show when the rule fires. "lines": the crisis resources, on any tier (crisis rules show them anyway). "medical": a medical emergency (crisis tier), shown under crisisResources.medicalTitle.',
  }),
});
export type Rule = z.infer<typeof Rule>;

const OutcomeText = z.strictObject({
  title: Text,
  body: Text,
  action: Text.meta({ description: 'The label of the link to the clinic (booking, or "talk to our team").' }),
});
export type OutcomeText = z.infer<typeof OutcomeText>;

// The same rule the widget applies to a fetched file's links (text.ts).
const Href = z.string().superRefine((value, ctx) => {
  const reason = unsafeHrefReason(value);
  if (reason) ctx.addIssue({ code: 'custom', message: reason });
});

const Resource = z.strictObject({
  name: Text,
  detail: Text,
  // A service can have its own address per language (988's Spanish chat is another site).
  href: localized(Href, 'link', 'a link map needs at least one language, like { en: "tel:988" }').meta({
    description:
      'https:, tel:, sms: or mailto: link, or a map of locale to link, e.g. { en: "https://988lifeline.org/chat", es: "https://988lineadevida.org" }.',
  }),
  linkLabel: Text,
});

const CrisisResources = z.strictObject({
  title: Text,
  intro: Text,
  emergency: Text.meta({ description: 'The line that says the clinic is not an emergency service.' }),
  medicalTitle: Text.optional().meta({
    description: 'Heading used instead of `title` when only a medical (not mental-health) crisis rule fired.',
  }),
  resources: z.array(Resource).min(1),
});
export type CrisisResources = z.infer<typeof CrisisResources>;

/** What a `shows` invariant promises the patient sees. */
export const SHOWN_HELP = ['crisis-lines'] as const;

const invariantBase = {
  id: Id,
  description: z.string().trim().min(1).superRefine(refuseUnsafeText),
  when: Condition,
};
const atLeast = OutcomeTier.meta({ description: 'The least serious outcome allowed whenever `when` is true.' });
const shows = z.enum(SHOWN_HELP).meta({
  description:
    '"crisis-lines": once `when` has been true at any moment of the session (even if the patient then goes back and changes the answer), every later result shows the crisis resources.',
});

/** A promise about the outcome at every result where `when` holds. */
export const TierInvariant = z.strictObject({ ...invariantBase, atLeast });
/** A promise about what every later result shows once `when` was true at any moment of the session. */
export const ShowsInvariant = z.strictObject({ ...invariantBase, shows });
export type TierInvariant = z.infer<typeof TierInvariant>;
export type ShowsInvariant = z.infer<typeof ShowsInvariant>;

// One object with exactly one promise (rather than a union of two objects), so a
// mistake in `atLeast` or `shows` gets its own message at its own line.
export const Invariant = z
  .strictObject({ ...invariantBase, atLeast: atLeast.optional(), shows: shows.optional() })
  .superRefine((value, ctx) => {
    if ((value.atLeast === undefined) === (value.shows === undefined)) {
      ctx.addIssue({
        code: 'custom',
        message:
          'an invariant promises one thing: `atLeast: <tier>` (the outcome) or `shows: crisis-lines` (what every later result shows)',
      });
    }
  }) as unknown as z.ZodType<TierInvariant | ShowsInvariant, z.input<typeof TierInvariant> | z.input<typeof ShowsInvariant>>;
export type Invariant = TierInvariant | ShowsInvariant;

const DateString = z
  .union([z.string(), z.date()])
  .transform((value) => (typeof value === 'string' ? value : value.toISOString().slice(0, 10)))
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'a date is written YYYY-MM-DD, like 2026-11-20' }));

export const RuleSet = z.strictObject({
  id: Id,
  version: z.string().regex(VERSION_PATTERN, { error: 'a version looks like 1.0.0' }),
  title: Text,
  signOff: z.strictObject({
    reviewedBy: z.string().trim().min(1).superRefine(refuseUnsafeText),
    reviewedOn: DateString,
    contentHash: z
      .string()
      .regex(HASH_PATTERN, { error: 'written by `npx screener sign`: sha256- and the digest in base64' })
      .optional()
      .meta({ description: 'The review hash the clinician signed (`npx screener sign`); `check` fails when the rules change after it.' }),
  }),
  locale: Locale.default('en'),
  showReasons: z
    .boolean()
    .default(true)
    .meta({ description: 'Show patients the plain-words reasons behind a review or not-suitable result.' }),
  intro: z.strictObject({ title: Text, body: Text, start: Text }),
  notices: z.strictObject({
    adultsOnly: Text,
    notAdvice: Text,
    notEmergency: Text,
    privacy: Text,
  }),
  questions: z.array(Question).min(1),
  rules: z.array(Rule).min(1),
  outcomes: z.strictObject({
    crisis: OutcomeText,
    'not-suitable': OutcomeText,
    review: OutcomeText,
    candidate: OutcomeText,
  }),
  crisisResources: CrisisResources,
  invariants: z.array(Invariant).default([]),
});

/** A validated rule set, as the engine and widget use it. */
export type RuleSet = z.output<typeof RuleSet>;
/** A rule set as written in a file, before defaults are filled in. */
export type RuleSetInput = z.input<typeof RuleSet>;

/** The JSON Schema editors use to autocomplete and validate rule files. */
export function ruleSetJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(RuleSet, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://eligibility-screener.dev/rules.schema.json',
    title: 'Eligibility screener rule set',
    description: 'A pre-screening questionnaire with declarative rules. See rules/README.md.',
  };
}
