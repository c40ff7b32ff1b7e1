/**
 * Questions asked of a path graph: the shortest path to a result screen with
 * some property, how many answer paths the graph stands for, and every result
 * screen it can reach. All walks are memoised per node, so each costs one
 * visit of the merged graph, never one visit per path.
 */
import type { Answer } from '../core/engine.ts';
import { firedCount, type GraphEdge, type GraphNode, type PathGraph, type Terminal } from './path-graph.ts';

/** One step a patient takes: an answer, or "Continue the assessment" after an interrupt. */
export type PathStep =
  | { kind: 'answer'; question: string; answer: Answer }
  | { kind: 'continue'; interrupts: string[] };

/** A concrete path: its steps, the answers that count at its end, and its result screen. */
export interface FoundPath {
  steps: PathStep[];
  answers: Record<string, Answer>;
  terminal: Terminal;
}

/**
 * The path with the fewest answers that ends on a result screen `accept`s,
 * or null when none does. Ties go to the earlier answer class (option order,
 * lower numbers first), so the result is the same on every run.
 *
 * @example
 * const path = shortestPath(graph, (t) => t.target && t.tier === 'candidate');
 * path?.steps // [{ kind: 'answer', question: 'age', answer: 17 }, …]
 */
export function shortestPath(graph: PathGraph, accept: (terminal: Terminal) => boolean): FoundPath | null {
  return cheapestPath(graph, accept, { answer: () => 1, end: () => 0, resume: () => 0 });
}

/**
 * The cleanest path that ends on a result screen `accept`s: the fewest rules
 * fired at its end, then the fewest answers, then the earlier answer class.
 * For a counterexample: no answer on it fires a rule that a path firing
 * fewer rules could leave out.
 *
 * @example
 * cleanestPath(graph, (t) => t.target && t.tier === 'candidate')?.answers // only what breaks the promise
 */
export function cleanestPath(graph: PathGraph, accept: (terminal: Terminal) => boolean): FoundPath | null {
  // A path answers each question at most once, so fewer answers never outweigh one rule fewer.
  const rule = graph.ruleSet.questions.length + 1;
  return cheapestPath(graph, accept, {
    answer: (fired) => 1 + rule * fired,
    end: (terminal) => rule * terminal.pendingFired.length,
    resume: (edge) => rule * edge.continueTo!.decidedFired.length,
  });
}

/**
 * What a step of a path costs: an answer (by how many rules it fires; never
 * less for more), ending on a result screen, "Continue" after an interrupt.
 */
interface Weights {
  answer(fired: number): number;
  end(terminal: Terminal): number;
  resume(edge: GraphEdge): number;
}

