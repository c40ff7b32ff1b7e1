/**
 * src/core/conditions.ts is the one walk over condition trees. Its readers
 * (the engine's plan, evaluateCondition, questionRefs, the rule checks'
 * leaf paths) must mean what a plain, recursive reading of the engine's
 * documented semantics means. The reference here is written out longhand on
 * purpose, sharing no code with the fold: switch on the operator, recurse on
 * the group.
 *
 * A failing run prints its seed and the smallest counterexample.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Condition, LeafCondition, Question, RuleSet } from '../../src/authoring/schema.ts';
import { leaves } from '../../src/authoring/rule-checks.ts';
import { predicateOf, foldCondition, leavesOf } from '../../src/core/conditions.ts';
import {
  countedAnswers,
  evaluate,
  evaluateCondition,
  firedRules,
  isValidAnswer,
  questionRefs,
  visibleQuestionIds,
  type Answer,
  type Answers,
} from '../../src/core/engine.ts';
import { LEAF_OPERATORS, LEAF_TESTS, TIERS } from '../../src/core/vocabulary.ts';
import { answersArb, conditionArb, ruleSetArb } from '../support/arbitraries.ts';
import { getAt } from '../support/doc-paths.ts';

const RUNS = { numRuns: 300 };

// ---------------------------------------------------------------------------
// The reference: the header of src/core/engine.ts, read literally.

/** A leaf test on a counted answer (undefined: hidden, skipped or not reached). */
function referenceLeaf(leaf: LeafCondition, answer: Answer | undefined): boolean {
  const [operator, operand] = Object.entries(leaf).find(([key]) => key !== 'question') as [string, never];
  if (operator === 'answered') return operand === (answer !== undefined);
  // Every other test is false without a counted answer.
  if (answer === undefined) return false;
  // A list answer (multiple choice); empty for any other, so no list test holds on it.
  const list: readonly string[] = Array.isArray(answer) ? answer : [];
  const options = operand as readonly string[];
  switch (operator) {
    case 'equals':
      return answer === operand;
    case 'oneOf':
      return typeof answer === 'string' && options.includes(answer);
    case 'noneOf':
      return typeof answer === 'string' ? !options.includes(answer) : Array.isArray(answer) && list.every((a) => !options.includes(a));
    case 'includes':
      return list.includes(operand);
    case 'includesAny':
      return list.some((a) => options.includes(a));
    case 'lessThan':
      return typeof answer === 'number' && answer < operand;
    case 'atMost':
      return typeof answer === 'number' && answer <= operand;
    case 'greaterThan':
      return typeof answer === 'number' && answer > operand;
    case 'atLeast':
      return typeof answer === 'number' && answer >= operand;
    default:
      throw new Error(`the reference does not know ${operator}`);
  }
}

function reference(condition: Condition, counted: Answers): boolean {
  const c = condition as { all?: Condition[]; any?: Condition[]; not?: Condition };
  if (Object.hasOwn(c, 'all')) return c.all!.every((part) => reference(part, counted));
  if (Object.hasOwn(c, 'any')) return c.any!.some((part) => reference(part, counted));
  if (Object.hasOwn(c, 'not')) return !reference(c.not!, counted);
  const leaf = condition as LeafCondition;
  return referenceLeaf(leaf, Object.hasOwn(counted, leaf.question) ? counted[leaf.question] : undefined);
}

function referenceLeaves(condition: Condition): LeafCondition[] {
  const c = condition as { all?: Condition[]; any?: Condition[]; not?: Condition };
  if (Object.hasOwn(c, 'all')) return c.all!.flatMap(referenceLeaves);
  if (Object.hasOwn(c, 'any')) return c.any!.flatMap(referenceLeaves);
  if (Object.hasOwn(c, 'not')) return referenceLeaves(c.not!);
  return [condition as LeafCondition];
}

/** Visible questions and counted answers, question by question (a `showIf` reads only earlier ones). */
function referenceWalk(ruleSet: RuleSet, answers: Answers): { visible: string[]; counted: Record<string, Answer> } {
  const visible: string[] = [];
  const counted: Record<string, Answer> = {};
  for (const question of ruleSet.questions) {
    if (question.showIf && !reference(question.showIf, counted)) continue;
    visible.push(question.id);
    const answer = answers[question.id];
    if (answer !== undefined && isValidAnswer(question, answer)) counted[question.id] = answer;
  }
  return { visible, counted };
}

// ---------------------------------------------------------------------------
// Random conditions, including tests a clinician could not ship (`equals` on
// a list, `includes` on a number, options the question lacks): the engine
// must still read them as the reference does, and they reach the plan's
// option-bit shortcut.

function anyLeafArb(question: Question): fc.Arbitrary<LeafCondition> {
  const ids = question.type === 'number' ? [] : question.options.map((o) => o.id);
  const option = fc.constantFrom(...ids, 'not-an-option');
  const number =
    question.type === 'number'
      ? fc.integer({ min: Math.floor(question.min) - 2, max: Math.ceil(question.max) + 2 })
      : fc.integer({ min: -2, max: 5 });
  return fc.constantFrom(...LEAF_OPERATORS).chain((operator) => {
    const operand = {
      option,
      options: fc.uniqueArray(option, { minLength: 1, maxLength: 4 }),
      number,
      boolean: fc.boolean(),
    }[LEAF_TESTS[operator].operand] as fc.Arbitrary<unknown>;
    return operand.map((value) => ({ question: question.id, [operator]: value }) as LeafCondition);
  });
}

