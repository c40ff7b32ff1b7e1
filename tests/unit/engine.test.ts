import { describe, expect, it } from 'vitest';
import {
  countedAnswers,
  evaluate,
  evaluateCondition,
  firedRules,
  isAtLeast,
  isValidAnswer,
  isVisible,
  nextQuestionId,
  pruneHidden,
  remainingAtMost,
  shouldInterrupt,
  tierRank,
  visibleQuestionIds,
  type Answers,
} from '../../src/core/engine.ts';
import type { Condition, Question } from '../../src/authoring/schema.ts';
import { buildRuleSet, numberQ, pickMany, yesNo } from '../support/build-rule-set.ts';

// A rule set with every kind of question: a single choice that opens a
// follow-up, a multiple choice, and a number. `follow` is shown only when
// `gate` is yes, so an answer to it is hidden whenever gate is no or unanswered.
const base = buildRuleSet(
  [
    numberQ('age', 0, 120),
    yesNo('gate'),
    yesNo('follow', { question: 'gate', equals: 'yes' }),
    pickMany('list'),
  ],
  [{ id: 'placeholder', tier: 'review', when: { question: 'age', lessThan: 0 } }],
);

/** Evaluates a condition the way rules see it: only answers that count. */
function holds(condition: Condition, answers: Answers): boolean {
  return evaluateCondition(condition, countedAnswers(base, answers));
}

