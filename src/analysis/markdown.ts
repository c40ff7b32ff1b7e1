/**
 * The sign-off sheet (`rules/<name>.md`): what a clinical lead reads and
 * signs. Title, version and sign-off; the flow as a Mermaid diagram; every
 * question; every rule with its condition in words, tier, patient-facing
 * reason and source; what each screen shows (the start screen, the crisis
 * screen, each result), printed from the widget's own description of it
 * (src/core/screens.ts); every invariant. Every text a patient reads is shown in every
 * language the file is written in, side by side (one column a language), and
 * a missing translation says so instead of showing the fallback as if it
 * were the translation. Deterministic (no dates, no timing), so a test can
 * keep the committed sheet in step with the rule file.
 */
import { showsCrisisLines } from '../core/crisis-help.ts';
import { own } from '../core/own.ts';
import { ruleSetLanguages } from '../core/rule-texts.ts';
import { resolveText, type Text } from '../core/text.ts';
import { TIERS } from '../core/vocabulary.ts';
import type { RuleSet } from '../authoring/schema.ts';
import { describer } from './describe.ts';
import { promiseOf } from './format.ts';
import { ruleSetToMermaid } from './mermaid.ts';
import { screenParts } from './words.ts';
import { describeScreen, type Screen } from '../core/screens.ts';
import { uiStrings } from '../core/ui-strings.ts';
import type { PathGraph } from './path-graph.ts';
import type { InvariantResult } from './prove.ts';
import type { CasesData, TimeData } from './check-steps.ts';
import type { PathEstimate } from './estimate.ts';
import { signOffState } from './sign-off.ts';

/** Options for {@link ruleSetToMarkdown}. */
export interface MarkdownOptions {
  /** The rule file's path as the reader knows it, e.g. 'rules/ketamine.yaml'. */
  file?: string;
  locale?: string;
  /** When given, the invariants table gets a "Proven" column. */
  proofs?: readonly Pick<InvariantResult, 'id' | 'status'>[];
  /** What `screener check` found, for the sheet's "Check results" (`screener graph` runs it). */
  check?: SheetCheck;
  /** The plain path graph, when the caller already built it. */
  graph?: PathGraph;
}

/** The parts of a check the sheet prints (the data of `screener check`'s steps). */
export interface SheetCheck {
  /** The one-line summary: errors, warnings, cases, invariants. */
  summary: string;
  cases?: CasesData | undefined;
  time?: TimeData | undefined;
}

/**
 * Escapes text for one cell of a Markdown table.
 *
 * @example
 * tableCell('a | b') // 'a \\| b'
 */
export function tableCell(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;');
}

/**
 * Escapes rule text for one cell of a Markdown table, keeping its paragraph
 * breaks (the widget shows a blank line as a new paragraph) as `<br><br>`.
 *
 * @example
 * textCell('One.\n\nTwo | three') // 'One.<br><br>Two \\| three'
 */
export function textCell(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map(tableCell)
    .filter((paragraph) => paragraph !== '')
    .join('<br><br>');
}

/** A language's name in English with its code, for a column heading: `Spanish (es)`. */
export function languageName(lang: string): string {
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames(['en'], { type: 'language' }).of(lang);
  } catch {
    name = undefined;
  }
  return name && name !== lang ? `${name} (${lang})` : lang;
}

/**
 * One cell a language for a patient text: the text in that language; a plain
 * string (the same in every language) in each; for a map that lacks the
 * language, **missing** and the language patients then read instead.
 */
function languageCells(value: Text, languages: readonly string[], fallback: string, format: (text: string) => string = textCell): string[] {
  return languages.map((lang) => {
    const text = inLanguage(value, lang, fallback);
    return text.startsWith(MISSING) ? missingNote(text) : format(text);
  });
}

/** Marks a text missing in a language; the rest names the language patients see instead. */
const MISSING = '\u{E000}missing:';

/**
 * A text in one language as the sheet shows it: a plain string is the same
 * in every language; a map lacking the language gives the {@link MISSING}
 * mark and the language patients then read instead.
 */
function inLanguage(value: Text, lang: string, fallback: string): string {
  if (typeof value === 'string') return value;
  const text = own(value, lang);
  if (text !== undefined) return text;
  return `${MISSING}${own(value, fallback) !== undefined ? fallback : (Object.keys(value)[0] ?? '')}`;
}

function missingNote(marked: string): string {
  const shown = marked.slice(MISSING.length);
  return `**missing**${shown ? ` (patients see the ${shown} text)` : ''}`;
}

