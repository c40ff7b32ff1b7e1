/**
 * The time estimate counts the words of each screen in src/analysis/words.ts;
 * the widget draws the screens in widget/components/. Rendered here with the
 * default ketamine rules, every screen holds exactly the words the estimate
 * counts, so the two-minute figure `screener check` reports is the one a
 * patient reads.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { countWords, crisisScreenWords, introWords, linesWords, questionWords, reasonWords, resultWords } from '../../src/analysis/words.ts';
import { evaluate, type Answers } from '../../src/core/engine.ts';
import { loadRuleSet } from '../../src/authoring/loader.ts';
import { CrisisScreen } from '../../widget/components/crisis.tsx';
import { Intro } from '../../widget/components/intro.tsx';
import { QuestionScreen } from '../../widget/components/question.tsx';
import { ResultScreen } from '../../widget/components/result.tsx';
import { viewFor } from './support.ts';

const loaded = loadRuleSet(readFileSync(resolve(process.cwd(), 'rules/ketamine.yaml'), 'utf8'), 'rules/ketamine.yaml');
if (!loaded.ok) throw new Error('rules/ketamine.yaml does not load');
const ruleSet = loaded.ruleSet;
const { view } = viewFor(ruleSet);

afterEach(() => document.body.replaceChildren());

/** Words on screen, counted as the estimate counts rule text (a token with a letter or a digit). */
function drawn(container: Element): number {
  // Text node by text node: blocks drawn side by side are separate words on screen.
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push(node.textContent ?? '');
  return countWords(parts.join(' '));
}

const ADULT: Answers = {
  age: 34, 'death-wish': 'no', 'suicide-attempt': 'no', antidepressants: 'two-or-more', 'mental-health': ['none'],
  pregnancy: ['none'], 'blood-pressure': 'under-140-90', health: ['none'], substances: ['none'], medicines: ['none'],
};

describe('every screen holds the words the time estimate counts (rules/ketamine.yaml)', () => {
  it('the intro', () => {
    const { container } = render(<Intro view={view} />);
    expect(drawn(container)).toBe(introWords(ruleSet, 'en'));
  });

  it.each(ruleSet.questions.map((q) => [q.id, q] as const))('the question %s', (_id, question) => {
    const { container } = render(<QuestionScreen view={view} question={question} step={3} total={12} previous={undefined} error={undefined} />);
    expect(drawn(container)).toBe(questionWords(ruleSet, question, 'en'));
  });

  const results: Array<[string, Answers, boolean]> = [
    ['candidate', ADULT, false],
    ['review with several reasons', { ...ADULT, antidepressants: 'one', medicines: ['opioids', 'bp-medicine'] }, false],
    ['review with the crisis lines', { ...ADULT, 'suicide-attempt': 'longer-ago', 'suicide-now': 'no', 'suicide-plan': 'no' }, true],
    ['not-suitable', { ...ADULT, pregnancy: ['pregnant'] }, false],
    ['a candidate whose earlier answer showed the lines', ADULT, true],
    ['a crisis result', { ...ADULT, 'death-wish': 'yes', 'suicide-now': 'yes', 'suicide-plan': 'no' }, true],
  ];
  it.each(results)('the result: %s', (_name, answers, crisisLines) => {
    const outcome = { ...evaluate(ruleSet, answers), crisisLines };
    const ids = outcome.fired.map((rule) => rule.id);
    const { container } = render(<ResultScreen view={view} outcome={outcome} />);
    const lines = crisisLines && !linesWords(ruleSet, outcome.tier, ids, 'en');
    expect(drawn(container)).toBe(
      resultWords(ruleSet, outcome.tier, 'en', lines) + reasonWords(ruleSet, outcome.tier, ids, 'en') + linesWords(ruleSet, outcome.tier, ids, 'en'),
    );
  });

  it('the crisis screen an interrupt shows', () => {
    const outcome = { ...evaluate(ruleSet, { ...ADULT, 'suicide-attempt': 'past-3-months' }), crisisLines: true };
    const { container } = render(<CrisisScreen view={view} outcome={outcome} />);
    expect(drawn(container)).toBe(crisisScreenWords(ruleSet, 'en', outcome.fired.filter((rule) => rule.interrupt).map((rule) => rule.id)));
  });
});
