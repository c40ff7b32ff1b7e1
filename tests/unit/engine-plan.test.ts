/**
 * The engine's prepared plan (src/core/engine.ts): fired rules are frozen records
 * shared between outcomes, answers from one call never count in the next, and
 * the option-bit shortcut for choice questions gives the same answers as the
 * plain tests where bits run out (past the 32nd option) or do not apply
 * (`noneOf` on a list, `answered: false`).
 */
import { describe, expect, it } from 'vitest';
import { evaluate, firedRules, remainingAtMost, type Answers } from '../../src/core/engine.ts';
import type { RuleSetInput } from '../../src/authoring/schema.ts';
import { buildRuleSet, pickMany, yesNo } from '../support/build-rule-set.ts';

type QuestionInput = RuleSetInput['questions'][number];

/** A choice question with options o0 … o39: more than one 32-bit mask can hold. */
function manyOptions(id: string, type: 'single-choice' | 'multiple-choice'): QuestionInput {
  return { id, text: `${id}?`, type, options: Array.from({ length: 40 }, (_, i) => ({ id: `o${i}`, label: `Option ${i}` })) };
}

const ids = (ruleSet: Parameters<typeof evaluate>[0], answers: Answers) => evaluate(ruleSet, answers).fired.map((rule) => rule.id);

describe('fired rules', () => {
  const rules = buildRuleSet(
    [yesNo('q1'), yesNo('q2')],
    [
      { id: 'crisis-q1', tier: 'crisis', when: { question: 'q1', equals: 'yes' }, interrupt: true, crisisHelp: 'medical' },
      { id: 'review-q2', tier: 'review', when: { question: 'q2', equals: 'yes' } },
    ],
  );

  it('are frozen: a caller cannot change what the next patient is told', () => {
    const [first] = evaluate(rules, { q1: 'yes' }).fired;
    expect(Object.isFrozen(first)).toBe(true);
    expect(() => {
      (first as { reason: string }).reason = 'Changed';
    }).toThrow(TypeError);
    expect(evaluate(rules, { q1: 'yes' }).fired[0]).toEqual({
      id: 'crisis-q1',
      tier: 'crisis',
      reason: 'Reason for crisis-q1',
      source: 'Source for crisis-q1',
      interrupt: true,
      crisisHelp: 'medical',
    });
  });

  it('are the same records from evaluate() and firedRules(), in their own orders, with crisisHelp only when set', () => {
    const outcome = evaluate(rules, { q1: 'yes', q2: 'yes' });
    const inFileOrder = firedRules(rules, { q1: 'yes', q2: 'yes' });
    expect(inFileOrder.map((rule) => rule.id)).toEqual(['crisis-q1', 'review-q2']);
    expect(outcome.fired[0]).toBe(inFileOrder[0]);
    expect('crisisHelp' in (outcome.fired[1] as object)).toBe(false);
    // The list itself is new each time, so a caller may sort or filter it.
    expect(evaluate(rules, { q1: 'yes', q2: 'yes' }).fired).not.toBe(outcome.fired);
  });
});

describe('one call after another', () => {
  const rules = buildRuleSet(
    [yesNo('gate'), yesNo('other'), pickMany('list', { question: 'gate', equals: 'yes' })],
    [
      { id: 'gate-yes', tier: 'review', when: { question: 'gate', equals: 'yes' } },
      { id: 'picked-a', tier: 'not-suitable', when: { question: 'list', includes: 'a' } },
    ],
  );

  it('keeps nothing: an answer from the last call never counts in the next', () => {
    expect(ids(rules, { gate: 'yes', list: ['a'] })).toEqual(['picked-a', 'gate-yes']);
    expect(ids(rules, {})).toEqual([]);
    expect(ids(rules, { gate: 'no', list: ['a'] })).toEqual([]); // list is hidden now
    // On `other`, the gate is decided: the list may still come only while the gate is yes.
    expect(remainingAtMost(rules, { gate: 'yes' }, 'other')).toBe(1);
    expect(remainingAtMost(rules, { gate: 'no' }, 'other')).toBe(0);
    expect(remainingAtMost(rules, {}, 'other')).toBe(0);
  });
});

describe('choice questions with more than 32 options', () => {
  const rules = buildRuleSet(
    [manyOptions('one', 'single-choice'), manyOptions('many', 'multiple-choice')],
    [
      { id: 'one-is-o33', tier: 'review', when: { question: 'one', equals: 'o33' } },
      { id: 'one-is-o0-or-o39', tier: 'review', when: { question: 'one', oneOf: ['o0', 'o39'] } },
      { id: 'many-has-o32', tier: 'review', when: { question: 'many', includes: 'o32' } },
      { id: 'many-has-o1-or-o35', tier: 'review', when: { question: 'many', includesAny: ['o1', 'o35'] } },
    ],
  );

  // Each row: answers, the rules that must fire. Options 0 and 1 share a 32-bit word with 32 and 33.
  it.each<[Answers, string[]]>([
    [{ one: 'o33' }, ['one-is-o33']],
    [{ one: 'o1' }, []],
    [{ one: 'o39' }, ['one-is-o0-or-o39']],
    [{ one: 'o7' }, []],
    [{ many: ['o32'] }, ['many-has-o32']],
    [{ many: ['o0'] }, []],
    [{ many: ['o35', 'o3'] }, ['many-has-o1-or-o35']],
    [{ many: ['o3'] }, []],
  ])('%j fires %j', (answers, fired) => {
    expect(ids(rules, answers)).toEqual(fired);
  });
});

describe('tests that hold without an answer, or on every option of a list', () => {
  const rules = buildRuleSet(
    [yesNo('q'), pickMany('list')],
    [
      { id: 'q-skipped', tier: 'review', when: { question: 'q', answered: false } },
      { id: 'list-without-b', tier: 'review', when: { question: 'list', noneOf: ['b'] } },
      { id: 'q-not-yes', tier: 'review', when: { question: 'q', noneOf: ['yes'] } },
    ],
  );

  it.each<[Answers, string[]]>([
    [{}, ['q-skipped']],
    [{ q: 'yes' }, []],
    [{ q: 'no' }, ['q-not-yes']],
    [{ list: ['a', 'b'] }, ['q-skipped']],
    [{ list: ['a', 'c'] }, ['q-skipped', 'list-without-b']],
    [{ list: ['b'] }, ['q-skipped']],
  ])('%j fires %j', (answers, fired) => {
    expect(ids(rules, answers)).toEqual(fired);
  });
});
