/**
 * The sign-off sheet prints what each screen shows from the widget's own
 * description of it (src/core/screens.ts), every language side by side.
 */
import { describe, expect, it } from 'vitest';
import { tableCell } from '../../src/analysis/markdown.ts';
import { screensSection } from '../../src/analysis/screens-sheet.ts';
import { screenTexts, wordsFor } from '../../src/analysis/words.ts';
import { describeScreen } from '../../src/core/screens.ts';
import { loadRules } from '../support/load-rules.ts';

const ruleSet = loadRules('ketamine');
const section = screensSection(ruleSet, ['en', 'es'], tableCell);

describe('the sheet\'s "What each screen shows"', () => {
  it('puts each text beside its translation, the widget\'s own words included', () => {
    expect(section).toContain('| start | Start | Comenzar |');
    expect(section).toContain('| next | Start again | Empezar de nuevo |');
    expect(section).toContain('| next | Continue the assessment | Seguir con la evaluación |');
  });

  it('prints every text of the intro, the crisis screen and each result, in screen order', () => {
    for (const screen of [
      { kind: 'intro' as const },
      { kind: 'result' as const, outcome: { tier: 'review' as const, fired: [], crisisLines: false } },
      { kind: 'crisis' as const, outcome: { tier: 'crisis' as const, fired: [], crisisLines: true } },
    ]) {
      const texts = screenTexts(describeScreen(ruleSet, screen, wordsFor(ruleSet, 'es')));
      let from = 0;
      for (const text of texts) {
        const at = section.findIndex((line, i) => i >= from && line.includes(tableCell(text)));
        expect(at, text).toBeGreaterThanOrEqual(from);
        from = at;
      }
    }
  });

  it('shows a crisis resource\'s link target in each language', () => {
    expect(section.join('\n')).toMatch(/\| help\.resources\.href \| [^|]*988[^|]* \| [^|]*988[^|]* \|/);
  });
});
