/**
 * Property-based tests (fast-check): random valid rule sets, random patients.
 *
 * Each property states something a patient would notice if it broke: the
 * assessment stops working, an answer disappears, a hidden question's answer
 * changes the result, the progress text promises fewer questions than come.
 * A failing run prints its seed; add it to `examples` below to keep it.
 */
import fc from 'fast-check';
import { createActor, type SnapshotFrom } from 'xstate';
import { parseDocument, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  countedAnswers,
  evaluate,
  evaluateCondition,
  firedRules,
  isValidAnswer,
  visibleQuestionIds,
  type Answer,
  type Answers,
} from '../../src/core/engine.ts';
import { loadRuleSet, type LoadResult } from '../../src/authoring/loader.ts';
import { showsCrisisLines } from '../../src/core/crisis-help.ts';
import { TIERS } from '../../src/core/vocabulary.ts';
import { assessmentMachine, currentQuestion, progress } from '../../src/core/machine.ts';
import { RuleSet, type Tier } from '../../src/authoring/schema.ts';
import {
  answersArb,
  conditionArb,
  invalidAnswer,
  patientStepsArb,
  ruleSetArb,
  ruleSetInputArb,
  validAnswer,
  type PatientStep,
} from '../support/arbitraries.ts';
import { getAt, nodes, setAt, type Path } from '../support/doc-paths.ts';
import { sampleRuleSetInput } from '../support/sample-rule-set.ts';

type Snapshot = SnapshotFrom<typeof assessmentMachine>;

// About a second per property on a quiet 2-core machine; the timeout leaves room for a busy one.
const RUNS = { numRuns: 150 };
const PROPERTY_TIMEOUT = { timeout: 60_000 };

function startActor(ruleSet: RuleSet) {
  const errors: unknown[] = [];
  const actor = createActor(assessmentMachine, { input: { ruleSet } });
  actor.subscribe({ error: (error) => errors.push(error) });
  actor.start();
  return { actor, errors };
}

/** What a patient could see change: state, answers, path, interrupt flags. */
function visibleState(snapshot: Snapshot) {
  const { answers, path, acknowledged, interrupted } = snapshot.context;
  return { value: snapshot.value, answers, path, acknowledged, interrupted };
}

/** Checks that hold after every event, whatever the patient did. */
function checkInvariants(ruleSet: RuleSet, snapshot: Snapshot, errors: unknown[]): void {
  expect(errors).toEqual([]);
  expect(snapshot.status).toBe('active');
  const { answers, path } = snapshot.context;
  const visible = visibleQuestionIds(ruleSet, answers);
  // Answers that fire a rule showing the crisis lines always leave them shown.
  if (firedRules(ruleSet, answers).some(showsCrisisLines)) expect(snapshot.context.crisisLines).toBe(true);
  // Answers in context never include a hidden question's answer.
  for (const id of Object.keys(answers)) expect(visible, `answer kept for hidden question ${id}`).toContain(id);
  // The path is visible questions in file order.
  const order = ruleSet.questions.map((q) => q.id);
  path.forEach((id, i) => {
    expect(visible).toContain(id);
    if (i > 0) expect(order.indexOf(id)).toBeGreaterThan(order.indexOf(path[i - 1]!));
  });
  // Every question the patient moved on from has an answer.
  for (const id of path.slice(0, snapshot.matches('result') ? undefined : -1)) expect(answers).toHaveProperty(id);
  if (snapshot.matches('intro')) {
    expect(path).toEqual([]);
  } else if (snapshot.matches('asking')) {
    expect(snapshot.hasTag('question')).toBe(true);
    expect(currentQuestion(snapshot.context)?.id).toBe(path.at(-1));
    const { step, total } = progress(snapshot.context);
    expect(step).toBe(path.length);
    expect(step).toBeGreaterThanOrEqual(1);
    expect(step).toBeLessThanOrEqual(total);
  } else {
    expect(snapshot.value).toBe('result');
    expect(snapshot.hasTag('result')).toBe(true);
    expect(snapshot.context.outcome).toEqual({ ...evaluate(ruleSet, answers), crisisLines: snapshot.context.crisisLines });
    if (snapshot.context.interrupted) expect(snapshot.context.outcome?.fired.some((rule) => rule.interrupt)).toBe(true);
  }
}

