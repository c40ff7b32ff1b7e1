/**
 * fast-check arbitraries for the robustness tests: random VALID rule sets
 * (every field filled, conditions that only read questions they may read) and
 * random patient behaviour (valid and invalid answers, back, continue, restart).
 *
 * Valid means "a clinician could ship it": `showIf` refers only to earlier
 * questions, every operator matches its question's type, every option id
 * exists, interrupts sit on crisis rules. Each generated document is parsed
 * with `RuleSet.parse` before use, so a generator bug fails loudly instead of
 * quietly testing something else.
 */
import fc from 'fast-check';
import { RULE_TIERS, RuleSet, type Condition, type Question, type RuleSetInput } from '../../src/authoring/schema.ts';
import type { Answer, Answers } from '../../src/core/engine.ts';

// ---------------------------------------------------------------------------
// Text

const WORDS = [
  'you',
  'may',
  'feel',
  'sleep',
  'a',
  'clinician',
  'will',
  'decide',
  'how',
  'often',
  'today',
  'call',
  'us',
  'yes',
  'no',
  'week',
];

/** A safe sentence, sometimes with *emphasis*, **strong** or an allowed link. */
export const safeStringArb: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...WORDS) },
      { weight: 1, arbitrary: fc.constantFrom(...WORDS).map((w) => `*${w}*`) },
      { weight: 1, arbitrary: fc.constantFrom(...WORDS).map((w) => `**${w}**`) },
      {
        weight: 1,
        arbitrary: fc.constantFrom('[call 988](tel:988)', '[our site](https://example.org/help)', '[email](mailto:care@example.org)'),
      },
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((words) => words.join(' '));

/**
 * Rule-set text: a string, or a map of locale to string. A valid file writes
 * every map in the same languages (a crisis text lacking one is an error), so
 * maps have English and Spanish.
 */
export const textArb: fc.Arbitrary<RuleSetInput['title']> = fc.oneof(
  { weight: 4, arbitrary: safeStringArb },
  { weight: 1, arbitrary: fc.record({ en: safeStringArb, es: safeStringArb }) },
);

// ---------------------------------------------------------------------------
// Questions

type QuestionInput = RuleSetInput['questions'][number];
type ChoiceInput = Extract<QuestionInput, { options: unknown }>;
type NumberInput = Extract<QuestionInput, { type: 'number' }>;

const STEPS = [1, 2, 5, 0.5, 0.25];

function choiceQuestionArb(id: string, type: 'single-choice' | 'multiple-choice'): fc.Arbitrary<ChoiceInput> {
  return fc
    .record({
      text: textArb,
      help: fc.option(textArb, { nil: undefined }),
      exclusive: fc.array(fc.boolean(), { minLength: 2, maxLength: 4 }),
      labels: fc.array(textArb, { minLength: 4, maxLength: 4 }),
    })
    .map(({ text, help, exclusive, labels }) => ({
      id,
      text,
      ...(help === undefined ? {} : { help }),
      type,
      options: exclusive.map((isExclusive, i) => ({
        id: `o${i + 1}`,
        label: labels[i]!,
        ...(type === 'multiple-choice' && isExclusive && i > 0 ? { exclusive: true } : {}),
      })),
    }));
}

function numberQuestionArb(id: string): fc.Arbitrary<NumberInput> {
  return fc
    .record({
      text: textArb,
      unit: textArb,
      min: fc.integer({ min: -20, max: 200 }),
      span: fc.integer({ min: 5, max: 150 }), // at least one step of the largest size
      step: fc.option(fc.constantFrom(...STEPS), { nil: undefined }),
    })
    .map(({ text, unit, min, span, step }) => ({
      id,
      text,
      type: 'number' as const,
      unit,
      min,
      max: min + span,
      ...(step === undefined ? {} : { step }),
    }));
}

const questionTypeArb = fc.constantFrom('single-choice', 'multiple-choice', 'number') as fc.Arbitrary<QuestionInput['type']>;

function questionArb(id: string): fc.Arbitrary<QuestionInput> {
  return questionTypeArb.chain(
    (type): fc.Arbitrary<QuestionInput> => (type === 'number' ? numberQuestionArb(id) : choiceQuestionArb(id, type)),
  );
}

// ---------------------------------------------------------------------------
// Conditions

