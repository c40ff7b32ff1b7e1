/**
 * What the playground shows about the two files being edited, computed by
 * the same code `screener check` runs: the loader, the cases runner, lint,
 * the invariant prover, the time estimate and the Mermaid flowchart.
 *
 * Split in two so problems appear while the proofs still run: {@link validate}
 * (load the rules, load and run the cases: milliseconds) and {@link analyze}
 * (lint, proofs, time, diagram: up to a second on the default rules). Both
 * return plain data, so a Web Worker can post them to the page.
 */
import {
  buildPathGraph,
  estimateTime,
  formatEstimate,
  formatSteps,
  invariantFindings,
  lintRuleSet,
  proveInvariants,
  ruleSetToMermaid,
  TooManyClassesError,
} from '../../src/analysis/index.ts';
import type { InvariantResult } from '../../src/analysis/prove.ts';
import { loadCases, runCases } from '../../src/authoring/cases.ts';
import { findingPlacer, loadRuleSet, type RuleIssue } from '../../src/authoring/loader.ts';
import type { RuleSet, Tier } from '../../src/authoring/schema.ts';

/** The names the two files go by in messages and downloads. */
export interface FileNames {
  rules: string;
  cases: string;
}

/** One scenario case and how it went. */
export interface CaseRow {
  name: string;
  line: number;
  passed: boolean;
  expected: { tier: Tier; fired: string[] };
  actual: { tier: Tier; fired: string[] };
  missing: string[];
  unexpected: string[];
}

/** The cases file: not run (rules invalid or no cases), refused (its own problems), or run. */
export type CasesReport =
  | { state: 'not-run'; reason: string }
  | { state: 'invalid'; issues: RuleIssue[] }
  | { state: 'ran'; issues: RuleIssue[]; rows: CaseRow[] };

/** The quick half: is the rule file valid, and do the cases pass. */
export interface Validation {
  /** Loader issues: errors stop the rules loading; warnings do not. */
  issues: RuleIssue[];
  /** The validated rule set, when there is no error. */
  ruleSet: RuleSet | null;
  cases: CasesReport;
}

/** One invariant's verdict, in words. */
export interface InvariantRow {
  id: string;
  description: string;
  /** What it promises: an outcome at least this serious, or the crisis lines on every later result. */
  atLeast: Tier | undefined;
  shows: 'crisis-lines' | undefined;
  status: InvariantResult['status'];
  vacuous: boolean;
  /** Answer paths the proof covered. */
  paths: number;
  /** The counterexample, one answer a line: `“Are you pregnant?” → “Pregnant”`. */
  steps: string[];
  /** What the counterexample led to. */
  outcome: { tier: Tier; fired: string[]; interrupted: boolean } | null;
  /** Line of the invariant in the rule file. */
  line: number;
}

/** The slow half: lint, proofs, time and the diagram, for a valid rule set. */
export interface Analysis {
  /** Lint, broken-invariant and time findings, placed in the rule file. */
  findings: RuleIssue[];
  invariants: InvariantRow[];
  /** The time estimate lines, as `screener check` prints them. */
  estimate: string[];
  /** Mermaid `flowchart TD` source. */
  mermaid: string;
}

/**
 * Loads the rules and, when they are valid, loads and runs the cases.
 *
 * @example
 * const v = validate(rulesText, casesText, { rules: 'ketamine.yaml', cases: 'ketamine.cases.yaml' });
 * v.issues.filter((issue) => issue.severity === 'error').length // 0 for the default rules
 */
export function validate(rulesSource: string, casesSource: string, names: FileNames): Validation {
  const loaded = loadRuleSet(rulesSource, names.rules);
  if (!loaded.ok) {
    return { issues: loaded.issues, ruleSet: null, cases: { state: 'not-run', reason: 'the rules have errors' } };
  }
  return { issues: loaded.issues, ruleSet: loaded.ruleSet, cases: checkCases(loaded.ruleSet, casesSource, names.cases) };
}

function checkCases(ruleSet: RuleSet, source: string, file: string): CasesReport {
  if (source.trim() === '') return { state: 'not-run', reason: 'the cases file is empty' };
  const loaded = loadCases(source, file, ruleSet);
  if (!loaded.ok) return { state: 'invalid', issues: loaded.issues };
  const results = runCases(ruleSet, loaded.cases);
  const rows = results.map((result) => ({
    name: result.case.name,
    line: result.case.line,
    passed: result.passed,
    expected: result.case.expect,
    actual: result.actual,
    missing: result.missing,
    unexpected: result.unexpected,
  }));
  const failures = results.flatMap((result) => (result.issue ? [result.issue] : []));
  return { state: 'ran', issues: [...loaded.issues, ...failures], rows };
}

/**
 * Lints, proves every invariant, estimates the time and draws the flowchart.
 *
 * @example
 * const a = analyze(ruleSet, rulesText, 'ketamine.yaml');
 * a.invariants.every((row) => row.status === 'proven') // true for the default rules
 */
export function analyze(ruleSet: RuleSet, rulesSource: string, file: string): Analysis {
  const place = findingPlacer(rulesSource, file);
  try {
    const graph = buildPathGraph(ruleSet);
    const results = proveInvariants(ruleSet);
    const estimate = estimateTime(ruleSet, ruleSet.locale, graph);
    const lineOfInvariant = (index: number) => place({ code: '', severity: 'warning', path: ['invariants', index], message: '' }).line;
    return {
      findings: [...lintRuleSet(ruleSet, graph), ...invariantFindings(results), ...estimate.findings].map(place),
      invariants: results.map((result) => ({
        id: result.id,
        description: result.description,
        atLeast: result.atLeast,
        shows: result.shows,
        status: result.status,
        vacuous: result.vacuous,
        paths: result.explored.paths,
        steps: result.counterexample ? formatSteps(ruleSet, result.counterexample.steps) : [],
        outcome: result.counterexample
          ? { tier: result.counterexample.tier, fired: result.counterexample.fired, interrupted: result.counterexample.interrupted }
          : null,
        line: lineOfInvariant(result.index),
      })),
      estimate: formatEstimate(estimate),
      mermaid: ruleSetToMermaid(ruleSet, ruleSet.locale, graph),
    };
  } catch (error) {
    // A rule set too wide to analyse is a problem in the file, not a crash of the page.
    if (error instanceof TooManyClassesError) {
      return { findings: [place(error.toFinding(ruleSet))], invariants: [], estimate: [], mermaid: '' };
    }
    throw error;
  }
}
