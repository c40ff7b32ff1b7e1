/**
 * The sign-off sheet (`rules/<name>.md`): what a clinical lead reads and
 * signs. Title, version and sign-off; the flow as a Mermaid diagram; the
 * start screen and notices; every question; every rule with its condition in
 * words, tier, patient-facing reason and source; the result texts; the crisis
 * help; every invariant. Every text a patient reads is shown in every
 * language the file is written in, side by side (one column a language), and
 * a missing translation says so instead of showing the fallback as if it
 * were the translation. Deterministic (no dates, no timing), so a test can
 * keep the committed sheet in step with the rule file.
 */
import { showsCrisisLines } from '../core/crisis-help.ts';
import { own } from '../core/own.ts';
import { ruleSetLanguages } from '../core/rule-texts.ts';
import { resolveText, type Text } from '../core/text.ts';
import { TIERS, type Tier } from '../core/vocabulary.ts';
import type { RuleSet } from '../authoring/schema.ts';
import { describer } from './describe.ts';
import { promiseOf } from './format.ts';
import { ruleSetToMermaid } from './mermaid.ts';
import type { PathGraph } from './path-graph.ts';
import type { InvariantResult } from './prove.ts';

/** Options for {@link ruleSetToMarkdown}. */
export interface MarkdownOptions {
  /** The rule file's path as the reader knows it, e.g. 'rules/ketamine.yaml'. */
  file?: string;
  locale?: string;
  /** When given, the invariants table gets a "Proven" column. */
  proofs?: readonly InvariantResult[];
  /** The plain path graph, when the caller already built it. */
  graph?: PathGraph;
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
    if (typeof value === 'string') return format(value);
    const text = own(value, lang);
    if (text !== undefined) return format(text);
    const shown = own(value, fallback) !== undefined ? fallback : Object.keys(value)[0];
    return `**missing**${shown ? ` (patients see the ${shown} text)` : ''}`;
  });
}

const TIER_NAMES: Record<Tier, string> = {
  crisis: 'crisis',
  'not-suitable': 'not suitable',
  review: 'review',
  candidate: 'candidate',
};

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

  out.push('## Start screen and notices', '');
  out.push('The first screen. The notices show on it and on every result.', '');
  textTable('Text', [
    ['Title of the rule set', ruleSet.title],
    ['Start screen title', ruleSet.intro.title],
    ['Start screen text', ruleSet.intro.body],
    ['Start button', ruleSet.intro.start],
    ['Notice: adults only', ruleSet.notices.adultsOnly],
    ['Notice: not medical advice', ruleSet.notices.notAdvice],
    ['Notice: not an emergency service', ruleSet.notices.notEmergency],
    ['Notice: privacy', ruleSet.notices.privacy],
  ]);

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
  out.push(...head(['Rule', 'Fires when', 'Tier', ...reasonHeads, 'Source']));
  for (const rule of ruleSet.rules) {
    const help = showsCrisisLines(rule) ? '; shows the crisis lines' : rule.crisisHelp === 'medical' ? '; "seek medical care now"' : '';
    const tier = `${rule.tier}${rule.interrupt ? ' (stops the questions at once)' : ''}${help}`;
    out.push(row([`\`${rule.id}\``, tableCell(say.condition(rule.when)), tier, ...cells(rule.reason), tableCell(rule.source)]));
  }
  out.push('');

  out.push('## Results', '');
  out.push(
    'What each result says: its title, its text and the label of its link to the clinic. The most serious tier that fires decides the result; the reasons above are listed under it.',
    '',
  );
  out.push(...head(['Result', 'Text', ...languageHeads]));
  for (const tier of TIERS) {
    const outcome = ruleSet.outcomes[tier];
    out.push(row([TIER_NAMES[tier], 'title', ...cells(outcome.title)]));
    out.push(row(['', 'text', ...cells(outcome.body)]));
    out.push(row(['', 'link label', ...cells(outcome.action)]));
  }
  out.push('');

  const crisis = ruleSet.crisisResources;
  out.push('## Crisis help', '');
  out.push(
    'The help box a crisis result shows (and a milder result, after a rule that shows the crisis lines), with every help line and the address its link opens in each language.',
    '',
  );
  out.push(...head(['Part', ...languageHeads]));
  const crisisRows: [string, Text | undefined][] = [
    ['Heading', crisis.title],
    ['Heading for a medical emergency', own(crisis, 'medicalTitle')],
    ['Introduction', crisis.intro],
    ['Emergency line', crisis.emergency],
  ];
  for (const [name, value] of crisisRows) if (value !== undefined) out.push(row([name, ...cells(value)]));
  crisis.resources.forEach((resource, i) => {
    out.push(row([`Line ${i + 1}: name`, ...cells(resource.name)]));
    out.push(row([`Line ${i + 1}: detail`, ...cells(resource.detail)]));
    out.push(row([`Line ${i + 1}: link opens`, ...cells(resource.href, (href) => `\`${tableCell(href)}\``)]));
    out.push(row([`Line ${i + 1}: link label`, ...cells(resource.linkLabel)]));
  });
  out.push('');

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
    ruleSet.invariants.forEach((invariant, i) => {
      const proof = proofs?.find((p) => p.index === i);
      const proven = proofs ? ` ${proof?.status === 'proven' ? 'yes' : proof ? '**no**' : '—'} |` : '';
      out.push(
        `| \`${invariant.id}\` | ${tableCell(invariant.description)} | ${tableCell(say.condition(invariant.when))} | ${promiseOf(invariant)} |${proven}`,
      );
    });
  }
  out.push('');
  return out.join('\n');
}