describe('evaluateCondition()', () => {
  // Each row: condition, answers, expected. "hidden" rows answer `follow`
  // while `gate` is no, so the answer is there but must not count.
  const rows: [string, Condition, Answers, boolean][] = [
    ['equals: true', { question: 'gate', equals: 'yes' }, { gate: 'yes' }, true],
    ['equals: false', { question: 'gate', equals: 'yes' }, { gate: 'no' }, false],
    ['equals: unanswered', { question: 'gate', equals: 'yes' }, {}, false],
    ['equals: hidden', { question: 'follow', equals: 'yes' }, { gate: 'no', follow: 'yes' }, false],
    ['oneOf: true', { question: 'gate', oneOf: ['yes', 'no'] }, { gate: 'no' }, true],
    ['oneOf: false', { question: 'gate', oneOf: ['yes'] }, { gate: 'no' }, false],
    ['oneOf: unanswered', { question: 'gate', oneOf: ['yes', 'no'] }, {}, false],
    ['oneOf: hidden', { question: 'follow', oneOf: ['yes', 'no'] }, { gate: 'no', follow: 'yes' }, false],
    ['noneOf: true (single)', { question: 'gate', noneOf: ['yes'] }, { gate: 'no' }, true],
    ['noneOf: false (single)', { question: 'gate', noneOf: ['yes'] }, { gate: 'yes' }, false],
    ['noneOf: true (multiple)', { question: 'list', noneOf: ['a', 'b'] }, { list: ['c'] }, true],
    ['noneOf: false (multiple, one listed)', { question: 'list', noneOf: ['a', 'b'] }, { list: ['b', 'c'] }, false],
    ['noneOf: unanswered is false', { question: 'gate', noneOf: ['yes'] }, {}, false],
    ['noneOf: hidden is false', { question: 'follow', noneOf: ['yes'] }, { gate: 'no', follow: 'no' }, false],
    ['noneOf: on a number is false', { question: 'age', noneOf: ['a'] }, { age: 40 }, false],
    ['includes: true', { question: 'list', includes: 'b' }, { list: ['a', 'b'] }, true],
    ['includes: false', { question: 'list', includes: 'b' }, { list: ['a'] }, false],
    ['includes: unanswered', { question: 'list', includes: 'b' }, {}, false],
    ['includesAny: true', { question: 'list', includesAny: ['b', 'c'] }, { list: ['c'] }, true],
    ['includesAny: false', { question: 'list', includesAny: ['b', 'c'] }, { list: ['a'] }, false],
    ['includesAny: unanswered', { question: 'list', includesAny: ['b', 'c'] }, {}, false],
    ['lessThan: below', { question: 'age', lessThan: 18 }, { age: 17 }, true],
    ['lessThan: at the boundary', { question: 'age', lessThan: 18 }, { age: 18 }, false],
    ['lessThan: unanswered', { question: 'age', lessThan: 18 }, {}, false],
    ['atMost: at the boundary', { question: 'age', atMost: 18 }, { age: 18 }, true],
    ['atMost: above', { question: 'age', atMost: 18 }, { age: 19 }, false],
    ['atMost: unanswered', { question: 'age', atMost: 18 }, {}, false],
    ['greaterThan: above', { question: 'age', greaterThan: 65 }, { age: 66 }, true],
    ['greaterThan: at the boundary', { question: 'age', greaterThan: 65 }, { age: 65 }, false],
    ['greaterThan: unanswered', { question: 'age', greaterThan: 65 }, {}, false],
    ['atLeast: at the boundary', { question: 'age', atLeast: 65 }, { age: 65 }, true],
    ['atLeast: below', { question: 'age', atLeast: 65 }, { age: 64 }, false],
    // JSON Logic treats a missing value as 0 (`null >= 0` is true); we must not.
    ['atLeast 0: unanswered is still false', { question: 'age', atLeast: 0 }, {}, false],
    ['atMost 0: unanswered is still false', { question: 'age', atMost: 0 }, {}, false],
    ['answered true: answered', { question: 'gate', answered: true }, { gate: 'no' }, true],
    ['answered true: unanswered', { question: 'gate', answered: true }, {}, false],
    ['answered true: hidden', { question: 'follow', answered: true }, { gate: 'no', follow: 'no' }, false],
    ['answered false: unanswered', { question: 'gate', answered: false }, {}, true],
    ['answered false: hidden', { question: 'follow', answered: false }, { gate: 'no', follow: 'no' }, true],
    ['answered false: answered', { question: 'gate', answered: false }, { gate: 'no' }, false],
    ['not: of true', { not: { question: 'gate', equals: 'yes' } }, { gate: 'yes' }, false],
    ['not: of false', { not: { question: 'gate', equals: 'yes' } }, { gate: 'no' }, true],
    ['not: of unanswered is true', { not: { question: 'gate', equals: 'yes' } }, {}, true],
    ['not: of hidden is true', { not: { question: 'follow', equals: 'yes' } }, { gate: 'no', follow: 'yes' }, true],
    ['all: every one true', { all: [{ question: 'gate', equals: 'yes' }, { question: 'age', atLeast: 18 }] }, { gate: 'yes', age: 30 }, true],
    ['all: one false', { all: [{ question: 'gate', equals: 'yes' }, { question: 'age', atLeast: 18 }] }, { gate: 'yes', age: 12 }, false],
    ['all: one unanswered', { all: [{ question: 'gate', equals: 'yes' }, { question: 'age', atLeast: 18 }] }, { gate: 'yes' }, false],
    ['any: one true', { any: [{ question: 'gate', equals: 'yes' }, { question: 'age', atLeast: 18 }] }, { gate: 'no', age: 30 }, true],
    ['any: none true', { any: [{ question: 'gate', equals: 'yes' }, { question: 'age', atLeast: 18 }] }, { gate: 'no', age: 3 }, false],
    ['any: all unanswered', { any: [{ question: 'gate', equals: 'yes' }, { question: 'age', atLeast: 18 }] }, {}, false],
    ['nested: not any', { not: { any: [{ question: 'list', includes: 'a' }, { question: 'gate', equals: 'yes' }] } }, { list: ['b'], gate: 'no' }, true],
  ];

  it.each(rows)('%s', (_label, condition, answers, expected) => {
    expect(holds(condition, answers)).toBe(expected);
  });

  it('reads an answer given to a question that is not in the rule set as unanswered', () => {
    expect(holds({ question: 'gate', equals: 'yes' }, { 'not-a-question': 'yes' })).toBe(false);
  });

  it('does not count an invalid answer (out of range, unknown option)', () => {
    expect(holds({ question: 'age', atLeast: 100 }, { age: 500 })).toBe(false);
    expect(holds({ question: 'age', answered: true }, { age: 17.5 })).toBe(false);
    expect(holds({ question: 'gate', answered: true }, { gate: 'maybe' })).toBe(false);
    expect(holds({ question: 'list', includes: 'a' }, { list: ['a', 'none'] })).toBe(false);
  });
});

