import { describe, expect, it } from 'vitest';
import { estimateTime } from '../../../src/analysis/estimate.ts';
import { countWords } from '../../../src/analysis/words.ts';
import { number, rule, ruleSet, single } from '../../support/rule-set-builder.ts';

// Word counts by hand. The builder's filler texts are one word each:
//   intro screen: Intro, Welcome, Start + notices Adults, Advice, Private, Emergency = 7
//   every question screen adds the widget's own words: "Question 1 of about 3" (5), Back, Continue = 7,
//     and a number question its range hint "Enter a number from 0 to 10." (7)
//   result (not crisis): Title, Body, Action, Advice, Emergency = 5, + Back, "Start again",
//     "Screening rules version 1.0.0" = 7, + "Save my answers", "Print" and the privacy line "The file holds
//     your health answers. Keep it private; on a shared computer, delete it." (3 + 1 + 15 = 19) = 31;
//     reasons shown add "What a clinician will want to talk about" (8) + 1 each
//   crisis help: Help, Call, Emergency, Line, Always, Call = 6; crisis result: Title, Body, Action, Advice + 6 + 7 + 19 = 36
const questions = [
  single('q1', ['a', 'b'], { text: 'How are you today?' }), // 4 + A, B + 7 = 13
  number('q2', 0, 10, { text: 'Pick a number', help: 'Any whole number.' }), // 3 + 3 + "units" + 7 + 7 = 21
  single('q3', ['yes', 'no'], { text: 'Follow up?', showIf: { question: 'q1', equals: 'b' } }), // 2 + Yes, No + 7 = 11
];

describe('estimateTime()', () => {
  it('prices the typical and the longest path from hand-counted words', () => {
    const set = ruleSet({ questions, rules: [rule('follow-up', { question: 'q3', equals: 'yes' }, 'review')] });
    const estimate = estimateTime(set);
    // Typical: q1 = a skips q3. 7 + 13 + 21 + 31 = 72 words, 2 answers: 72 / 200 × 60 + 3 × 2 = 27.6 s.
    expect(estimate.typical).toMatchObject({ screens: 4, answers: 2, words: 72, seconds: 27.6, tier: 'candidate' });
    expect(estimate.typical!.steps).toEqual([
      { kind: 'answer', question: 'q1', answer: 'a' },
      { kind: 'answer', question: 'q2', answer: 5 },
    ]);
    // Longest: q1 = b, q3 = yes: 7 + 13 + 21 + 11 + 31 + 8 + 1 reason = 92 words, 3 answers: 27.6 + 9 = 36.6 s.
    expect(estimate.longest).toMatchObject({ screens: 5, answers: 3, words: 92, seconds: 36.6, tier: 'review' });
    expect(estimate.maxAnsweredScreens).toBe(3);
    expect(estimate.findings).toEqual([]);
  });

  it('breaks the typical path down screen by screen: words and seconds each', () => {
    const set = ruleSet({ questions, rules: [rule('follow-up', { question: 'q3', equals: 'yes' }, 'review')] });
    // Hand counts as above: 7 (intro), 13 (q1), 21 (q2), 31 (result); 3 s for each answered screen.
    expect(estimateTime(set).typical!.perScreen).toEqual([
      { kind: 'intro', words: 7, seconds: 2.1 },
      { kind: 'question', question: 'q1', words: 13, seconds: 6.9 },
      { kind: 'question', question: 'q2', words: 21, seconds: 9.3 },
      { kind: 'result', tier: 'candidate', words: 31, seconds: 9.3 },
    ]);
  });

  it('counts the crisis screen a patient passes with "Continue", and the crisis result', () => {
    const set = ruleSet({
      questions,
      rules: [
        rule('follow-up', { question: 'q3', equals: 'yes' }, 'review'),
        rule('nine', { question: 'q2', atLeast: 9 }, 'crisis', { interrupt: true }),
      ],
    });
    // q1 = b, q2 = 9: the crisis screen is the help (6), the reason of "nine" (1), Back and
    // "Continue the assessment" (4) = 11; Continue, q3, the crisis result with "nine" on top (36 + 1):
    // 7 + 13 + 21 + 11 + 11 + 37 = 100 words; 30 + 9 = 39 s. The review reason is not listed on a crisis result.
    const { longest } = estimateTime(set);
    expect(longest).toMatchObject({ screens: 6, answers: 3, words: 100, seconds: 39, tier: 'crisis' });
    expect(longest!.steps.map((s) => s.kind)).toEqual(['answer', 'answer', 'continue', 'answer']);
  });

  it('warns when the typical path takes more than 120 seconds', () => {
    const long = Array.from({ length: 380 }, () => 'word').join(' ');
    const set = ruleSet({
      questions: [single('q1', ['a', 'b'], { text: long })],
      rules: [rule('r', { question: 'q1', equals: 'b' }, 'review')],
    });
    const { typical, findings } = estimateTime(set);
    // 7 + (380 + 2 + 7) + 31 = 427 words: 128.1 s + 3 s.
    expect(typical!.seconds).toBe(131.1);
    expect(findings.map((f) => [f.code, f.severity])).toEqual([['slow-typical-path', 'warning']]);
    expect(findings[0]!.message).toContain('about 131.1 seconds (427 words at 200 a minute plus 3 seconds for each of 1 answers)');
  });

  it('warns when a path asks more than 12 questions', () => {
    const many = Array.from({ length: 13 }, (_, i) => single(`q${i}`, ['a', 'b']));
    const set = ruleSet({ questions: many, rules: [rule('r', { question: 'q0', equals: 'b' }, 'review')] });
    const estimate = estimateTime(set);
    expect(estimate.maxAnsweredScreens).toBe(13);
    expect(estimate.findings.map((f) => f.code)).toEqual(['too-many-screens']);
  });

  it("reads the locale asked for, falling back to the rule set's own", () => {
    const set = ruleSet({
      questions: [single('q1', ['a', 'b'], { text: 'One' })],
      rules: [rule('r', { question: 'q1', equals: 'b' }, 'review')],
    });
    const spanish = ruleSet({
      questions: [{ ...single('q1', ['a', 'b']), text: { en: 'One', es: 'Uno dos tres' } }],
      rules: [rule('r', { question: 'q1', equals: 'b' }, 'review')],
    });
    expect(estimateTime(set).typical!.words).toBe(estimateTime(spanish).typical!.words);
    // In Spanish the question has two words more, and the widget's own words are Spanish too.
    const spelledOut = ruleSet({
      questions: [single('q1', ['a', 'b'], { text: 'Uno dos tres' })],
      rules: [rule('r', { question: 'q1', equals: 'b' }, 'review')],
    });
    expect(estimateTime(spanish, 'es').typical!.words).toBe(estimateTime(spelledOut, 'es').typical!.words);
    expect(estimateTime(spelledOut, 'en').typical!.words).toBe(estimateTime(set).typical!.words + 2);
  });
});

describe('countWords()', () => {
  it.each([
    ['Call [988](tel:988) *now*, please.', 4],
    ['180/120 or higher', 3],
    ['Pregnant — or trying', 3],
    ['  ', 0],
  ])('%j has %i words', (text, words) => {
    expect(countWords(text)).toBe(words);
  });
});
