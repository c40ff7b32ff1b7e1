/**
 * A host page's script runs before the widget and may have added properties
 * to Object.prototype or Array.prototype (old libraries do; so does a page
 * that means harm). The engine and the machine read only own properties of
 * rule data and answers, so no such addition changes what a patient is told.
 *
 * Each test pollutes, computes, cleans up, then asserts (vitest itself must
 * not run on a polluted prototype); afterEach cleans up again should a test throw.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  countedAnswers,
  evaluate,
  pruneHidden,
  questionRefs,
  visibleQuestionIds,
  type Answers,
} from '../../src/core/engine.ts';
import { createAssessment } from '../../src/core/machine.ts';
import type { RuleSet, Tier } from '../../src/authoring/schema.ts';
import { loadCaseFile, loadRules } from '../support/load-rules.ts';

const ruleSet = loadRules('ketamine');
const cases = loadCaseFile('ketamine');

/** Every key a condition, a question or a rule may have: what `in` tests on rule data would see. */
const RULE_KEYS = [
  'answered', 'equals', 'oneOf', 'noneOf', 'includes', 'includesAny', 'lessThan', 'atMost', 'greaterThan', 'atLeast',
  'all', 'any', 'not', 'question', 'showIf', 'crisisHelp', 'interrupt', 'step',
];
/** Question ids of the ketamine rules, and the records the engine and machine build. */
const DATA_KEYS = ['age', 'pregnancy', 'death-wish', 'suicide-now', 'answers', 'path', 'outcome', 'fired', 'tier', 'body'];

// Values a page might leave there: a number, true, an option id, a list, a function (an old `extend`).
const VALUES: unknown[] = [1, true, 'yes', ['pregnant'], 0, function extend() {}];

const added: [object, string][] = [];

function pollute(target: object, name: string, descriptor: PropertyDescriptor): void {
  if (Object.getOwnPropertyDescriptor(target, name)) return;
  Object.defineProperty(target, name, { configurable: true, ...descriptor });
  added.push([target, name]);
}

function cleanUp(): void {
  for (const [target, name] of added.splice(0)) delete (target as Record<string, unknown>)[name];
}

afterEach(cleanUp);

/** Runs `task` with the prototypes polluted as `kind` says; cleans up before returning. */
function polluted<T>(kind: 'values' | 'enumerable' | 'accessors', names: readonly string[], value: unknown, task: () => T): T {
  try {
    for (const name of names) {
      for (const target of [Object.prototype, Array.prototype]) {
        if (kind === 'accessors') {
          // A setter that swallows what is written, and a getter that answers for what is missing.
          pollute(target, name, { get: () => value, set: () => {} });
        } else {
          pollute(target, name, { value, writable: true, enumerable: kind === 'enumerable' });
        }
      }
    }
    return task();
  } finally {
    cleanUp();
  }
}

/** A patient answering one case's answers, question by question, through the machine. */
function journey(rules: RuleSet, answers: Answers): { tier: Tier | null; asked: string[] } {
  const actor = createAssessment(rules);
  actor.send({ type: 'user.start' });
  for (let i = 0; i < 2 * rules.questions.length; i += 1) {
    const snapshot = actor.getSnapshot();
    if (!snapshot.hasTag('question')) break;
    const id = snapshot.context.path.at(-1)!;
    if (!Object.hasOwn(answers, id)) break;
    actor.send({ type: 'user.answer', value: answers[id]! });
  }
  const { context } = actor.getSnapshot();
  actor.stop();
  return { tier: context.outcome?.tier ?? null, asked: [...context.path] };
}

const clean = cases.map((c) => ({ name: c.name, tier: evaluate(ruleSet, c.answers).tier, journey: journey(ruleSet, c.answers) }));

describe('evaluate() on a polluted prototype', () => {
  for (const kind of ['values', 'enumerable'] as const) {
    for (const value of VALUES) {
      it(`gives every scenario case its tier with ${kind} ${typeof value} ${String(value).slice(0, 12)} on every rule key`, () => {
        const seen = polluted(kind, RULE_KEYS, value, () => cases.map((c) => evaluate(ruleSet, c.answers).tier));
        expect(seen).toEqual(cases.map((c) => c.expect.tier));
      });
    }
  }

  it('shows the suicide follow-ups after "yes" whatever `equals` or `showIf` the prototype has', () => {
    const visible = polluted('values', ['equals', 'showIf', 'answered'], 1, () => visibleQuestionIds(ruleSet, { age: 34, 'death-wish': 'yes' }));
    expect(visible).toContain('suicide-now');
  });

  it('reads the question ids a condition names, not a prototype `all`', () => {
    const refs = polluted('values', ['all', 'any', 'not'], [], () => questionRefs({ question: 'age', lessThan: 18 }));
    expect(refs).toEqual(['age']);
  });
});

describe('records built from answers', () => {
  for (const kind of ['accessors', 'values'] as const) {
    it(`keeps every counted answer when the prototype has ${kind} named after question ids`, () => {
      const answers: Answers = { age: 34, 'death-wish': 'no', 'suicide-attempt': 'no', pregnancy: ['pregnant'] };
      const [counted, kept, outcome] = polluted(kind, DATA_KEYS, 40, () => [
        { ...countedAnswers(ruleSet, answers) },
        { ...pruneHidden(ruleSet, answers) },
        evaluate(ruleSet, answers).tier,
      ]);
      expect(counted).toEqual(answers);
      expect(kept).toEqual(answers);
      expect(outcome).toBe('not-suitable');
    });
  }

  it('never reads an answer from the prototype for an unanswered question', () => {
    const counted = polluted('values', ['age', 'pregnancy'], 15, () => countedAnswers(ruleSet, { 'death-wish': 'no' }));
    expect(Object.keys(counted)).toEqual(['death-wish']);
    expect(Object.getPrototypeOf(counted)).toBe(null);
  });
});

describe('the assessment machine on a polluted prototype', () => {
  for (const value of VALUES) {
    it(`walks every scenario case to its tier with ${typeof value} ${String(value).slice(0, 12)} on every rule and data key`, () => {
      const seen = polluted('values', [...RULE_KEYS, ...DATA_KEYS], value, () =>
        cases.map((c) => ({ name: c.name, tier: evaluate(ruleSet, c.answers).tier, journey: journey(ruleSet, c.answers) })),
      );
      expect(seen).toEqual(clean);
    });
  }
});