function cheapestPath(graph: PathGraph, accept: (terminal: Terminal) => boolean, weights: Weights): FoundPath | null {
  if (!graph.root) return null;
  // The cheapest answer class of an edge: its first, or the first firing the fewest rules when
  // that costs less (an answer never costs less for firing more, so no other class can).
  const cheapestClass = (node: GraphNode, edge: GraphEdge) => {
    const first = edge.classes[0]!;
    const cost = weights.answer(firedCount(graph, node, edge, first));
    if (edge.fewestFired === first) return { classIndex: first, cost };
    const fewest = weights.answer(firedCount(graph, node, edge, edge.fewestFired));
    return fewest < cost ? { classIndex: edge.fewestFired, cost: fewest } : { classIndex: first, cost };
  };
  const dist = new Map<number, number>();
  const visit = (node: GraphNode): number => {
    const known = dist.get(node.id);
    if (known !== undefined) return known;
    dist.set(node.id, Infinity); // the graph is acyclic; this only guards against a bug
    let best = Infinity;
    for (const edge of node.edges) best = Math.min(best, cheapestClass(node, edge).cost + afterAnswer(edge));
    dist.set(node.id, best);
    return best;
  };
  const ending = (edge: GraphEdge) => (edge.to.kind === 'terminal' && accept(edge.to) ? weights.end(edge.to) : Infinity);
  const onward = (edge: GraphEdge) => (edge.to.kind === 'node' ? visit(edge.to) : Infinity);
  const resumed = (edge: GraphEdge) => (edge.continueTo ? weights.resume(edge) + visit(edge.continueTo.node) : Infinity);
  const afterAnswer = (edge: GraphEdge) => Math.min(ending(edge), onward(edge), resumed(edge));
  if (visit(graph.root) === Infinity) return null;

  const steps: PathStep[] = [];
  const answers: Record<string, Answer> = {};
  let node = graph.root;
  for (;;) {
    const need = dist.get(node.id)!;
    // Of the edges that cost `need`, the one whose cheapest class comes first in option order.
    let edge: GraphEdge | null = null;
    let chosen = { classIndex: Infinity, cost: 0 };
    for (const candidate of node.edges) {
      const cheapest = cheapestClass(node, candidate);
      if (cheapest.cost + afterAnswer(candidate) === need && cheapest.classIndex < chosen.classIndex) {
        edge = candidate;
        chosen = cheapest;
      }
    }
    const answer = graph.classes.get(node.question.id)![chosen.classIndex]!.answer;
    steps.push({ kind: 'answer', question: node.question.id, answer });
    answers[node.question.id] = answer;
    const rest = need - chosen.cost;
    if (ending(edge!) === rest) return { steps, answers, terminal: edge!.to as Terminal };
    if (onward(edge!) === rest) {
      node = edge!.to as GraphNode;
      continue;
    }
    const next = edge!.continueTo!;
    steps.push({ kind: 'continue', interrupts: next.interrupts });
    node = next.node;
  }
}

/**
 * How many answer paths (one per sequence of answer classes, counting each
 * result screen a path can stop on) the graph stands for.
 *
 * @example
 * countPaths(graph) // e.g. 51840 paths folded into 300 nodes
 */
export function countPaths(graph: PathGraph): number {
  // Each edge stands for one path per answer class it carries.
  const count = foldReachable(
    () => 1,
    (a, b) => a + b,
    (paths, edge) => paths * edge.classes.length,
  );
  return graph.root ? count(graph.root) : 0;
}

/**
 * Folds, for each node, the result screens reachable from it (after each
 * answer and each "Continue"), once per node: `atEnd` values a result screen
 * reached by an edge, `join` combines values (its identity is 0), and
 * `perEdge` turns what an edge leads to into what the edge adds (by default
 * that value itself: an edge counts once, whatever the number of answer
 * classes it stands for).
 *
 * @example
 * const tiers = foldReachable((t) => 1 << tierRank(t.tier), (a, b) => a | b);
 * tiers(graph.root!) // bit mask of the tiers the patient can still end on
 */
export function foldReachable(
  atEnd: (terminal: Terminal) => number,
  join: (a: number, b: number) => number,
  perEdge: (value: number, edge: GraphEdge) => number = (value) => value,
): (node: GraphNode) => number {
  const memo = new Map<number, number>();
  const visit = (node: GraphNode): number => {
    const known = memo.get(node.id);
    if (known !== undefined) return known;
    let value = 0;
    for (const edge of node.edges) {
      let after = edge.to.kind === 'terminal' ? atEnd(edge.to) : visit(edge.to);
      if (edge.continueTo) after = join(after, visit(edge.continueTo.node));
      value = join(value, perEdge(after, edge));
    }
    memo.set(node.id, value);
    return value;
  };
  return visit;
}

/**
 * Every result screen the graph can reach, once per edge that leads to it.
 *
 * @example
 * terminals(graph).some((t) => t.tier === 'crisis')
 */
export function terminals(graph: PathGraph): Terminal[] {
  // Plain loops: a graph has up to hundreds of thousands of edges, and this runs once per invariant.
  const found: Terminal[] = [];
  for (const node of graph.nodes) for (const edge of node.edges) if (edge.to.kind === 'terminal') found.push(edge.to);
  return found;
}
