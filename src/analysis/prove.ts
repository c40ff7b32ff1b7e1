/**
 * Proves a rule set's invariants over every answer path the machine can
 * produce, or finds a minimal counterexample: the fewest rules fired (no
 * answer fires a rule the break does not need), then the fewest answers.
 *
 * An invariant `{ when, atLeast }` is checked at the end of every path — on
 * every result screen, including one shown by an interrupting rule: `when`
 * is evaluated on the answers that count there (engine semantics: hidden or
 * not-yet-reached questions are unanswered), and the outcome there must be
 * `atLeast` as serious. Paths that continue after an interrupt are checked at
 * their later result screens too.
 */
import { evaluate, isAtLeast, type Answer } from '../core/engine.ts';
import type { Finding } from '../authoring/finding.ts';
import type { Invariant, RuleSet, ShowsInvariant, Tier, TierInvariant } from '../authoring/schema.ts';
import { promiseOf } from './format.ts';
import { proveShowsLines } from './prove-shows.ts';
import { cleanestPath, countPaths, terminals, type PathStep } from './graph-walks.ts';
import { buildPathGraph, type PathGraph, type PathGraphOptions } from './path-graph.ts';

/** How much the proof looked at. */
export interface Explored {
  /** Merged question screens (prefixes with the same future share one). */
  nodes: number;
  /** Answer classes tried across all nodes. */
  edges: number;
  /** Answer paths (sequences of answer classes) covered by the proof. */
  paths: number;
}

/** A minimal sequence of answers that breaks an invariant (fewest rules fired, then fewest answers), and what it led to. */
export interface Counterexample {
  steps: PathStep[];
  /** The answers that count at the end of the path. */
  answers: Record<string, Answer>;
  tier: Tier;
  /** Ids of the rules that fired, most serious first. */
  fired: string[];
  /** True when the path ended on an interrupting rule's result screen. */
  interrupted: boolean;
}

/** The verdict on one invariant. */
export interface InvariantResult {
  id: string;
  /** Position in `invariants`, for pointing at the file. */
  index: number;
  description: string;
  /** The promise: an outcome at least this serious… */
  atLeast?: Tier;
  /** …or this help on every later result (`shows: crisis-lines`). */
  shows?: ShowsInvariant['shows'];
  /**
   * 'unproven': the proof was too large to finish (see the message); 'vacuous': `when` is
   * never true on any path, so the invariant checks nothing (an error, see {@link invariantFindings}).
   * Only 'proven' counts as proven.
   */
  status: 'proven' | 'broken' | 'unproven' | 'vacuous';
  /** True when `when` is never true on any path (then `status` is 'vacuous'). */
  vacuous: boolean;
  counterexample: Counterexample | null;
  explored: Explored;
}

/**
 * Proves every invariant of the rule set (see the module comment for what
 * "holds" means). Deterministic and pure; the CLI times it if it wants to.
 *
 * The CLI prints, per result: `✓ <id>: proven over <explored.paths> answer
 * paths`, `✗ <id>: never applies …` when `vacuous`, or `✗ <id>: <description>`
 * followed by the counterexample's lines, and exits 1 when any status is
 * not 'proven'.
 *
 * @example
 * for (const result of proveInvariants(ruleSet)) {
 *   if (result.status === 'broken') console.log(result.id, result.counterexample?.steps);
 * }
 */
export function proveInvariants(ruleSet: RuleSet, options: PathGraphOptions = {}): InvariantResult[] {
  return ruleSet.invariants.map((invariant, index) => proveInvariant(ruleSet, invariant, index, options));
}

/**
 * Proves one invariant (it need not be in the rule set's list).
 *
 * @example
 * proveInvariant(ruleSet, { id: 'x', description: '…', when: { question: 'age', lessThan: 18 }, atLeast: 'not-suitable' })
 */
export function proveInvariant(ruleSet: RuleSet, invariant: Invariant, index = -1, options: PathGraphOptions = {}): InvariantResult {
  if ('shows' in invariant) return proveShows(ruleSet, invariant, index);
  return proveTier(ruleSet, invariant, index, options);
}

function proveTier(ruleSet: RuleSet, invariant: TierInvariant, index: number, options: PathGraphOptions): InvariantResult {
  const graph = buildPathGraph(ruleSet, invariant.when, options);
  // The example patient: no answer fires a rule the broken promise does not need, then the fewest answers.
  const broken = cleanestPath(graph, (t) => t.target && !isAtLeast(t.tier, invariant.atLeast));
  const vacuous = !terminals(graph).some((t) => t.target);
  return {
    id: invariant.id,
    index,
    description: invariant.description,
    atLeast: invariant.atLeast,
    status: broken ? 'broken' : vacuous ? 'vacuous' : 'proven',
    vacuous,
    counterexample: broken
      ? toCounterexample(ruleSet, broken.answers, broken.steps, broken.terminal.interrupted, broken.terminal.tier)
      : null,
    explored: exploredOf(graph),
  };
}