/** Sends one patient step and checks what must follow from it. */
function runStep(ruleSet: RuleSet, actor: ReturnType<typeof startActor>['actor'], step: PatientStep): void {
  const before = actor.getSnapshot();
  const question = currentQuestion(before.context);
  switch (step.kind) {
    case 'start':
      actor.send({ type: 'user.start' });
      if (before.matches('intro')) expect(actor.getSnapshot().value).toBe('asking');
      else expect(visibleState(actor.getSnapshot())).toEqual(visibleState(before));
      return;
    case 'answer': {
      if (!before.matches('asking') || !question) {
        actor.send({ type: 'user.answer', value: 'o1' });
        expect(visibleState(actor.getSnapshot())).toEqual(visibleState(before));
        return;
      }
      const value = validAnswer(question, step.seed);
      expect(isValidAnswer(question, value)).toBe(true);
      actor.send({ type: 'user.answer', value });
      const after = actor.getSnapshot();
      expect(after.context.answers[question.id]).toEqual(value);
      // Answers to earlier questions are never touched by a later answer.
      for (const id of before.context.path.slice(0, -1)) expect(after.context.answers[id]).toEqual(before.context.answers[id]);
      return;
    }
    case 'invalid': {
      // Invalid answers are ignored, on any screen.
      const value = question ? invalidAnswer(question, step.seed) : (undefined as never);
      if (question) expect(isValidAnswer(question, value)).toBe(false);
      actor.send({ type: 'user.answer', value });
      expect(visibleState(actor.getSnapshot())).toEqual(visibleState(before));
      return;
    }
    case 'back': {
      actor.send({ type: 'user.back' });
      const after = actor.getSnapshot();
      expect(after.context.answers).toEqual(before.context.answers);
      if (before.matches('asking') && before.context.path.length > 1) {
        // Back, then forward with the same answer: nothing is lost, we land where we were.
        const previous = after.context.path.at(-1)!;
        expect(after.value).toBe('asking');
        const given = before.context.answers[previous]!;
        actor.send({ type: 'user.answer', value: given });
        let again = actor.getSnapshot();
        if (setsOffCrisisHelp(ruleSet, before.context.answers, previous)) {
          // The same alarming answer shows crisis help again; Continue goes on as before.
          expect(again.value).toBe('result');
          expect(again.context.interrupted).toBe(true);
          actor.send({ type: 'user.continue' });
          again = actor.getSnapshot();
        }
        expect(again.value).toBe('asking');
        expect(again.context.answers).toEqual(before.context.answers);
        expect(again.context.path).toEqual(before.context.path);
      } else if (before.matches('asking')) {
        expect(after.value).toBe('intro');
      } else if (before.matches('result')) {
        expect(after.value).toBe('asking');
        expect(after.context.path).toEqual(before.context.path);
      } else {
        expect(visibleState(after)).toEqual(visibleState(before));
      }
      return;
    }
    case 'continue': {
      actor.send({ type: 'user.continue' });
      const after = actor.getSnapshot();
      const remaining =
        before.matches('result') &&
        before.context.interrupted &&
        visibleQuestionIds(ruleSet, before.context.answers).some(
          (id) => ruleSet.questions.findIndex((q) => q.id === id) > ruleSet.questions.findIndex((q) => q.id === before.context.path.at(-1)),
        );
      if (remaining) {
        expect(after.value).toBe('asking');
        expect(after.context.path.length).toBe(before.context.path.length + 1);
        expect(after.context.answers).toEqual(before.context.answers);
      } else {
        expect(visibleState(after)).toEqual(visibleState(before));
      }
      return;
    }
    case 'restart': {
      actor.send({ type: 'user.restart' });
      const after = actor.getSnapshot();
      expect(after.value).toBe('intro');
      expect(after.context.answers).toEqual({});
      expect(after.context.path).toEqual([]);
      expect(after.context.acknowledged).toEqual([]);
      expect(after.context.interrupted).toBe(false);
      expect(after.context.outcome).toBeNull();
    }
  }
}

/** True when the answer to `questionId` makes an interrupting rule fire that would not fire without it. */
function setsOffCrisisHelp(ruleSet: RuleSet, answers: Record<string, Answer>, questionId: string): boolean {
  const without = Object.fromEntries(Object.entries(answers).filter(([id]) => id !== questionId));
  const firingWithout = new Set(firedRules(ruleSet, without).map((rule) => rule.id));
  return firedRules(ruleSet, answers).some((rule) => rule.interrupt && !firingWithout.has(rule.id));
}

