/**
 * The steps of `screener check`, run in order on one rule file. Each step
 * returns its issues, extra lines to print, parts of the summary line and
 * data for `--json`. Adding a kind of analysis is one entry in
 * {@link CHECK_STEPS}.
 */
import { buildPathGraph, estimateTime, formatEstimate, formatInvariantResult, invariantFindings, lintRuleSet, proveInvariants } from '../analysis/index.ts';
import type { PathGraph } from '../analysis/index.ts';
import { loadCases, runCases } from '../authoring/cases.ts';
import type { Finding } from '../authoring/finding.ts';
import { loadRuleSet, type RuleIssue } from '../authoring/loader.ts';
import { messages as M } from '../authoring/messages.ts';
import type { RuleSet } from '../authoring/schema.ts';

/** A problem to print, optionally with indented detail lines (a case diff). */
export type ReportIssue = RuleIssue & { detail?: string[] };

/** What every step can read. */
export interface CheckContext {
  /** The rule file's path as given on the command line. */
  file: string;
  source: string;
  /** Set by the validate step; later steps run only when it is. */
  ruleSet?: RuleSet;
  /** Gives an analysis finding its line and column in the rule file. */
  place: (finding: Finding) => RuleIssue;
  /** Reads a file beside the rule file; undefined when it does not exist. */
  readOptional: (path: string) => string | undefined;
  /** Values computed once and shared between steps (the path graph). */
  shared: Map<string, unknown>;
}

/** What one step found. */
export interface StepOutcome {
  issues: ReportIssue[];
  /** Lines printed after the issues, e.g. invariant verdicts. */
  notes?: string[];
  /** Parts of the summary line, e.g. "42/42 cases passed". */
  summary?: string[];
  /** Machine-readable results for `--json`, under `steps.<name>`. */
  data?: unknown;
  /** Skip the remaining steps (the file did not load). */
  stop?: boolean;
}

/** One step of `check`. */
export interface CheckStep {
  name: string;
  run: (context: CheckContext) => StepOutcome;
}

/**
 * The cases file beside a rule file.
 *
 * @example
 * casesFileFor('rules/ketamine.yaml') // 'rules/ketamine.cases.yaml'
 */
export function casesFileFor(file: string): string {
  return /\.ya?ml$/i.test(file) ? file.replace(/\.ya?ml$/i, '.cases.yaml') : `${file}.cases.yaml`;
}

const validate: CheckStep = {
  name: 'validate',
  run: (context) => {
    const result = loadRuleSet(context.source, context.file);
    if (!result.ok) return { issues: result.issues, stop: true, data: { ok: false } };
    context.ruleSet = result.ruleSet;
    return {
      issues: result.issues,
      data: { ok: true, id: result.ruleSet.id, version: result.ruleSet.version },
    };
  },
};

const cases: CheckStep = {
  name: 'cases',
  run: (context) => {
    const ruleSet = context.ruleSet!;
    const file = casesFileFor(context.file);
    let source: string | undefined;
    try {
      source = context.readOptional(file);
    } catch (error) {
      const { code, message } = error as NodeJS.ErrnoException;
      const issue: RuleIssue = { code: 'unreadable', severity: 'error', file, line: 1, column: 1, path: [], message: M.cliCannotRead(file, code, message) };
      return { issues: [issue], summary: [M.cliCasesNotRun], data: { file, present: true, loaded: false } };
    }
    if (source === undefined) return { issues: [], summary: [M.cliNoCases(file)], data: { file, present: false } };
    const loaded = loadCases(source, file, ruleSet);
    if (!loaded.ok) return { issues: loaded.issues, summary: [M.cliCasesNotRun], data: { file, present: true, loaded: false } };
    const results = runCases(ruleSet, loaded.cases);
    const passed = results.filter((r) => r.passed).length;
    const issues: ReportIssue[] = [
      ...loaded.issues,
      ...results.flatMap((r) => (r.issue ? [{ ...r.issue, detail: M.cliCaseDiff(r.case.expect, r.actual, r.missing, r.unexpected) }] : [])),
    ];
    return {
      issues,
      summary: [M.cliCasesPassed(passed, results.length)],
      data: {
        file,
        present: true,
        loaded: true,
        total: results.length,
        passed,
        results: results.map((r) => ({
          name: r.case.name,
          line: r.case.line,
          passed: r.passed,
          expected: r.case.expect,
          actual: r.actual,
          missing: r.missing,
          unexpected: r.unexpected,
        })),
      },
    };
  },
};

function pathGraph(context: CheckContext): PathGraph {
  let graph = context.shared.get('pathGraph') as PathGraph | undefined;
  if (!graph) {
    graph = buildPathGraph(context.ruleSet!);
    context.shared.set('pathGraph', graph);
  }
  return graph;
}

const lint: CheckStep = {
  name: 'lint',
  run: (context) => ({ issues: lintRuleSet(context.ruleSet!, pathGraph(context)).map(context.place) }),
};

const invariants: CheckStep = {
  name: 'invariants',
  run: (context) => {
    const ruleSet = context.ruleSet!;
    const results = proveInvariants(ruleSet);
    const proven = results.filter((r) => r.status === 'proven').length;
    return {
      issues: invariantFindings(results).map(context.place),
      notes: results.flatMap((r) => formatInvariantResult(ruleSet, r)),
      summary: results.length ? [M.cliInvariantsProven(proven, results.length)] : [M.cliNoInvariants],
      data: results.map((r) => ({
        id: r.id,
        status: r.status,
        vacuous: r.vacuous,
        ...(r.counterexample ? { counterexample: r.counterexample } : {}),
      })),
    };
  },
};

const time: CheckStep = {
  name: 'time',
  run: (context) => {
    const estimate = estimateTime(context.ruleSet!, context.ruleSet!.locale, pathGraph(context));
    return {
      issues: estimate.findings.map(context.place),
      notes: formatEstimate(estimate),
      data: estimate,
    };
  },
};

/**
 * The steps of `screener check`, in order. A new analysis is one more entry.
 *
 * @example
 * runCheck(file, source, read, { steps: [...CHECK_STEPS, { name: 'spelling', run: (context) => ({ issues: [] }) }] });
 */
export const CHECK_STEPS: readonly CheckStep[] = [validate, cases, lint, invariants, time];
