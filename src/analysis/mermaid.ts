/**
 * The questions as a Mermaid `flowchart TD`: each question in file order,
 * an arrow for every move from one question to the next that some answer
 * path makes (labelled with the next question's `showIf` in words when a
 * question has more than one way on; a question no path shows is dashed), and
 * a node for each rule, hung on the question after which it is decided
 * (the last question it reads), coloured by tier.
 *
 * Every label is quoted and escaped with Mermaid entity codes, so quotes,
 * brackets and `#` in rule text cannot break the diagram on GitHub.
 */
import { resolveText } from '../core/text.ts';
import type { RuleSet, RuleTier } from '../authoring/schema.ts';
import { lastQuestionIndex, questionOrder } from './conditions.ts';
import { describer } from './describe.ts';
import { buildPathGraph, type PathGraph } from './path-graph.ts';

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
export function ruleSetToMermaid(ruleSet: RuleSet, locale: string = ruleSet.locale, graph?: PathGraph): string {
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

  // Only the moves some answer path really makes: "otherwise" after a follow-up
  // that is always followed by the next follow-up would be a branch nobody takes.
  const { moves, stops } = realizedMoves(graph ?? buildPathGraph(ruleSet));
  for (const [from, targets] of [...moves].sort(([a], [b]) => a - b)) {
    const sorted = [...targets].sort((a, b) => a - b);
    for (const to of sorted) {
      const showIf = questions[to]?.showIf;
      if (sorted.length === 1) lines.push(`  ${node(from)} --> ${node(to)}`);
      else if (showIf) lines.push(`  ${node(from)} -->|"${mermaidLabel(`if ${say.condition(showIf)}`)}"| ${node(to)}`);
      else lines.push(`  ${node(from)} -->|"otherwise"| ${node(to)}`);
    }
  }
  for (const from of [...stops].sort((a, b) => a - b)) {
    lines.push(`  ${node(from)} -.->|"crisis answer: result at once"| finish`);
  }
  const unreachable = questions.map((_, i) => i).filter((i) => ![...moves.values()].some((targets) => targets.has(i)));

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
  if (unreachable.length > 0) {
    lines.push('  classDef unreachable stroke-dasharray:6 4,color:#6b7280');
    lines.push(`  class ${unreachable.map(node).join(',')} unreachable`);
  }
  return lines.join('\n');
}

/**
 * Question position → positions that can come next on some answer path
 * (-1 is the start, the question count is the result), "Continue" after an
 * interrupt included; and the questions whose answer can stop the questions
 * at once. Read off the path graph.
 */
function realizedMoves(graph: PathGraph): { moves: Map<number, Set<number>>; stops: Set<number> } {
  const count = graph.ruleSet.questions.length;
  const moves = new Map<number, Set<number>>();
  const stops = new Set<number>();
  const add = (from: number, to: number) => {
    if (!moves.has(from)) moves.set(from, new Set());
    moves.get(from)!.add(to);
  };
  if (graph.root) add(-1, graph.root.index);
  for (const node of graph.nodes) {
    for (const edge of node.edges) {
      if (edge.to.kind === 'node') add(node.index, edge.to.index);
      else if (edge.to.interrupted) stops.add(node.index);
      else add(node.index, count);
      if (edge.continueTo) add(node.index, edge.continueTo.node.index);
    }
  }
  return { moves, stops };
}