/** A leaf test on `question` whose operator fits the question's type. */
function leafArb(question: QuestionInput): fc.Arbitrary<Condition> {
  const q = question.id;
  const answered = fc.boolean().map((value) => ({ question: q, answered: value }));
  if (question.type === 'number') {
    const threshold = fc.integer({ min: Math.floor(question.min) - 3, max: Math.ceil(question.max) + 3 });
    return fc.oneof(
      threshold.map((n) => ({ question: q, lessThan: n })),
      threshold.map((n) => ({ question: q, atMost: n })),
      threshold.map((n) => ({ question: q, greaterThan: n })),
      threshold.map((n) => ({ question: q, atLeast: n })),
      answered,
    );
  }
  const ids = question.options.map((o) => o.id);
  const one = fc.constantFrom(...ids);
  const some = fc.uniqueArray(one, { minLength: 1, maxLength: ids.length });
  if (question.type === 'single-choice') {
    return fc.oneof(
      one.map((id) => ({ question: q, equals: id })),
      some.map((list) => ({ question: q, oneOf: list })),
      some.map((list) => ({ question: q, noneOf: list })),
      answered,
    );
  }
  return fc.oneof(
    one.map((id) => ({ question: q, includes: id })),
    some.map((list) => ({ question: q, includesAny: list })),
    some.map((list) => ({ question: q, noneOf: list })),
    answered,
  );
}

/**
 * A condition over `questions` with `all` / `any` / `not` nested up to `depth`;
 * its tests fit their question's type unless `leaves` makes them otherwise.
 *
 * @example
 * fc.sample(conditionArb(ruleSet.questions, 2), 1)
 */
export function conditionArb<Q extends QuestionInput>(
  questions: readonly Q[],
  depth = 2,
  leaves: (question: Q) => fc.Arbitrary<Condition> = leafArb,
): fc.Arbitrary<Condition> {
  const leaf = fc.constantFrom(...questions).chain(leaves);
  if (depth <= 0) return leaf;
  const inner = conditionArb(questions, depth - 1, leaves);
  return fc.oneof(
    { weight: 4, arbitrary: leaf },
    { weight: 1, arbitrary: fc.array(inner, { minLength: 1, maxLength: 3 }).map((all) => ({ all })) },
    { weight: 1, arbitrary: fc.array(inner, { minLength: 1, maxLength: 3 }).map((any) => ({ any })) },
    { weight: 1, arbitrary: inner.map((not) => ({ not })) },
  );
}

// ---------------------------------------------------------------------------
// Rule sets

const outcomeArb = fc.record({ title: textArb, body: textArb, action: textArb });

function rulesArb(questions: readonly QuestionInput[]) {
  return fc
    .array(
      fc.record({
        when: conditionArb(questions),
        tier: fc.constantFrom(...RULE_TIERS),
        interrupt: fc.boolean(),
        reason: textArb,
        clinicianNote: textArb,
      }),
      { minLength: 1, maxLength: 5 },
    )
    .map((rules) =>
      rules.map(({ interrupt, ...rule }, i) => ({
        id: `r${i + 1}`,
        ...rule,
        source: `Test source ${i + 1}`,
        // Interrupts are for crisis answers only, as the rule guide says.
        ...(interrupt && rule.tier === 'crisis' ? { interrupt: true } : {}),
      })),
    );
}

/** Questions, each `showIf` (sometimes) reading earlier questions only. */
const questionsArb: fc.Arbitrary<QuestionInput[]> = fc
  .integer({ min: 1, max: 6 })
  .chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => questionArb(`q${i + 1}`))))
  .chain((questions) =>
    fc.tuple(
      ...questions.map((question, i) =>
        i === 0
          ? fc.constant(question)
          : fc
              .option(conditionArb(questions.slice(0, i), 1), { nil: undefined, freq: 2 })
              .map((showIf) => (showIf === undefined ? question : { ...question, showIf })),
      ),
    ),
  );

/** A rule-set document as written in a file (before defaults are filled in). */
export const ruleSetInputArb: fc.Arbitrary<RuleSetInput> = questionsArb.chain((questions) =>
  fc.record({
    id: fc.constant('random-set'),
    version: fc.constant('1.0.0'),
    title: textArb,
    signOff: fc.constant({ reviewedBy: 'Dr Test Reviewer', reviewedOn: '2026-01-15' }),
    locale: fc.constant('en'),
    intro: fc.record({ title: textArb, body: textArb, start: textArb }),
    notices: fc.record({ adultsOnly: textArb, notAdvice: textArb, notEmergency: textArb, privacy: textArb }),
    questions: fc.constant(questions),
    rules: rulesArb(questions),
    outcomes: fc.record({ crisis: outcomeArb, 'not-suitable': outcomeArb, review: outcomeArb, candidate: outcomeArb }),
    crisisResources: fc.record({
      title: textArb,
      intro: textArb,
      emergency: textArb,
      resources: fc.array(
        fc.record({
          name: textArb,
          detail: textArb,
          href: fc.constantFrom('tel:988', 'sms:741741', 'https://988lifeline.org', 'mailto:help@example.org'),
          linkLabel: textArb,
        }),
        { minLength: 1, maxLength: 2 },
      ),
    }),
  }),
);

