/**
 * What the playground's worker does with the two files being edited: it runs
 * the check pipeline `screener check` runs (src/analysis/check.ts) and
 * forwards its plain data, the quick part first (the rules loaded, the cases
 * run: milliseconds) so problems show while the slow part (lint, proofs,
 * time, the flowchart: up to a second on the default rules) still runs.
 */
import { checkQuick, DIAGRAM_STEP, runSteps, SLOW_STEPS, startCheck } from '../../src/analysis/index.ts';
import type { CheckRequest, CheckResult } from './protocol.ts';

/**
 * Checks the two texts and posts the quick part, then (valid rules only) the slow part.
 *
 * @example
 * checkSources({ rules, cases, names: { rules: 'ketamine.yaml', cases: 'ketamine.cases.yaml' } }, (reply) => postMessage({ seq, ...reply }));
 */
export function checkSources(request: Omit<CheckRequest, 'seq'>, post: (result: CheckResult) => void): void {
  // An emptied cases editor is a rule file without cases, not a cases file with an error.
  const readCases = () => (request.cases.trim() === '' ? undefined : request.cases);
  const context = startCheck({ names: request.names, rules: request.rules, readCases });
  const validation = checkQuick(context);
  post({ kind: 'validation', validation });
  if (validation.ruleSet) post({ kind: 'analysis', analysis: runSteps(context, [...SLOW_STEPS, DIAGRAM_STEP]) });
}