/**
 * A `shows: crisis-lines` invariant, proven over every set of answers that can
 * count at some moment, whatever the order, Back and changed answers included
 * (see `prove-shows.ts`). A counterexample lists those answers in question order.
 */
function proveShows(ruleSet: RuleSet, invariant: ShowsInvariant, index: number): InvariantResult {
  const proof = proveShowsLines(ruleSet, invariant.when);
  const answers = proof.counterexample;
  const outcome = answers ? evaluate(ruleSet, answers) : null;
  const vacuous = !proof.tooLarge && !proof.applies;
  return {
    id: invariant.id,
    index,
    description: invariant.description,
    shows: invariant.shows,
    status: proof.tooLarge ? 'unproven' : answers ? 'broken' : vacuous ? 'vacuous' : 'proven',
    vacuous,
    counterexample:
      answers && outcome
        ? {
            steps: Object.entries(answers).map(([question, answer]) => ({ kind: 'answer' as const, question, answer })),
            answers,
            tier: outcome.tier,
            fired: outcome.fired.map((rule) => rule.id),
            interrupted: false,
          }
        : null,
    explored: { nodes: 0, edges: 0, paths: proof.combinations },
  };
}

/**
 * Size figures of a graph, for reports.
 *
 * @example
 * exploredOf(buildPathGraph(ruleSet)) // { nodes: 107, edges: 19344, paths: 6039802382 }
 */
export function exploredOf(graph: PathGraph): Explored {
  return { nodes: graph.nodes.length, edges: graph.edgeCount, paths: countPaths(graph) };
}

function toCounterexample(
  ruleSet: RuleSet,
  answers: Record<string, Answer>,
  steps: PathStep[],
  interrupted: boolean,
  expectedTier: Tier,
): Counterexample {
  // Re-run the real engine on the concrete answers: the merged graph must agree with it.
  const outcome = evaluate(ruleSet, answers);
  if (outcome.tier !== expectedTier) {
    throw new Error(`analysis bug: the path graph expected ${expectedTier} but the engine gives ${outcome.tier}`);
  }
  return { steps, answers, tier: outcome.tier, fired: outcome.fired.map((rule) => rule.id), interrupted };
}

/**
 * Findings for invariant results: `invariant-broken` (error) for each broken
 * invariant, `invariant-unproven` (error) for one too large to prove, and
 * `invariant-never-applies` (error) for one whose condition is never true on
 * any path: it proves nothing, so it must never pass as proven.
 *
 * @example
 * invariantFindings(proveInvariants(ruleSet)).filter((f) => f.severity === 'error')
 */
export function invariantFindings(results: readonly InvariantResult[]): Finding[] {
  return results.flatMap((result): Finding[] => {
    if (result.status === 'broken') {
      const c = result.counterexample!;
      return [
        {
          code: 'invariant-broken',
          severity: 'error',
          path: ['invariants', result.index],
          message:
            `invariant "${result.id}" does not hold: ${result.description.replace(/[.\s]+$/, '')}. Expected ${promiseOf(result)}, but ` +
            `${c.steps.filter((s) => s.kind === 'answer').length} answers lead to ${c.tier}` +
            `${c.fired.length ? ` (rules fired: ${c.fired.join(', ')})` : ' (no rule fired)'}` +
            (result.shows
              ? ` and no rule that shows the crisis lines fires; add \`crisisHelp: lines\` to a rule that fires on these answers, or a new one`
              : `; add or fix a rule so these answers give ${result.atLeast}`),
        },
      ];
    }
    if (result.status === 'unproven') {
      return [
        {
          code: 'invariant-unproven',
          severity: 'error',
          path: ['invariants', result.index],
          message: `invariant "${result.id}" could not be proven: its condition and the rules that show the crisis lines read too many questions together (${result.explored.paths} answer combinations); narrow its "when"`,
        },
      ];
    }
    if (result.status === 'vacuous') {
      return [
        {
          code: 'invariant-never-applies',
          severity: 'error',
          path: ['invariants', result.index, 'when'],
          message:
            `invariant "${result.id}" never applies: its "when" is true on no answer path, so it proves nothing; ` +
            'check its question and option ids, and the showIf of the questions it reads',
        },
      ];
    }
    return [];
  });
}