/** What the sheet calls each part of a screen's description (src/core/screens.ts). */
const PART_NAMES: Readonly<Record<string, string>> = {
  title: 'Title',
  body: 'Text',
  notices: 'Notice',
  start: 'Start button',
  reasons: 'What the rules behind it say',
  intro: 'Introduction',
  emergency: 'Emergency line',
  reasonsTitle: 'Heading of the reasons (the reasons are in the Rules table)',
  action: 'Link to the clinic (when the clinic set one)',
  back: 'Back button',
  next: 'Next button',
  version: 'Rules version line',
};

const RESOURCE_PARTS: Readonly<Record<string, string>> = { name: 'name', detail: 'detail', href: 'link opens', linkLabel: 'link label' };

/** The first cell of a screen part's row: `Crisis help: Title`, `Crisis line 2: link opens`. */
function partName(part: string): string {
  const line = /resources\.(\d+)\.(\w+)$/.exec(part);
  if (line) return `Crisis line ${line[1]}: ${RESOURCE_PARTS[line[2]!] ?? line[2]}`;
  const key = part.replace(/^(help|lines)\./, '');
  const name = own(PART_NAMES, key) ?? key;
  return key === part ? name : `${part.startsWith('lines.') ? 'Crisis help below' : 'Crisis help'}: ${name}`;
}

/** The screens besides the questions that the sheet prints, as the widget describes them. */
const SHEET_SCREENS: readonly { title: string; screen: Screen }[] = [
  { title: 'Start screen', screen: { kind: 'intro' } },
  {
    title: 'Crisis screen (an answer that stops the questions; the rules behind it say their text first)',
    screen: { kind: 'crisis', outcome: { tier: 'crisis', fired: [], crisisLines: true } },
  },
  ...TIERS.map((tier) => ({
    title:
      tier === 'crisis'
        ? 'Result: crisis (titled "seek medical care now" when only a medical rule fired, as here)'
        : `Result: ${tier} (the reasons it lists are in the Rules table; the crisis help below it when a rule shows the crisis lines)`,
    screen: { kind: 'result', outcome: { tier, fired: [], crisisLines: false } } as Screen,
  })),
];

/**
 * The sign-off sheet as Markdown.
 *
 * `screener graph rules/ketamine.yaml` writes
 * `ruleSetToMarkdown(ruleSet, { file: 'rules/ketamine.yaml' })` to `rules/ketamine.md`.
 *
 * @example
 * const sheet = ruleSetToMarkdown(ruleSet, { file: 'rules/ketamine.yaml' });
 * sheet.includes('```mermaid') // true
 */
