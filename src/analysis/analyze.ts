/**
 * Everything `screener check` needs from the analysis, in one call: lint
 * findings, invariant proofs, the completion-time estimate and how much of
 * the answer space was covered.
 */
import type { Finding } from '../authoring/finding.ts';
import type { RuleSet } from '../authoring/schema.ts';
import { estimateTime, type TimeEstimate } from './estimate.ts';
import { promiseOf } from './format.ts';
import { lintRuleSet } from './lint.ts';
import { buildPathGraph } from './path-graph.ts';
import { exploredOf, proveInvariants, type Explored, type InvariantResult } from './prove.ts';

/** The full analysis of a rule set. */
export interface Analysis {
  /** Lint, invariant and time findings together; any `error` means `check` fails. */
  findings: Finding[];
  invariants: InvariantResult[];
  estimate: TimeEstimate;
  /** Size of the plain path graph (no target): merged screens, answer classes tried, answer paths. */
  explored: Explored;
}

/**
 * Findings for invariant results: `invariant-broken` (error) for each broken
 * invariant, `invariant-never-applies` (warning) for one whose condition is
 * never true on any path (it proves nothing).
 *
 * @example
 * invariantFindings(proveInvariants(ruleSet)).filter((f) => f.severity === 'error')
 */
export function invariantFindings(results: readonly InvariantResult[]): Finding[] {
  return results.flatMap((result): Finding[] => {
    if (result.status === 'broken') {
      const c = result.counterexample!;
      return [{
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
      }];
    }
    if (result.status === 'unproven') {
      return [{
        code: 'invariant-unproven',
        severity: 'error',
        path: ['invariants', result.index],
        message: `invariant "${result.id}" could not be proven: its condition and the rules that show the crisis lines read too many questions together (${result.explored.paths} answer combinations); narrow its "when"`,
      }];
    }
    if (result.vacuous) {
      return [{
        code: 'invariant-never-applies',
        severity: 'warning',
        path: ['invariants', result.index, 'when'],
        message: `invariant "${result.id}" checks nothing: its "when" is never true on any answer path; check its question and option ids`,
      }];
    }
    return [];
  });
}

/**
 * Runs lint, the invariant proofs and the time estimate.
 *
 * The CLI calls it after a successful load, prints `findings` as
 * `file:line:column message` (mapping `path` with the loader's positions),
 * then the invariant lines ({@link formatInvariantResult}) and the time lines
 * ({@link formatEstimate}), and exits 1 when any finding is an error.
 *
 * @example
 * const analysis = analyzeRuleSet(ruleSet);
 * const failed = analysis.findings.some((f) => f.severity === 'error');
 */
export function analyzeRuleSet(ruleSet: RuleSet, options: { locale?: string } = {}): Analysis {
  const graph = buildPathGraph(ruleSet);
  const invariants = proveInvariants(ruleSet);
  const estimate = estimateTime(ruleSet, options.locale ?? ruleSet.locale, graph);
  return {
    findings: [...lintRuleSet(ruleSet, graph), ...invariantFindings(invariants), ...estimate.findings],
    invariants,
    estimate,
    explored: exploredOf(graph),
  };
}
