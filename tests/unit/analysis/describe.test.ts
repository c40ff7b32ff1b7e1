import { describe, expect, it } from 'vitest';
import { describer } from '../../../src/analysis/describe.ts';
import type { Condition } from '../../../src/authoring/schema.ts';
import { multiple, number, rule, ruleSet, single } from '../../support/rule-set-builder.ts';

const set = ruleSet({
  questions: [
    number('age', 10, 110, { text: 'How old are you?' }),
    single('bp', ['low', 'high', 'crisis'], { text: 'Your last blood pressure?' }),
    multiple('meds', ['opioids', 'stimulants', 'none!'], { text: 'Do you take any of these?' }),
  ],
  rules: [rule('r', { question: 'bp', equals: 'crisis' }, 'crisis')],
});
const say = describer(set);

describe('describer().condition()', () => {
  it.each<[Condition, string]>([
    [{ question: 'bp', equals: 'crisis' }, '“Your last blood pressure?” is “Crisis”'],
    [{ question: 'bp', oneOf: ['low', 'high'] }, '“Your last blood pressure?” is “Low” or “High”'],
    [{ question: 'bp', noneOf: ['low'] }, '“Your last blood pressure?” is answered, and not “Low”'],
    [{ question: 'meds', includes: 'opioids' }, '“Do you take any of these?” includes “Opioids”'],
    [{ question: 'meds', includesAny: ['opioids', 'stimulants'] }, '“Do you take any of these?” includes any of “Opioids” or “Stimulants”'],
    [{ question: 'meds', noneOf: ['none'] }, '“Do you take any of these?” is answered, and includes none of “None”'],
    [{ question: 'age', lessThan: 18 }, '“How old are you?” is under 18 units'],
    [{ question: 'age', atMost: 17 }, '“How old are you?” is 17 units or less'],
    [{ question: 'age', greaterThan: 65 }, '“How old are you?” is over 65 units'],
    [{ question: 'age', atLeast: 65 }, '“How old are you?” is 65 units or more'],
    [{ question: 'age', answered: true }, '“How old are you?” is answered'],
    [{ question: 'age', answered: false }, '“How old are you?” is not answered'],
  ])('%j → %s', (condition, words) => {
    expect(say.condition(condition)).toBe(words.replace(' units', set.questions[0]!.type === 'number' ? ' units' : ''));
  });

  it('says that a negated test is also true when the question is not answered (engine semantics)', () => {
    expect(say.condition({ not: { question: 'bp', equals: 'crisis' } })).toBe('“Your last blood pressure?” is not “Crisis” (or not answered)');
    expect(say.condition({ not: { question: 'age', lessThan: 18 } })).toBe('“How old are you?” is 18 units or more (or not answered)');
    expect(say.condition({ not: { question: 'age', answered: true } })).toBe('“How old are you?” is not answered');
    expect(say.condition({ not: { question: 'meds', includes: 'opioids' } })).toBe(
      '“Do you take any of these?” does not include “Opioids” (or not answered)',
    );
  });

  it('joins all / any with and / or, brackets nested groups, and pushes not inside', () => {
    const condition: Condition = {
      all: [
        { question: 'bp', equals: 'high' },
        { any: [{ question: 'age', atLeast: 65 }, { question: 'meds', includes: 'stimulants' }] },
      ],
    };
    expect(say.condition(condition)).toBe(
      '“Your last blood pressure?” is “High” and (“How old are you?” is 65 units or more or “Do you take any of these?” includes “Stimulants”)',
    );
    expect(say.condition({ not: { all: [{ question: 'bp', equals: 'high' }, { question: 'age', atLeast: 65 }] } })).toBe(
      '“Your last blood pressure?” is not “High” (or not answered) or “How old are you?” is under 65 units (or not answered)',
    );
  });
});

describe('describer().answer()', () => {
  it('names answers by their labels and numbers with their unit', () => {
    expect(say.answer('bp', 'high')).toBe('“High”');
    expect(say.answer('meds', ['opioids', 'stimulants'])).toBe('“Opioids” and “Stimulants”');
    expect(say.answer('age', 17)).toBe('17 units');
  });
});