// Regression examples found by these properties; fast-check runs them first.

/**
 * Seed -602545666 (2026-07, before the fix in `remainingAtMost`): on q1 the
 * progress said "Question 1 of about 2", then q2 (shown once q1 is answered)
 * made it three. The question on screen was treated as already decided.
 */
function progressUnderCountDoc(): RuleSet {
  const doc = sampleRuleSetInput();
  doc.questions = [
    { id: 'q1', text: 'How many?', type: 'number', unit: 'times', min: 23, max: 27, step: 5 },
    {
      id: 'q2',
      text: 'Which?',
      showIf: { question: 'q1', answered: true },
      type: 'single-choice',
      options: [
        { id: 'o1', label: 'One' },
        { id: 'o2', label: 'Two' },
      ],
    },
    {
      id: 'q3',
      text: 'And?',
      type: 'single-choice',
      options: [
        { id: 'o1', label: 'One' },
        { id: 'o2', label: 'Two' },
      ],
    },
  ];
  doc.rules = [
    {
      id: 'r1',
      when: { question: 'q1', lessThan: 20 },
      tier: 'crisis',
      reason: 'Call us.',
      clinicianNote: 'Note.',
      source: 'Test source 1',
    },
  ];
  doc.invariants = [];
  return RuleSet.parse(doc);
}

describe('progress()', () => {
  it('counts a follow-up question that depends on the question on screen', () => {
    const { actor } = startActor(RuleSet.parse(sampleRuleSetInput()));
    actor.send({ type: 'user.start' });
    actor.send({ type: 'user.answer', value: 'no' });
    actor.send({ type: 'user.answer', value: ['none'] });
    // On "How old are you?": the care question may still come (age 65+), so 5 in all.
    expect(progress(actor.getSnapshot().context)).toEqual({ step: 3, total: 5 });
    actor.send({ type: 'user.answer', value: 40 });
    expect(progress(actor.getSnapshot().context)).toEqual({ step: 4, total: 4 });
  });
});

describe('random rule sets', PROPERTY_TIMEOUT, () => {
  it('are valid documents: every generated set passes RuleSet.parse', () => {
    fc.assert(
      fc.property(ruleSetInputArb, (input) => {
        expect(RuleSet.safeParse(input).error?.issues ?? []).toEqual([]);
      }),
      RUNS,
    );
  });
});

describe('assessmentMachine with random patients', PROPERTY_TIMEOUT, () => {
  it('never throws, ignores invalid answers, keeps answers across back, restarts clean', () => {
    fc.assert(
      fc.property(ruleSetArb, patientStepsArb, (ruleSet, steps) => {
        const { actor, errors } = startActor(ruleSet);
        actor.send({ type: 'user.start' });
        checkInvariants(ruleSet, actor.getSnapshot(), errors);
        for (const step of steps) {
          const linesBefore = actor.getSnapshot().context.crisisLines;
          runStep(ruleSet, actor, step);
          checkInvariants(ruleSet, actor.getSnapshot(), errors);
          // Crisis lines once shown stay, whatever the patient does next (Back, changes, Start again).
          if (linesBefore) expect(actor.getSnapshot().context.crisisLines).toBe(true);
        }
        actor.stop();
      }),
      RUNS,
    );
  });

  it('reaches a result within (number of questions) valid answers, continuing after crisis help', () => {
    fc.assert(
      fc.property(ruleSetArb, fc.array(fc.nat(), { minLength: 6, maxLength: 6 }), (ruleSet, seeds) => {
        const { actor, errors } = startActor(ruleSet);
        actor.send({ type: 'user.start' });
        const totals: number[] = [];
        let answered = 0;
        for (;;) {
          const snapshot = actor.getSnapshot();
          if (snapshot.matches('asking')) {
            totals.push(progress(snapshot.context).total);
            expect(answered).toBeLessThan(ruleSet.questions.length);
            actor.send({ type: 'user.answer', value: validAnswer(currentQuestion(snapshot.context)!, seeds[answered]!) });
            answered += 1;
          } else if (snapshot.matches('result') && snapshot.can({ type: 'user.continue' })) {
            actor.send({ type: 'user.continue' });
          } else {
            break;
          }
        }
        const end = actor.getSnapshot();
        expect(errors).toEqual([]);
        expect(end.value).toBe('result');
        // "Question N of about M": M is an upper bound, never fewer than the questions that came.
        for (const total of totals) expect(total).toBeGreaterThanOrEqual(end.context.path.length);
        actor.stop();
      }),
      {
        ...RUNS,
        examples: [
          [progressUnderCountDoc(), [0, 0, 0, 0, 0, 0]],
          // The same bug on the sample set: age 70 brings the follow-up question in.
          [RuleSet.parse(sampleRuleSetInput()), [0, 0, 70, 0, 0, 0]],
        ],
      },
    );
  });
});

