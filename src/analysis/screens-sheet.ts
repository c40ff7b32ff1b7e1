/**
 * The sign-off sheet's "What each screen shows": the screens every patient
 * may see besides the questions — the intro, the crisis screen an interrupt
 * shows, each result — printed from the same description the widget draws
 * (`describeScreen` in src/core/screens.ts), every language side by side.
 * The reasons and the crisis lines a result adds are in the Rules table.
 */
import { describeScreen, type Screen } from '../core/screens.ts';
import { TIERS } from '../core/vocabulary.ts';
import type { RuleSet } from '../authoring/schema.ts';
import { screenParts, wordsFor } from './words.ts';

/** Escapes text for a Markdown table cell (the sheet's own escaping is passed in, to keep one). */
type Cell = (text: string) => string;

const SCREENS: readonly { title: string; screen: Screen }[] = [
  { title: 'Intro', screen: { kind: 'intro' } },
  {
    title: 'Crisis screen (an answer that stops the questions; the rules behind it say their text first)',
    screen: { kind: 'crisis', outcome: { tier: 'crisis', fired: [], crisisLines: true } },
  },
  ...TIERS.map((tier) => ({
    title: `Result: ${tier}${tier === 'crisis' ? '' : ' (the crisis lines below it when a rule shows them)'}`,
    screen: { kind: 'result', outcome: { tier, fired: [], crisisLines: false } } as Screen,
  })),
];

/**
 * Markdown lines for the section, one table per screen with a column per language.
 *
 * @example
 * screensSection(ruleSet, ['en', 'es'], tableCell).join('\n') // '## What each screen shows\n…'
 */
export function screensSection(ruleSet: RuleSet, languages: readonly string[], cell: Cell): string[] {
  const out = ['## What each screen shows', ''];
  out.push(
    'Every text on each screen, in the order the widget draws it (and each crisis resource\'s link target), from the one description the widget, the time estimate and the screen-reader announcement also read. A question screen shows the progress line, the question, its help, the unit and the range of a number (or "Choose all that apply." and the options), Back and Continue.',
    '',
  );
  for (const { title, screen } of SCREENS) {
    const columns = languages.map((lang) => screenParts(describeScreen(ruleSet, screen, wordsFor(ruleSet, lang)), true));
    out.push(`### ${title}`, '', `| Part | ${languages.map((lang) => `\`${lang}\``).join(' | ')} |`, `|---|${languages.map(() => '---|').join('')}`);
    columns[0]!.forEach(({ part }, row) => {
      out.push(`| ${part} | ${columns.map((parts) => cell(parts[row]?.text ?? '')).join(' | ')} |`);
    });
    out.push('');
  }
  return out;
}
