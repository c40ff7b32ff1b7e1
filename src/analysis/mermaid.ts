/**
 * The questions as a Mermaid `flowchart TD`: each question in file order,
 * the branches its successors' `showIf`s create (edge labels in words), and
 * a node for each rule, hung on the question after which it is decided
 * (the last question it reads), coloured by tier.
 *
 * Every label is quoted and escaped with Mermaid entity codes, so quotes,
 * brackets and `#` in rule text cannot break the diagram on GitHub.
 */
import { resolveText } from '../text.ts';
import type { RuleSet, RuleTier } from '../schema.ts';
import { lastQuestionIndex, questionOrder } from './conditions.ts';
import { describer } from './describe.ts';

/**
 * Escapes text for a quoted Mermaid label.
 *
 * @example
 * mermaidLabel('Say "yes" <now> #1') // 'Say #quot;yes#quot; #lt;now#gt; #35;1'
 */
export function mermaidLabel(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/#/g, '#35;')
    .replace(/&/g, '#amp;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/\|/g, '#124;')
    .replace(/`/g, '#96;');
}

const TIER_CLASS: Record<RuleTier, string> = { crisis: 'crisis', 'not-suitable': 'notSuitable', review: 'review' };
const TIER_WORDS: Record<RuleTier, string> = { crisis: 'crisis', 'not-suitable': 'not suitable', review: 'review' };
const TIER_STYLE: Record<RuleTier, string> = {
  crisis: 'fill:#fde2e1,stroke:#b42318,color:#7a271a',
  'not-suitable': 'fill:#fef0c7,stroke:#b54708,color:#7a2e0e',
  review: 'fill:#e0eaff,stroke:#3538cd,color:#2d3282',
};

/**
 * The Mermaid source (without the surrounding code fence).
 *
 * @example
 * ruleSetToMermaid(ruleSet).startsWith('flowchart TD') // true
 */
export function ruleSetToMermaid(ruleSet: RuleSet, locale: string = ruleSet.locale): string {
  const say = describer(ruleSet, locale);
  const order = questionOrder(ruleSet);
  const questions = ruleSet.questions;
  const lines = ['flowchart TD'];
  const node = (index: number) => (index < 0 ? 'start' : index >= questions.length ? 'finish' : `q${index + 1}`);

  lines.push(`  start(["${mermaidLabel(resolveText(ruleSet.intro.title, locale, ruleSet.locale))}"])`);
  questions.forEach((question, i) => {
    lines.push(`  ${node(i)}["${mermaidLabel(`${i + 1}. ${resolveText(question.text, locale, ruleSet.locale)}`)}"]`);
  });
  lines.push('  finish(["Result"])');

  // From each point, the candidates for "next": conditional questions in turn, then the first unconditional one.
  for (let from = -1; from < questions.length; from += 1) {
    let conditional = false;
    let to = from + 1;
    const seen = new Set<string>();
    for (; to < questions.length; to += 1) {
      const showIf = questions[to]!.showIf;
      if (!showIf) break;
      // A question with the same showIf as an earlier candidate is never next: the earlier one shows first.
      const key = JSON.stringify(showIf);
      if (seen.has(key)) continue;
      seen.add(key);
      lines.push(`  ${node(from)} -->|"${mermaidLabel(`if ${say.condition(showIf)}`)}"| ${node(to)}`);
      conditional = true;
    }
    lines.push(conditional ? `  ${node(from)} -->|"otherwise"| ${node(to)}` : `  ${node(from)} --> ${node(to)}`);
  }

  const byTier: Record<RuleTier, string[]> = { crisis: [], 'not-suitable': [], review: [] };
  ruleSet.rules.forEach((rule, i) => {
    const id = `r${i + 1}`;
    const label = `${mermaidLabel(rule.id)}<br/>${TIER_WORDS[rule.tier]}${rule.interrupt ? ', stops the questions' : ''}`;
    lines.push(`  ${id}{{"${label}"}}`);
    lines.push(`  ${node(lastQuestionIndex(rule.when, order))} -.-> ${id}`);
    byTier[rule.tier].push(id);
  });

  for (const tier of Object.keys(TIER_CLASS) as RuleTier[]) lines.push(`  classDef ${TIER_CLASS[tier]} ${TIER_STYLE[tier]}`);
  for (const tier of Object.keys(TIER_CLASS) as RuleTier[]) {
    if (byTier[tier].length > 0) lines.push(`  class ${byTier[tier].join(',')} ${TIER_CLASS[tier]}`);
  }
  return lines.join('\n');
}