describe('engine with random answers', PROPERTY_TIMEOUT, () => {
  const ruleSetAndAnswers = ruleSetArb.chain((ruleSet) => fc.tuple(fc.constant(ruleSet), answersArb(ruleSet)));

  it('evaluate(): the tier is the most serious tier among the rules that fire', () => {
    fc.assert(
      fc.property(ruleSetAndAnswers, ([ruleSet, answers]) => {
        const counted = countedAnswers(ruleSet, answers);
        const firing = ruleSet.rules.filter((rule) => evaluateCondition(rule.when, counted));
        const expected: Tier = TIERS.find((tier) => firing.some((rule) => rule.tier === tier)) ?? 'candidate';
        const outcome = evaluate(ruleSet, answers);
        expect(outcome.tier).toBe(expected);
        expect(outcome.fired.map((rule) => rule.id).sort()).toEqual(firing.map((rule) => rule.id).sort());
      }),
      RUNS,
    );
  });

  it('countedAnswers(): only valid answers to visible questions count', () => {
    fc.assert(
      fc.property(ruleSetAndAnswers, ([ruleSet, answers]) => {
        const counted = countedAnswers(ruleSet, answers);
        const visible = visibleQuestionIds(ruleSet, answers);
        for (const [id, answer] of Object.entries(counted)) {
          expect(visible).toContain(id);
          expect(answer).toBe(answers[id]);
          expect(isValidAnswer(ruleSet.questions.find((q) => q.id === id)!, answer)).toBe(true);
        }
        // A hidden question's answer changes nothing.
        const hidden = ruleSet.questions.filter((q) => !visible.includes(q.id));
        const withoutHidden: Answers = Object.fromEntries(Object.entries(answers).filter(([id]) => !hidden.some((q) => q.id === id)));
        expect(evaluate(ruleSet, withoutHidden)).toEqual(evaluate(ruleSet, answers));
      }),
      RUNS,
    );
  });

  it('evaluateCondition(): `not c` is exactly the negation of `c`, even for unanswered questions', () => {
    const conditionAndAnswers = ruleSetArb.chain((ruleSet) =>
      fc.tuple(
        conditionArb(ruleSet.questions, 3),
        answersArb(ruleSet).map((answers) => countedAnswers(ruleSet, answers)),
      ),
    );
    fc.assert(
      fc.property(conditionAndAnswers, ([condition, counted]) => {
        expect(evaluateCondition({ not: condition }, counted)).toBe(!evaluateCondition(condition, counted));
      }),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------------------
// Invalid documents: the loader answers with issues, never an exception.

type Doc = Record<string, unknown>;

const OPTIONAL_KEYS = new Set(['help', 'showIf', 'step', 'exclusive', 'interrupt', 'medicalTitle', 'locale', 'showReasons', 'invariants']);
const isLocaleMap = (value: unknown) =>
  !!value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).every((key) => /^[a-z]{2,3}(-[A-Z]{2})?$/.test(key));
const isCondition = (value: unknown) => !!value && typeof value === 'object' && 'question' in value;

/** A broken document and where it is broken (the path an issue should point at). */
interface Broken {
  how: string;
  source: string;
  at?: Path;
}

/** A valid document broken in one of the ways a clinician's edit can break it. */
const brokenDocArb: fc.Arbitrary<Broken> = fc
  .tuple(ruleSetInputArb, fc.nat(), fc.nat(), fc.constantFrom('delete', 'type', 'unknown', 'duplicate', 'forward'))
  .map(([input, pick, variant, how]): Broken => {
    const doc = structuredClone(input) as Doc;
    const all = nodes(doc).filter((node) => node.path.length > 0);
    const choose = <T>(list: T[]): T => list[pick % list.length]!;
    if (how === 'delete') {
      // A required key of an object (locale maps may lose one of several texts and stay valid).
      const keys = all.filter(
        (node) =>
          typeof node.path.at(-1) === 'string' &&
          !OPTIONAL_KEYS.has(node.path.at(-1) as string) &&
          !isLocaleMap(getAt(doc, node.path.slice(0, -1))),
      );
      const { path } = choose(keys);
      delete (getAt(doc, path.slice(0, -1)) as Doc)[path.at(-1) as string];
      return { how: `delete ${path.join('.')}`, source: stringify(doc), at: path };
    }
    if (how === 'type') {
      const { path, value } = choose(all);
      const wrong =
        typeof value === 'string'
          ? [42, true, null, []]
          : typeof value === 'number'
            ? ['abc', null, true, []]
            : typeof value === 'boolean'
              ? ['sometimes', 1, null]
              : Array.isArray(value)
                ? ['x', 42, {}, null]
                : [42, [], null, {}]; // `{}`: no text at all, not even in one language
      const replacement = wrong[variant % wrong.length];
      setAt(doc, path, replacement);
      return { how: `${path.join('.')} = ${JSON.stringify(replacement)}`, source: stringify(doc), at: path };
    }
    if (how === 'unknown') {
      const { path, value } = choose(nodes(doc).filter((node) => isCondition(node.value)));
      const leaf = value as Record<string, unknown>;
      const op = Object.keys(leaf).find((key) => key !== 'question')!;
      if (variant % 2 === 0 || !['equals', 'includes', 'oneOf', 'noneOf', 'includesAny'].includes(op)) {
        leaf.question = 'no-such-question';
        return { how: `unknown question at ${path.join('.')}`, source: stringify(doc), at: [...path, 'question'] };
      }
      leaf[op] = Array.isArray(leaf[op]) ? ['no-such-option'] : 'no-such-option';
      return { how: `unknown option at ${path.join('.')}`, source: stringify(doc), at: [...path, op] };
    }
    const questions = doc.questions as Doc[];
    if (how === 'duplicate') {
      const rules = doc.rules as Doc[];
      const choice = questions.find((q) => Array.isArray(q.options));
      const kinds = [...(questions.length > 1 ? ['question'] : []), ...(rules.length > 1 ? ['rule'] : []), ...(choice ? ['option'] : [])];
      const kind = kinds.length > 0 ? choose(kinds) : 'none';
      if (kind === 'question') {
        questions[questions.length - 1]!.id = questions[0]!.id;
        return { how: 'duplicate question id', source: stringify(doc), at: ['questions', questions.length - 1, 'id'] };
      }
      if (kind === 'rule') {
        rules[rules.length - 1]!.id = rules[0]!.id;
        return { how: 'duplicate rule id', source: stringify(doc), at: ['rules', rules.length - 1, 'id'] };
      }
      if (kind === 'option') {
        const options = choice!.options as Doc[];
        options[1]!.id = options[0]!.id;
        return { how: 'duplicate option id', source: stringify(doc), at: ['questions', questions.indexOf(choice!), 'options', 1, 'id'] };
      }
      // One question and one rule: give the resource list a duplicate top-level key instead.
      return { how: 'duplicate key', source: `id: again\n${stringify(doc)}` };
    }
    // A showIf that reads the question itself or a later one (a cycle, or a question not asked yet).
    const i = pick % questions.length;
    const j = i + (variant % (questions.length - i));
    questions[i]!.showIf = { question: questions[j]!.id, answered: true };
    return { how: `questions.${i}.showIf reads questions.${j}`, source: stringify(doc), at: ['questions', i, 'showIf'] };
  });

/** A valid document with a YAML syntax error typed into it. */
const syntaxBreakArb: fc.Arbitrary<Broken> = fc
  .tuple(
    ruleSetInputArb,
    fc.nat(),
    fc.constantFrom(
      'bad: [unclosed',
      'note: "never closed',
      '\tindented: with a tab',
      'key: value: more',
      '- item: {a: 1',
      '  ] stray',
      'x: *missing-anchor',
    ),
  )
  .map(([input, line, snippet]) => {
    const lines = stringify(input).split('\n');
    lines.splice(line % lines.length, 0, snippet);
    return { how: `insert ${JSON.stringify(snippet)} at line ${(line % lines.length) + 1}`, source: lines.join('\n') };
  })
  // Some insertions land where YAML still parses (inside a block scalar); only real breaks count.
  .filter(({ source }) => parseDocument(source, { uniqueKeys: true }).errors.length > 0);

/** Text that was never a rule file: random characters, bytes, other data. */
const junkArb: fc.Arbitrary<Broken> = fc
  .oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.string({ unit: 'grapheme', maxLength: 200 }),
    fc.string({ maxLength: 200 }),
    fc.anything({ maxDepth: 3 }).map((value) => stringify(value) ?? ''),
    fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value) ?? ''),
    ruleSetInputArb.map((input) => stringify(input).slice(0, Math.floor(stringify(input).length / 3))), // a truncated file
  )
  .map((source) => ({ how: 'junk', source }));

function emptyTextMap(): Broken {
  const doc = sampleRuleSetInput();
  (doc.outcomes.crisis as Doc).action = {};
  return { how: 'outcomes.crisis.action = {}', source: stringify(doc), at: ['outcomes', 'crisis', 'action'] };
}

function checkRefused(broken: Broken): void {
  let result: LoadResult | undefined;
  expect(() => (result = loadRuleSet(broken.source, 'broken.yaml')), broken.how).not.toThrow();
  expect(result!.ok, broken.how).toBe(false);
  const { issues } = result!;
  expect(issues.length, broken.how).toBeGreaterThan(0);
  expect(
    issues.some((issue) => issue.severity === 'error'),
    broken.how,
  ).toBe(true);
  const lineCount = broken.source.split('\n').length;
  for (const issue of issues) {
    expect(issue.file).toBe('broken.yaml');
    expect(Number.isInteger(issue.line) && issue.line >= 1 && issue.line <= lineCount + 1, `${broken.how}: line ${issue.line}`).toBe(true);
    expect(Number.isInteger(issue.column) && issue.column >= 1, `${broken.how}: column ${issue.column}`).toBe(true);
    expect(typeof issue.message === 'string' && issue.message.trim().length > 0, broken.how).toBe(true);
    expect(Array.isArray(issue.path)).toBe(true);
  }
  if (broken.at) {
    // Some issue points at the broken spot: its path and the broken path lie on one branch.
    const sameBranch = (path: Path) => {
      const n = Math.min(path.length, broken.at!.length);
      return n >= Math.min(1, broken.at!.length - 1) && path.slice(0, n).every((key, i) => String(key) === String(broken.at![i]));
    };
    expect(
      issues.map((issue) => issue.path.join('.')),
      broken.how,
    ).toSatisfy((_: string[]) => issues.some((issue) => sameBranch(issue.path)));
  }
}

// The loader takes ~30 ms on a small document (YAML positions, checks of meaning), so fewer runs.
const LOADER_RUNS = { valid: { numRuns: 15 }, broken: { numRuns: 60 }, syntax: { numRuns: 25 }, junk: { numRuns: 100 } };

describe('loadRuleSet() with invalid documents', PROPERTY_TIMEOUT, () => {
  it("accepts the valid documents the mutations start from (so every refusal is the mutation's doing)", () => {
    fc.assert(
      fc.property(ruleSetInputArb, (input) => {
        const result = loadRuleSet(stringify(input), 'valid.yaml');
        expect(result.ok ? [] : result.issues.map((issue) => issue.message)).toEqual([]);
      }),
      LOADER_RUNS.valid,
    );
  });

  it('refuses a valid document with a key deleted, a wrong type, an unknown or duplicate id, or a forward showIf', () => {
    fc.assert(fc.property(brokenDocArb, checkRefused), {
      ...LOADER_RUNS.broken,
      // Found by this property: a text written as an empty map (`action: {}`) passed validation
      // and would have shown the patient nothing, before Text maps required one language.
      examples: [[emptyTextMap()]],
    });
  });

  it('refuses YAML syntax errors with a position inside the file', () => {
    fc.assert(fc.property(syntaxBreakArb, checkRefused), LOADER_RUNS.syntax);
  });

  it('refuses random text and other data without throwing', () => {
    fc.assert(fc.property(junkArb, checkRefused), LOADER_RUNS.junk);
  });
});
