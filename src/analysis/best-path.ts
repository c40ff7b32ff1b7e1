/**
 * The best path through a path graph by an additive cost (words, answers,
 * screens), for the time estimate: the quickest no-flag path, the longest
 * path. One memoised visit per node.
 */
import type { Answer } from '../core/engine.ts';
import type { GraphEdge, GraphNode, PathGraph, Terminal } from './path-graph.ts';
import type { PathStep } from './graph-walks.ts';

/** What a stretch of path costs a patient. */
export interface Cost {
  words: number;
  answers: number;
  screens: number;
}

/** How to price a path and which of two paths is better. */
export interface Pricing {
  /** Cost of ending on this result screen, or null when such a path does not count. */
  end(terminal: Terminal): Cost | null;
  /**
   * Cost of answering `node`'s question along `edge`, and which of the edge's
   * answer classes it is for: the best of them by `better`, the first in option
   * order among equals (the classes differ only in the rules of their own that fire).
   */
  answer(node: GraphNode, edge: GraphEdge): { cost: Cost; classIndex: number };
  /** Cost of the interrupt screen and "Continue" on `edge`. */
  resume(edge: GraphEdge): Cost;
  /** True when `a` is strictly better than `b`. */
  better(a: Cost, b: Cost): boolean;
}

/** A priced path from the first question to a result screen. */
export interface PricedPath {
  cost: Cost;
  steps: PathStep[];
  terminal: Terminal;
}

type Choice = { cost: Cost; edge: GraphEdge; answer: Answer; via: 'end' | 'next' | 'resume' };

export const ZERO: Cost = { words: 0, answers: 0, screens: 0 };

/**
 * Adds costs.
 *
 * @example
 * add({ words: 3, answers: 1, screens: 1 }, ZERO) // { words: 3, answers: 1, screens: 1 }
 */
export function add(...costs: Cost[]): Cost {
  // A plain loop: the time estimate adds costs on every answer step of every walk.
  let words = 0;
  let answers = 0;
  let screens = 0;
  for (const c of costs) {
    words += c.words;
    answers += c.answers;
    screens += c.screens;
  }
  return { words, answers, screens };
}

/**
 * The best path by `pricing`, from the graph's first question (the cost of
 * the intro and anything before the first question is the caller's).
 *
 * @example
 * bestPath(graph, { end: (t) => (t.tier === 'candidate' ? ZERO : null), … })
 */
export function bestPath(graph: PathGraph, pricing: Pricing): PricedPath | null {
  if (!graph.root) return null;
  const memo = new Map<number, Choice | null>();
  const visit = (node: GraphNode): Choice | null => {
    if (memo.has(node.id)) return memo.get(node.id)!;
    let best: Choice | null = null;
    // Among equal costs, the earlier answer class in option order, then ending or going on
    // before "Continue": the same path as walking one answer class at a time.
    let bestOrder = Infinity;
    const offer = (choice: Choice, order: number) => {
      if (!best || pricing.better(choice.cost, best.cost) || (order < bestOrder && !pricing.better(best.cost, choice.cost))) {
        best = choice;
        bestOrder = order;
      }
    };
    const classes = graph.classes.get(node.question.id)!;
    for (const edge of node.edges) {
      // Only a step that leads to a path that counts is priced.
      const end = edge.to.kind === 'terminal' ? pricing.end(edge.to) : null;
      const next = edge.to.kind === 'node' ? visit(edge.to) : null;
      const resumed = edge.continueTo ? visit(edge.continueTo.node) : null;
      if (!end && !next && !resumed) continue;
      const { cost: here, classIndex } = pricing.answer(node, edge);
      const answer = classes[classIndex]!.answer;
      if (end) offer({ cost: add(here, end), edge, answer, via: 'end' }, 2 * classIndex);
      if (next) offer({ cost: add(here, next.cost), edge, answer, via: 'next' }, 2 * classIndex);
      if (resumed) offer({ cost: add(here, pricing.resume(edge), resumed.cost), edge, answer, via: 'resume' }, 2 * classIndex + 1);
    }
    memo.set(node.id, best);
    return best;
  };
  const first = visit(graph.root);
  if (!first) return null;

  const steps: PathStep[] = [];
  let node = graph.root;
  for (;;) {
    const choice = memo.get(node.id)!;
    steps.push({ kind: 'answer', question: node.question.id, answer: choice.answer });
    if (choice.via === 'end') return { cost: first.cost, steps, terminal: choice.edge.to as Terminal };
    if (choice.via === 'next') node = choice.edge.to as GraphNode;
    else {
      steps.push({ kind: 'continue', interrupts: choice.edge.continueTo!.interrupts });
      node = choice.edge.continueTo!.node;
    }
  }
}
