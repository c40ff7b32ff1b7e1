import { describe, expect, it } from 'vitest';
import { answerClasses, TooManyClassesError } from '../../../src/analysis/answer-classes.ts';
import { multiple, number, rule, ruleSet, single } from '../../support/rule-set-builder.ts';

const answersOf = (set: ReturnType<typeof ruleSet>, id: string) => answerClasses(set).get(id)!.map((c) => c.answer);

describe('answerClasses()', () => {
  it('gives each option a rule names its own class, and folds the unnamed ones into one', () => {
    const set = ruleSet({
      questions: [single('bp', ['low', 'high', 'crisis', 'unknown'])],
      rules: [
        rule('high', { question: 'bp', oneOf: ['high', 'unknown'] }, 'review'),
        rule('crisis', { question: 'bp', equals: 'crisis' }, 'crisis'),
      ],
    });
    const classes = answerClasses(set).get('bp')!;
    expect(classes.map((c) => c.members)).toEqual([
      { kind: 'options', options: ['low'] },
      { kind: 'options', options: ['high', 'unknown'] },
      { kind: 'options', options: ['crisis'] },
    ]);
  });

  it('splits a number range at every threshold, each class shown by its value next to the threshold', () => {
    const set = ruleSet({
      questions: [number('age', 10, 110)],
      rules: [
        rule('minor', { question: 'age', lessThan: 18 }, 'not-suitable'),
        rule('older', { question: 'age', greaterThan: 65 }, 'review'),
        rule('exactly', { question: 'age', atLeast: 65 }, 'review'),
      ],
    });
    expect(answerClasses(set).get('age')!.map((c) => c.members)).toEqual([
      { kind: 'range', from: 10, to: 17 },
      { kind: 'range', from: 18, to: 64 },
      { kind: 'range', from: 65, to: 65 },
      { kind: 'range', from: 66, to: 110 },
    ]);
    expect(answersOf(set, 'age')).toEqual([17, 18, 65, 66]);
  });

  it('keeps number classes on the step and skips intervals the step leaves empty', () => {
    // Step 5 from 0: nothing lies in (11, 14], so "over 11 and 14 or less" is no class.
    const set = ruleSet({
      questions: [number('dose', 0, 30, { step: 5 })],
      rules: [
        rule('a', { question: 'dose', greaterThan: 11 }, 'review'),
        rule('b', { question: 'dose', greaterThan: 14 }, 'review'),
      ],
    });
    expect(answersOf(set, 'dose')).toEqual([10, 15]);
    expect(answerClasses(set).get('dose')!.map((c) => c.members)).toEqual([
      { kind: 'range', from: 0, to: 10 },
      { kind: 'range', from: 15, to: 30 },
    ]);
  });

  it('gives a number no test reads one class, shown by a middle value', () => {
    const set = ruleSet({ questions: [number('age', 10, 110), single('q', ['a', 'b'])], rules: [rule('r', { question: 'q', equals: 'a' }, 'review')] });
    expect(answersOf(set, 'age')).toEqual([60]);
  });

  it('lists multiple-choice subsets of named options, folds unnamed ones, and never pairs an exclusive option', () => {
    const set = ruleSet({
      questions: [multiple('meds', ['opioids', 'stimulants', 'vitamins', 'none!'])],
      rules: [
        rule('opioids', { question: 'meds', includes: 'opioids' }, 'review'),
        rule('stimulants', { question: 'meds', includes: 'stimulants' }, 'review'),
      ],
    });
    // "vitamins" and "none" are named by no test: one class, shown as "None of these".
    expect(answersOf(set, 'meds')).toEqual([['none'], ['opioids'], ['stimulants'], ['opioids', 'stimulants']]);
  });

  it('treats an exclusive option a test names as a class of its own, alone', () => {
    const set = ruleSet({
      questions: [multiple('meds', ['opioids', 'none!'])],
      rules: [rule('any', { question: 'meds', noneOf: ['none'] }, 'review')],
    });
    // "opioids" is named by no test: it stands for every answer without "none".
    expect(answersOf(set, 'meds')).toEqual([['opioids'], ['none']]);
  });

  it('moves options that the same tests name together as one group', () => {
    const set = ruleSet({
      questions: [multiple('health', ['aneurysm', 'bleed', 'avm', 'liver', 'none!'])],
      rules: [
        rule('vascular', { question: 'health', includesAny: ['aneurysm', 'bleed', 'avm'] }, 'not-suitable'),
        rule('liver', { question: 'health', includes: 'liver' }, 'review'),
      ],
    });
    expect(answersOf(set, 'health')).toEqual([['none'], ['aneurysm'], ['liver'], ['aneurysm', 'liver']]);
  });

  it('refuses, with a clear message, a question with more option groups than it will list', () => {
    const ids = Array.from({ length: 17 }, (_, i) => `o${i}`);
    const set = ruleSet({
      questions: [multiple('many', [...ids, 'none!'])],
      rules: ids.map((id) => rule(`r-${id}`, { question: 'many', includes: id }, 'review')),
    });
    expect(() => answerClasses(set)).toThrow(TooManyClassesError);
    expect(() => answerClasses(set)).toThrow(/question "many" has 131072 groups.*includesAny/);
    try {
      answerClasses(set);
    } catch (error) {
      expect((error as TooManyClassesError).toFinding(set)).toMatchObject({ code: 'too-many-classes', severity: 'error', path: ['questions', 0] });
    }
  });
});