describe('visibility', () => {
  // chain: one → two (when one is yes) → three (when two is yes); last always.
  const chain = buildRuleSet(
    [
      yesNo('one'),
      yesNo('two', { question: 'one', equals: 'yes' }),
      yesNo('three', { question: 'two', equals: 'yes' }),
      yesNo('last'),
    ],
    [{ id: 'deep', tier: 'crisis', when: { question: 'three', equals: 'yes' } }],
  );

  it('shows a follow-up only when its condition holds', () => {
    expect(visibleQuestionIds(chain, {})).toEqual(['one', 'last']);
    expect(visibleQuestionIds(chain, { one: 'yes' })).toEqual(['one', 'two', 'last']);
    expect(visibleQuestionIds(chain, { one: 'yes', two: 'yes' })).toEqual(['one', 'two', 'three', 'last']);
  });

  it('hides a grandchild when its parent is hidden, even if the parent still has an answer', () => {
    const answers = { one: 'no', two: 'yes', three: 'yes' };
    expect(visibleQuestionIds(chain, answers)).toEqual(['one', 'last']);
    expect(isVisible(chain, 'three', answers)).toBe(false);
    expect(evaluate(chain, answers)).toEqual({ tier: 'candidate', fired: [] });
  });

  it('fires the deep rule once the whole chain is open', () => {
    expect(evaluate(chain, { one: 'yes', two: 'yes', three: 'yes' }).tier).toBe('crisis');
  });

  it('pruneHidden() drops answers to hidden questions and unknown ids, and keeps the rest', () => {
    expect(pruneHidden(chain, { one: 'no', two: 'yes', three: 'yes', last: 'no', other: 'x' })).toEqual({
      one: 'no',
      last: 'no',
    });
    expect(pruneHidden(chain, { one: 'yes', two: 'no', three: 'yes' })).toEqual({ one: 'yes', two: 'no' });
  });

  it('nextQuestionId() starts at the first question, skips hidden ones and ends with null', () => {
    expect(nextQuestionId(chain, {}, null)).toBe('one');
    expect(nextQuestionId(chain, { one: 'no' }, 'one')).toBe('last');
    expect(nextQuestionId(chain, { one: 'yes' }, 'one')).toBe('two');
    expect(nextQuestionId(chain, { one: 'yes', two: 'no' }, 'two')).toBe('last');
    expect(nextQuestionId(chain, { one: 'no', last: 'no' }, 'last')).toBeNull();
  });

  it('remainingAtMost() counts follow-ups until the answer that decides them is final', () => {
    // On "one", nothing is decided: two, three and last may all come.
    expect(remainingAtMost(chain, {}, null)).toBe(4);
    expect(remainingAtMost(chain, {}, 'one')).toBe(3);
    // Even with "no" already filled in (the patient came back), "one" is on
    // screen and may still change to yes: do not promise fewer questions.
    expect(remainingAtMost(chain, { one: 'no' }, 'one')).toBe(3);
    // Once past "one" with a no, two and three cannot appear without going back.
    expect(remainingAtMost(chain, { one: 'no' }, 'last')).toBe(0);
    // On "two" after one = yes, three is still open.
    expect(remainingAtMost(chain, { one: 'yes' }, 'two')).toBe(2);
    expect(remainingAtMost(chain, { one: 'yes', two: 'no' }, 'two')).toBe(2);
  });
});

