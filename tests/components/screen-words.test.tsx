/**
 * One description of each screen (src/core/screens.ts): the widget draws it
 * (widget/components/), the time estimate counts its words
 * (src/analysis/words.ts), the announcement and the sign-off sheet read it.
 * Rendered here with the default ketamine rules, in each of their languages,
 * every screen holds exactly the texts its description lists, in that order,
 * and exactly the words the estimate counts, so the two-minute figure
 * `screener check` reports is the one a patient reads.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { render } from '@testing-library/preact';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  countWords, crisisScreenWords, introWords, linesWords, questionWords, reasonWords, resultWords, screenTexts,
} from '../../src/analysis/words.ts';
import { evaluate, type Answers } from '../../src/core/engine.ts';
import { loadRuleSet } from '../../src/authoring/loader.ts';
import { parseText } from '../../src/core/text.ts';
import { ruleSetLanguages } from '../../src/core/rule-texts.ts';
import type { ScreenContent } from '../../src/core/screens.ts';
import { CrisisScreen } from '../../widget/components/crisis.tsx';
import { Intro } from '../../widget/components/intro.tsx';
import { QuestionScreen } from '../../widget/components/question.tsx';
import { ResultScreen } from '../../widget/components/result.tsx';
import { answersArb } from '../support/arbitraries.ts';
import { contentOf, viewFor } from './support.ts';

const loaded = loadRuleSet(readFileSync(resolve(process.cwd(), 'rules/ketamine.yaml'), 'utf8'), 'rules/ketamine.yaml');
if (!loaded.ok) throw new Error('rules/ketamine.yaml does not load');
const ruleSet = loaded.ruleSet;
const LANGUAGES = ruleSetLanguages(ruleSet);

afterEach(() => document.body.replaceChildren());

/** The text nodes on screen, in document order. */
function drawnTexts(container: Element): string[] {
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push(node.textContent ?? '');
  return parts;
}

/** Words on screen, counted as the estimate counts rule text (a token with a letter or a digit). */
function drawn(container: Element): number {
  // Text node by text node: blocks drawn side by side are separate words on screen.
  return countWords(drawnTexts(container).join(' '));
}

/** Holds the screen to its description: every listed text drawn, in the listed order, and no other words. */
function expectDrawnAsDescribed(container: Element, content: ScreenContent): void {
  const page = drawnTexts(container).join(' ').replace(/\s+/g, ' ');
  let from = 0;
  for (const text of screenTexts(content)) {
    const visible = parseText(text).map((part) => part.text).join('').replace(/\s+/g, ' ').trim();
    const at = page.indexOf(visible, from);
    expect(at, `"${visible}" drawn after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + visible.length;
  }
  expect(drawn(container)).toBe(screenTexts(content).reduce((sum, text) => sum + countWords(text), 0));
}

const ADULT: Answers = {
  age: 34, 'death-wish': 'no', 'suicide-attempt': 'no', antidepressants: 'two-or-more', 'mental-health': ['none'],
  pregnancy: ['none'], 'blood-pressure': 'under-140-90', health: ['none'], substances: ['none'], medicines: ['none'],
};

describe.each(LANGUAGES)('every screen holds the words the time estimate counts (rules/ketamine.yaml, %s)', (locale) => {
  const { view } = viewFor(ruleSet, { locale });

  it('the intro', () => {
    const content = contentOf(view, { kind: 'intro' });
    const { container } = render(<Intro view={view} content={content} />);
    expectDrawnAsDescribed(container, content);
    expect(drawn(container)).toBe(introWords(ruleSet, locale));
  });

  it.each(ruleSet.questions.map((q) => [q.id, q] as const))('the question %s', (_id, question) => {
    const content = contentOf(view, { kind: 'question', question, step: 3, total: 12 });
    const { container } = render(<QuestionScreen view={view} question={question} content={content} previous={undefined} error={undefined} />);
    expectDrawnAsDescribed(container, content);
    expect(drawn(container)).toBe(questionWords(ruleSet, question, locale));
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
    const content = contentOf(view, { kind: 'result', outcome });
    const { container } = render(<ResultScreen view={view} content={content} />);
    expectDrawnAsDescribed(container, content);
    const lines = crisisLines && !linesWords(ruleSet, outcome.tier, ids, locale);
    expect(drawn(container)).toBe(
      resultWords(ruleSet, outcome.tier, locale, lines) + reasonWords(ruleSet, outcome.tier, ids, locale) + linesWords(ruleSet, outcome.tier, ids, locale),
    );
  });

  it('the crisis screen an interrupt shows', () => {
    const outcome = { ...evaluate(ruleSet, { ...ADULT, 'suicide-attempt': 'past-3-months' }), crisisLines: true };
    const content = contentOf(view, { kind: 'crisis', outcome });
    const { container } = render(<CrisisScreen view={view} content={content} />);
    expectDrawnAsDescribed(container, content);
    expect(drawn(container)).toBe(crisisScreenWords(ruleSet, locale, outcome.fired.filter((rule) => rule.interrupt).map((rule) => rule.id)));
  });

  it('any answers: the result and the crisis screen hold their description, and the estimate prices the result as drawn', () => {
    fc.assert(
      fc.property(answersArb(ruleSet), fc.boolean(), (answers, crisisLines) => {
        const outcome = { ...evaluate(ruleSet, answers), crisisLines };
        const ids = outcome.fired.map((rule) => rule.id);
        for (const kind of ['result', 'crisis'] as const) {
          const content = contentOf(view, { kind, outcome });
          const { container, unmount } = render(
            content.kind === 'result' ? <ResultScreen view={view} content={content} /> : <CrisisScreen view={view} content={content as ScreenContent & { kind: 'crisis' }} />,
          );
          expectDrawnAsDescribed(container, content);
          if (kind === 'result' && outcome.tier !== 'crisis') {
            const lines = crisisLines && !linesWords(ruleSet, outcome.tier, ids, locale);
            expect(drawn(container)).toBe(
              resultWords(ruleSet, outcome.tier, locale, lines) + reasonWords(ruleSet, outcome.tier, ids, locale) + linesWords(ruleSet, outcome.tier, ids, locale),
            );
          }
          unmount();
        }
      }),
      { numRuns: 60 },
    );
  });
});