function anyConditionArb(questions: readonly Question[], depth = 3): fc.Arbitrary<Condition> {
  return conditionArb(questions, depth, anyLeafArb);
}

/** A random rule set whose rules (and some `showIf`s) carry random conditions, with random answers. */
const ruleSetAndAnswersArb = ruleSetArb.chain((base) =>
  fc
    .tuple(
      fc.array(anyConditionArb(base.questions), { minLength: base.rules.length, maxLength: base.rules.length }),
      // A showIf may only read earlier questions; the first question has none.
      fc.tuple(
        ...base.questions.map((_, i) =>
          i === 0 ? fc.constant(undefined) : fc.option(anyConditionArb(base.questions.slice(0, i), 2), { nil: undefined }),
        ),
      ),
    )
    .chain(([whens, showIfs]) => {
      const ruleSet: RuleSet = {
        ...base,
        questions: base.questions.map((question, i) => {
          const { showIf: _, ...rest } = question;
          return (showIfs[i] ? { ...rest, showIf: showIfs[i] } : rest) as Question;
        }),
        rules: base.rules.map((rule, i) => ({ ...rule, when: whens[i]! })),
      };
      return fc.tuple(fc.constant(ruleSet), answersArb(ruleSet));
    }),
);

describe('the engine reads conditions as the reference does', () => {
  it('evaluate(), firedRules() and visibleQuestionIds() (the compiled plan) agree with the reference', () => {
    fc.assert(
      fc.property(ruleSetAndAnswersArb, ([ruleSet, answers]) => {
        const { visible, counted } = referenceWalk(ruleSet, answers);
        const firing = ruleSet.rules.filter((rule) => reference(rule.when, counted)).map((rule) => rule.id);
        expect(visibleQuestionIds(ruleSet, answers)).toEqual(visible);
        expect({ ...countedAnswers(ruleSet, answers) }).toEqual(counted);
        expect(firedRules(ruleSet, answers).map((rule) => rule.id)).toEqual(firing);
        const tier = TIERS.find((t) => ruleSet.rules.some((rule) => rule.tier === t && firing.includes(rule.id))) ?? 'candidate';
        expect(evaluate(ruleSet, answers).tier).toBe(tier);
      }),
      RUNS,
    );
  });

  it('evaluateCondition() and questionRefs() agree with the reference on every condition and its parts', () => {
    fc.assert(
      fc.property(ruleSetAndAnswersArb, ([ruleSet, answers]) => {
        const { counted } = referenceWalk(ruleSet, answers);
        for (const rule of ruleSet.rules) {
          expect(evaluateCondition(rule.when, counted)).toBe(reference(rule.when, counted));
          expect(leavesOf(rule.when)).toEqual(referenceLeaves(rule.when));
          expect(questionRefs(rule.when)).toEqual(referenceLeaves(rule.when).map((leaf) => leaf.question));
        }
      }),
      RUNS,
    );
  });
});

describe('foldCondition()', () => {
  it('hands each group its children in order, already folded', () => {
    const condition: Condition = {
      all: [
        { question: 'a', equals: 'x' },
        {
          not: {
            any: [
              { question: 'b', atLeast: 3 },
              { question: 'c', answered: true },
            ],
          },
        },
      ],
    };
    const written = foldCondition<string>(condition, {
      leaf: (leaf) => leaf.question,
      all: (parts) => `all(${parts.join(',')})`,
      any: (parts) => `any(${parts.join(',')})`,
      not: (inner) => `not(${inner})`,
    });
    expect(written).toBe('all(a,not(any(b,c)))');
  });

  it('never takes a group key from Object.prototype: a polluted page cannot turn a test into a group', () => {
    const leaf: Condition = { question: 'age', lessThan: 18 };
    const found: string[] = [];
    try {
      for (const key of ['all', 'any', 'not'])
        Object.defineProperty(Object.prototype, key, { value: [], configurable: true, writable: true });
      found.push(...leavesOf(leaf).map((l) => l.question));
      found.push(String(predicateOf(leaf, () => () => true)(undefined)));
    } finally {
      for (const key of ['all', 'any', 'not']) delete (Object.prototype as Record<string, unknown>)[key];
    }
    expect(found).toEqual(['age', 'true']);
  });

  it('predicateOf() stops at the first part that decides, as the engine did', () => {
    const read: string[] = [];
    const test = predicateOf<void>(
      {
        any: [
          { question: 'a', answered: true },
          {
            all: [
              { question: 'b', answered: false },
              { question: 'c', answered: true },
            ],
          },
        ],
      },
      (leaf) => () => (read.push(leaf.question), leaf.question !== 'b'),
    );
    expect(test()).toBe(true);
    expect(read).toEqual(['a']);
  });
});

describe('leaves() in the rule checks', () => {
  it('gives each leaf with the path at which it stands, in reading order', () => {
    fc.assert(
      fc.property(
        ruleSetArb.chain((ruleSet) => anyConditionArb(ruleSet.questions)),
        (condition) => {
          const found = leaves(condition, ['rules', 0, 'when']);
          expect(found.map(([leaf]) => leaf)).toEqual(referenceLeaves(condition));
          for (const [leaf, path] of found) expect(getAt({ rules: [{ when: condition }] }, path)).toBe(leaf);
        },
      ),
      RUNS,
    );
  });
});