export function ruleSetToMarkdown(ruleSet: RuleSet, options: MarkdownOptions = {}): string {
  const locale = options.locale ?? ruleSet.locale;
  const text = (value: Text) => resolveText(value, locale, ruleSet.locale);
  const say = describer(ruleSet, locale);
  const out: string[] = [];
  const languages = ruleSetLanguages(ruleSet);
  const several = languages.length > 1;
  const cells = (value: Text, format?: (text: string) => string) => languageCells(value, languages, ruleSet.locale, format);
  const row = (columns: readonly string[]) => `| ${columns.join(' | ')} |`;
  const head = (columns: readonly string[]) => [row(columns), row(columns.map(() => '---')).replace(/ /g, '')];
  const languageHeads = languages.map(languageName);
  /** A table of texts: a label column, then one column a language. */
  const textTable = (label: string, rows: readonly (readonly [string, Text | undefined])[]) => {
    out.push(...head([label, ...languageHeads]));
    for (const [name, value] of rows) if (value !== undefined) out.push(row([name, ...cells(value)]));
    out.push('');
  };

  out.push(`# ${tableCell(text(ruleSet.title))}`, '');
  out.push(`- Rule set: \`${ruleSet.id}\`, version **${ruleSet.version}**`);
  out.push(`- Clinical sign-off: ${tableCell(ruleSet.signOff.reviewedBy)}, ${ruleSet.signOff.reviewedOn}`);
  const sign = signOffState(ruleSet);
  const { hash } = sign;
  out.push(
    `- Review hash: \`${hash}\` — ${
      sign.state === 'signed'
        ? 'signed with `screener sign` for exactly this content.'
        : sign.state === 'changed'
          ? `**changed since it was signed** (signed for \`${sign.signedFor}\`): it needs a new review.`
          : 'not yet signed: the reviewer signs it with `npx screener sign` (see "Sign-off" at the end).'
    }`,
  );
  out.push(
    several
      ? `- Languages: ${languages.map(languageName).join(', ')}. Every text a patient reads is shown in each, side by side; a translation that is missing says **missing**, with the language patients see instead. The flow and the conditions quote the ${languageName(locale)} texts.`
      : `- Language: ${languageName(languages[0] ?? locale)}.`,
  );
  if (options.file) out.push(`- Generated from \`${options.file}\` by \`screener graph\`. Edit the rule file, not this sheet.`);
  out.push('');

  out.push('## Flow', '');
  out.push(
    'Questions in the order patients see them; an arrow is a move some answers make. A labelled arrow is a branch: the next question is asked only when its condition holds. A dotted arrow to the result is a crisis answer that stops the questions at once (the patient may then continue). Hexagons are rules, hung on the question after which they are decided; red is crisis, amber not suitable, blue review. A dashed question is never shown.',
    '',
  );
  out.push('```mermaid', ruleSetToMermaid(ruleSet, locale, options.graph), '```', '');

  textTable('The assessment', [['Title (the popup dialog\'s name)', ruleSet.title]]);

  out.push('## Questions', '');
  if (several) {
    out.push('Each question, then its help, unit or answers, one row each, in every language.', '');
    out.push(...head(['#', 'Text', ...languageHeads, 'Asked when']));
    ruleSet.questions.forEach((question, i) => {
      const when = question.showIf ? say.condition(question.showIf) : 'always';
      const kind =
        question.type === 'number'
          ? `a number from ${question.min} to ${question.max}${question.step && question.step !== 1 ? ` in steps of ${question.step}` : ''}`
          : question.type === 'multiple-choice'
            ? 'one or more answers'
            : 'one answer';
      out.push(row([`${i + 1} \`${question.id}\``, `question (${kind})`, ...cells(question.text), tableCell(when)]));
      const help = own(question, 'help');
      if (help !== undefined) out.push(row(['', 'help', ...cells(help), '']));
      if (question.type === 'number') out.push(row(['', 'unit', ...cells(question.unit), '']));
      else
        for (const option of question.options)
          out.push(row(['', `answer \`${option.id}\`${option.exclusive ? ' (only on its own)' : ''}`, ...cells(option.label), '']));
    });
    out.push('');
  } else {
    out.push('| # | Question | Answers | Asked when |', '|---|---|---|---|');
    ruleSet.questions.forEach((question, i) => {
      const answers =
        question.type === 'number'
          ? `a number from ${question.min} to ${question.max} ${text(question.unit)}${question.step && question.step !== 1 ? ` in steps of ${question.step}` : ''}`
          : `${question.type === 'multiple-choice' ? 'one or more of' : 'one of'}: ${question.options
              .map((o) => `“${text(o.label)}”${o.exclusive ? ' (only on its own)' : ''}`)
              .join(', ')}`;
      const when = question.showIf ? say.condition(question.showIf) : 'always';
      out.push(`| ${i + 1} | ${tableCell(text(question.text))} \`${question.id}\` | ${tableCell(answers)} | ${tableCell(when)} |`);
    });
    out.push('');
  }

  out.push('## Rules', '');
  out.push(
    'The outcome is the most serious tier among the rules that fire (crisis, then not suitable, then review); with none, the patient may be a candidate.',
    '',
  );
  const reasonHeads = several ? languageHeads.map((name) => `What the patient reads: ${name}`) : ['What the patient reads'];
  out.push(...head(['Rule', 'Fires when', 'Tier', ...reasonHeads, 'Source', 'Clinician note']));
  for (const rule of ruleSet.rules) {
    const help = showsCrisisLines(rule) ? '; shows the crisis lines' : rule.crisisHelp === 'medical' ? '; "seek medical care now"' : '';
    const tier = `${rule.tier}${rule.interrupt ? ' (stops the questions at once)' : ''}${help}`;
    const note = rule.clinicianNote === undefined ? '' : textCell(text(rule.clinicianNote));
    out.push(row([`\`${rule.id}\``, tableCell(say.condition(rule.when)), tier, ...cells(rule.reason), tableCell(rule.source), note]));
  }
  out.push('');

  out.push('## What each screen shows', '');
  out.push(
    'Every text on each screen besides the questions, in the order the widget draws it (and where each crisis line\'s link opens), printed from the one description of each screen that the widget draws, the time estimate counts and the screen-reader announcement reads (src/core/screens.ts). A question screen shows the progress line, the question, its help, the unit and the range of a number (or "Choose all that apply." and the answers), Back and Continue.',
    '',
  );
  for (const { title, screen } of SHEET_SCREENS) {
    const columns = languages.map((lang) =>
      screenParts(describeScreen(ruleSet, screen, { strings: uiStrings(lang), t: (value) => inLanguage(value, lang, ruleSet.locale) }), true),
    );
    out.push(`### ${title}`, '', ...head(['Part', ...languageHeads]));
    columns[0]!.forEach(({ part }, i) => {
      const shown = columns.map((parts) => {
        const text = parts[i]?.text ?? '';
        return text.startsWith(MISSING) ? missingNote(text) : part.endsWith('href') ? `\`${tableCell(text)}\`` : textCell(text);
      });
      out.push(row([partName(part), ...shown]));
    });
    out.push('');
  }

  out.push('## Invariants', '');
  if (ruleSet.invariants.length === 0) out.push('None declared.');
  else {
    const proofs = options.proofs;
    out.push(
      'Promises `screener check` proves over every answer path. "At least" a tier: whenever the condition holds on a result screen, the outcome is at least that serious. "The crisis lines on every later result": once the condition has been true at any moment, even if the patient then goes back and changes the answer, every later result shows the crisis resources.',
      '',
    );
    out.push(`| Invariant | Meaning | Whenever | Promise |${proofs ? ' Proven |' : ''}`);
    out.push(`|---|---|---|---|${proofs ? '---|' : ''}`);
    ruleSet.invariants.forEach((invariant) => {
      const proof = proofs?.find((p) => p.id === invariant.id);
      const proven = proofs ? ` ${proof?.status === 'proven' ? 'yes' : proof ? '**no**' : '—'} |` : '';
      out.push(
        `| \`${invariant.id}\` | ${tableCell(invariant.description)} | ${tableCell(say.condition(invariant.when))} | ${promiseOf(invariant)} |${proven}`,
      );
    });
  }
  out.push('');

  if (options.check) checkResults(out, options.check, languages, head, row);

  out.push('## Sign-off', '');
  out.push(
    `I have reviewed every question, rule, patient-facing text (in ${languages.map(languageName).join(' and ')}) and check result in this sheet, for the content with review hash \`${hash}\`.`,
    '',
  );
  out.push(...head(['', '']), row(['Name and role', '']), row(['Signature', '']), row(['Date', '']), '');
  out.push(
    `Then record it in the rule file: \`npx screener sign ${options.file ?? '<file>'} --by "<name, role>"\`. Any later change to the rules makes \`screener check\` fail until they are reviewed and signed again.`,
    '',
  );
  return out.join('\n');
}