/** A validated rule set (the document above, through `RuleSet.parse`). */
export const ruleSetArb: fc.Arbitrary<RuleSet> = ruleSetInputArb.map((input) => RuleSet.parse(input));

// ---------------------------------------------------------------------------
// Answers

/** The largest k with min + k·step ≤ max. */
function stepCount(question: Extract<Question, { type: 'number' }>): number {
  return Math.floor((question.max - question.min) / (question.step ?? 1) + 1e-9);
}

/**
 * A valid answer to `question`, picked by `seed` (deterministic, so a failing
 * run shrinks and replays).
 *
 * @example
 * validAnswer(ruleSet.questions[0], 7)
 */
export function validAnswer(question: Question, seed: number): Answer {
  if (question.type === 'number') {
    const k = seed % (stepCount(question) + 1);
    return Number((question.min + k * (question.step ?? 1)).toFixed(9));
  }
  const options = question.options;
  if (question.type === 'single-choice') return options[seed % options.length]!.id;
  const plain = options.filter((o) => !o.exclusive);
  const exclusive = options.filter((o) => o.exclusive);
  // Now and then pick an exclusive option on its own ("None of these").
  if (exclusive.length > 0 && (plain.length === 0 || seed % 4 === 0)) return [exclusive[seed % exclusive.length]!.id];
  const bits = ((seed >>> 2) % (2 ** plain.length - 1)) + 1;
  return plain.filter((_, i) => bits & (1 << i)).map((o) => o.id);
}

/**
 * An answer `question` must refuse: unknown options, wrong types, duplicates,
 * an exclusive option with others, out-of-range, off-step and non-finite numbers.
 */
export function invalidAnswer(question: Question, seed: number): Answer {
  const shared: unknown[] = [null, undefined, {}, true];
  let candidates: unknown[];
  if (question.type === 'number') {
    const step = question.step ?? 1;
    candidates = [
      question.min - step,
      question.max + step,
      question.min + step / 2,
      Number.NaN,
      Infinity,
      -Infinity,
      String(question.min),
      [question.min],
    ];
  } else if (question.type === 'single-choice') {
    candidates = ['no-such-option', '', [question.options[0]!.id], 3];
  } else {
    const [first, second] = question.options;
    candidates = [[], [first!.id, first!.id], ['no-such-option'], first!.id, [first!.id, 'no-such-option']];
    const exclusive = question.options.find((o) => o.exclusive);
    if (exclusive) candidates.push([exclusive.id, exclusive === first ? second!.id : first!.id]);
  }
  candidates.push(...shared);
  return candidates[seed % candidates.length] as Answer;
}

/**
 * Random answers for a rule set: for each question nothing, a valid answer or
 * an invalid one. Answers to hidden questions are included on purpose.
 */
export function answersArb(ruleSet: RuleSet): fc.Arbitrary<Answers> {
  return fc.tuple(...ruleSet.questions.map(() => fc.tuple(fc.constantFrom('none', 'valid', 'valid', 'invalid'), fc.nat()))).map((picks) => {
    const answers: Record<string, Answer> = {};
    picks.forEach(([kind, seed], i) => {
      const question = ruleSet.questions[i]!;
      if (kind === 'valid') answers[question.id] = validAnswer(question, seed);
      if (kind === 'invalid') answers[question.id] = invalidAnswer(question, seed);
    });
    return answers;
  });
}

// ---------------------------------------------------------------------------
// Patient behaviour

/** One thing a patient does. Answers are chosen when the step runs, from the question on screen. */
export type PatientStep =
  | { kind: 'start' }
  | { kind: 'answer'; seed: number }
  | { kind: 'invalid'; seed: number }
  | { kind: 'back' }
  | { kind: 'continue' }
  | { kind: 'restart' };

/** A patient's step, mostly valid answers, with back, continue and restart mixed in. */
export const patientStepArb: fc.Arbitrary<PatientStep> = fc.oneof(
  { weight: 12, arbitrary: fc.nat().map((seed) => ({ kind: 'answer' as const, seed })) },
  { weight: 3, arbitrary: fc.nat().map((seed) => ({ kind: 'invalid' as const, seed })) },
  { weight: 4, arbitrary: fc.constant({ kind: 'back' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'continue' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'restart' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'start' as const }) },
);

/** A sequence of patient steps. */
export const patientStepsArb: fc.Arbitrary<PatientStep[]> = fc.array(patientStepArb, { maxLength: 40 });
