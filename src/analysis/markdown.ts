/**
 * The sign-off sheet (`rules/<name>.md`): what a clinical lead reads and
 * signs. Title, version and sign-off; the flow as a Mermaid diagram; every
 * question; every rule with its condition in words, tier, patient-facing
 * reason and source; what each screen shows, every language side by side
 * (src/analysis/screens-sheet.ts); every invariant. Deterministic (no dates, no timing), so
 * a test can keep the committed sheet in step with the rule file.
 */
import { showsCrisisLines } from '../core/crisis-help.ts';
import { resolveText, type Text } from '../core/text.ts';
import type { RuleSet } from '../authoring/schema.ts';
import { describer } from './describe.ts';
import { promiseOf } from './format.ts';
import { ruleSetToMermaid } from './mermaid.ts';
import { screensSection } from './screens-sheet.ts';
import { ruleSetLanguages } from '../core/rule-texts.ts';
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

  out.push(`# ${tableCell(text(ruleSet.title))}`, '');
  out.push(`- Rule set: \`${ruleSet.id}\`, version **${ruleSet.version}**`);
  out.push(`- Clinical sign-off: ${tableCell(ruleSet.signOff.reviewedBy)}, ${ruleSet.signOff.reviewedOn}`);
  if (options.file) out.push(`- Generated from \`${options.file}\` by \`screener graph\`. Edit the rule file, not this sheet.`);
  out.push('');

  out.push('## Flow', '');
  out.push('Questions in the order patients see them; an arrow is a move some answers make. A labelled arrow is a branch: the next question is asked only when its condition holds. A dotted arrow to the result is a crisis answer that stops the questions at once (the patient may then continue). Hexagons are rules, hung on the question after which they are decided; red is crisis, amber not suitable, blue review. A dashed question is never shown.', '');
  out.push('```mermaid', ruleSetToMermaid(ruleSet, locale, options.graph), '```', '');

  out.push('## Questions', '');
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

  out.push('## Rules', '');
  out.push('The outcome is the most serious tier among the rules that fire (crisis, then not suitable, then review); with none, the patient may be a candidate.', '');
  out.push('| Rule | Fires when | Tier | What the patient reads | Source |', '|---|---|---|---|---|');
  for (const rule of ruleSet.rules) {
    const help = showsCrisisLines(rule) ? '; shows the crisis lines' : rule.crisisHelp === 'medical' ? '; "seek medical care now"' : '';
    const tier = `${rule.tier}${rule.interrupt ? ' (stops the questions at once)' : ''}${help}`;
    out.push(`| \`${rule.id}\` | ${tableCell(say.condition(rule.when))} | ${tier} | ${tableCell(text(rule.reason))} | ${tableCell(rule.source)} |`);
  }
  out.push('');

  out.push(...screensSection(ruleSet, ruleSetLanguages(ruleSet), tableCell));

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