describe('evaluate()', () => {
  const tiers = buildRuleSet(
    [yesNo('q1'), yesNo('q2'), yesNo('q3'), yesNo('q4')],
    [
      { id: 'review-a', tier: 'review', when: { question: 'q1', equals: 'yes' } },
      { id: 'not-suitable-a', tier: 'not-suitable', when: { question: 'q2', equals: 'yes' } },
      { id: 'review-b', tier: 'review', when: { question: 'q3', equals: 'yes' } },
      { id: 'crisis-a', tier: 'crisis', when: { question: 'q4', equals: 'yes' }, interrupt: true, reason: 'Call [988](tel:988).', source: 'ASQ toolkit' },
    ],
  );
  const all = { q1: 'yes', q2: 'yes', q3: 'yes', q4: 'yes' };

  it('is candidate with no fired rules when nothing fires', () => {
    expect(evaluate(tiers, { q1: 'no', q2: 'no', q3: 'no', q4: 'no' })).toEqual({ tier: 'candidate', fired: [] });
    expect(evaluate(tiers, {})).toEqual({ tier: 'candidate', fired: [] });
  });

  it('takes the most serious tier: crisis beats not-suitable beats review', () => {
    expect(evaluate(tiers, all).tier).toBe('crisis');
    expect(evaluate(tiers, { ...all, q4: 'no' }).tier).toBe('not-suitable');
    expect(evaluate(tiers, { q1: 'yes', q2: 'no', q3: 'yes' }).tier).toBe('review');
  });

  it('explains the outcome: fired rules most serious first, then in file order, with reason and source', () => {
    const { fired } = evaluate(tiers, all);
    expect(fired.map((rule) => rule.id)).toEqual(['crisis-a', 'not-suitable-a', 'review-a', 'review-b']);
    expect(fired[0]).toEqual({ id: 'crisis-a', tier: 'crisis', reason: 'Call [988](tel:988).', source: 'ASQ toolkit', interrupt: true });
    expect(fired[2]).toEqual({ id: 'review-a', tier: 'review', reason: 'Reason for review-a', source: 'Source for review-a', interrupt: false });
  });

  it('firedRules() keeps file order', () => {
    expect(firedRules(tiers, all).map((rule) => rule.id)).toEqual(['review-a', 'not-suitable-a', 'review-b', 'crisis-a']);
  });

  it('shouldInterrupt() is true only while an interrupting rule fires', () => {
    expect(shouldInterrupt(tiers, { q4: 'yes' })).toBe(true);
    expect(shouldInterrupt(tiers, { q1: 'yes', q2: 'yes' })).toBe(false);
  });

  it('orders tiers from most to least serious', () => {
    expect(['candidate', 'review', 'crisis', 'not-suitable'].sort((a, b) => tierRank(a as never) - tierRank(b as never))).toEqual([
      'crisis',
      'not-suitable',
      'review',
      'candidate',
    ]);
    expect(isAtLeast('crisis', 'not-suitable')).toBe(true);
    expect(isAtLeast('review', 'not-suitable')).toBe(false);
    expect(isAtLeast('candidate', 'candidate')).toBe(true);
  });
});

describe('isValidAnswer()', () => {
  const [age, half, gate, list] = buildRuleSet(
    [numberQ('age', 18, 120), numberQ('half', 0, 10, 0.5), yesNo('gate'), pickMany('list')],
    [{ id: 'r', tier: 'review', when: { question: 'gate', equals: 'yes' } }],
  ).questions as [Question, Question, Question, Question];

  // Each row: question, answer, expected, why.
  const rows: [Question, unknown, boolean, string][] = [
    [age, 18, true, 'the minimum'],
    [age, 120, true, 'the maximum'],
    [age, 17, false, 'below the range'],
    [age, 121, false, 'above the range'],
    [age, 30.5, false, 'off the default step of 1'],
    [age, Number.NaN, false, 'not a number'],
    [age, Number.POSITIVE_INFINITY, false, 'infinite'],
    [age, '30', false, 'a string for a number'],
    [half, 2.5, true, 'on a 0.5 step'],
    [half, 2.25, false, 'between 0.5 steps'],
    [gate, 'yes', true, 'a known option'],
    [gate, 'maybe', false, 'an unknown option'],
    [gate, ['yes'], false, 'a list for a single choice'],
    [list, ['a', 'c'], true, 'several options'],
    [list, ['none'], true, 'the exclusive option alone'],
    [list, ['a', 'none'], false, 'the exclusive option with another'],
    [list, [], false, 'nothing picked'],
    [list, ['a', 'a'], false, 'the same option twice'],
    [list, ['z'], false, 'an unknown option'],
    [list, 'a', false, 'a string for a multiple choice'],
  ];

  it.each(rows.map(([question, answer, expected, why]) => [`${question.id}: ${why} → ${expected}`, question, answer, expected] as const))(
    '%s',
    (_label, question, answer, expected) => {
      expect(isValidAnswer(question, answer as never)).toBe(expected);
    },
  );
});

describe('question ids that name Object.prototype keys', () => {
  // Ids are data. A question called "constructor" or "to-string" must behave like any other:
  // unanswered means unanswered, not "answered with Object.prototype.constructor".
  const rules = buildRuleSet(
    [yesNo('constructor'), yesNo('q2')],
    [
      { id: 'asked', tier: 'review', when: { question: 'constructor', answered: true } },
      { id: 'said-yes', tier: 'not-suitable', when: { question: 'constructor', equals: 'yes' } },
    ],
  );

  it('treats an unanswered "constructor" question as unanswered', () => {
    expect(evaluate(rules, {}).tier).toBe('candidate');
    expect(countedAnswers(rules, {})).toEqual({});
  });

  it('fires on a real answer to it', () => {
    expect(evaluate(rules, { constructor: 'yes' } as Record<string, string>).fired.map((r) => r.id)).toEqual(['said-yes', 'asked']);
  });
});