/** "Check results": the summary, the time in each language, and every scenario case with its result. */
function checkResults(
  out: string[],
  check: SheetCheck,
  languages: readonly string[],
  head: (columns: readonly string[]) => string[],
  row: (columns: readonly string[]) => string,
): void {
  out.push('## Check results', '', `\`screener check\`: ${tableCell(check.summary)}.`, '');
  if (check.time) {
    out.push('### Time to complete', '', 'At 200 words a minute plus 3 seconds an answer, every word on each screen counted.', '');
    out.push(...head(['Language', 'Typical path (nothing to flag)', 'Longest path']));
    const path = (estimate: PathEstimate | null) =>
      estimate ? `${estimate.answers} answers, ${estimate.words} words ≈ ${estimate.seconds} s (${estimate.tier})` : '—';
    for (const lang of languages) {
      const estimate = own(check.time.languages, lang) ?? (lang === languages[0] ? check.time : undefined);
      if (estimate) out.push(row([languageName(lang), path(estimate.typical), path(estimate.longest)]));
    }
    out.push('');
  }
  const cases = check.cases;
  out.push('### Scenario cases', '');
  if (!cases?.present) out.push('No cases file.', '');
  else if (!cases.loaded) out.push('The cases file did not load: run `screener check`.', '');
  else {
    out.push(`${cases.passed} of ${cases.total} passed.`, '');
    out.push(...head(['Case', 'Expected', 'Got', 'Passed']));
    for (const result of cases.results) {
      const said = (side: { tier: string; fired: string[] }) => `${side.tier}${side.fired.length ? ` (${side.fired.join(', ')})` : ''}`;
      out.push(row([tableCell(result.name), said(result.expected), said(result.actual), result.passed ? 'yes' : '**no**']));
    }
    out.push('');
  }
}
