/**
 * The steps of the check pipeline (src/analysis/check.ts), run in order on one
 * rule file. Each step returns its issues, lines to print, parts of the
 * summary line and its data. Adding a kind of analysis is one entry in
 * {@link SLOW_STEPS}. No DOM, no Node: `screener check` and the playground's
 * worker run these very steps.
 */
import { loadCases, runCases } from '../authoring/cases.ts';
import type { Finding } from '../authoring/finding.ts';
import { loadRuleSet, type ParsedYaml, type RuleIssue } from '../authoring/loader.ts';
import { messages as M, quote } from '../authoring/messages.ts';
import { ruleSetLanguages } from '../core/rule-texts.ts';
import type { RuleSet, Tier } from '../authoring/schema.ts';
import { estimateTime, type TimeEstimate } from './estimate.ts';
import { formatInvariantResult, formatEstimate, formatScreenTimes, formatSteps } from './format.ts';
import { lintRuleSet } from './lint.ts';
import { ruleSetToMermaid } from './mermaid.ts';
import { buildPathGraph, ESTIMATE_STEP_WEIGHT, spendSteps, type PathGraph } from './path-graph.ts';
import { exploredOf, invariantFindings, proveInvariants, type Counterexample, type Explored, type InvariantResult } from './prove.ts';
import { signOffFindings } from './sign-off.ts';

/** The names the rule file and its cases file go by in issues. */
export interface FileNames {
  rules: string;
  cases: string;
}

/** A problem to show, optionally with indented detail lines (a case diff). */
export type ReportIssue = RuleIssue & { detail?: string[] };

/** What every step can read. */
export interface CheckContext {
  names: FileNames;
  /** The rule file's text. */
  source: string;
  /**
   * The cases file's text, or undefined when there is none. It may throw when
   * the file is there but cannot be read (its `code` and `message` are shown).
   */
  readCases: () => string | undefined;
  /** Set by the validate step; later steps run only when it is. */
  ruleSet?: RuleSet;
  /** The rule file parsed once for the whole check (only read). */
  parsed: ParsedYaml;
  /** Gives an analysis finding its line and column in the rule file. */
  place: (finding: Finding) => RuleIssue;
  /** Values computed once and shared between steps (the path graph). */
  shared: Map<string, unknown>;
  /** Set when a step stopped the check; later steps do not run. */
  stopped?: boolean;
}

/** What one step found. */
export interface StepOutcome {
  issues: ReportIssue[];
  /** Lines printed after the issues, e.g. invariant verdicts. */
  notes?: string[];
  /** Parts of the summary line, e.g. "42/42 cases passed". */
  summary?: string[];
  /** Plain data, under `steps.<name>` of the result. */
  data?: unknown;
  /** Skip the remaining steps (the file did not load). */
  stop?: boolean;
}

/** One step of the check. */
export interface CheckStep {
  name: string;
  run: (context: CheckContext) => StepOutcome;
}

/** `steps.validate`: did the rule file load. */
export type ValidateData = { ok: false } | { ok: true; id: string; version: string };

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

/**
 * `steps.cases`: no cases file, a cases file that did not load (unreadable, or
 * broken as a whole), or cases that ran. `total` counts every case of the file;
 * `notRun` those left out for problems of their own (each one an issue).
 */
export type CasesData =
  | { file: string; present: false }
  | { file: string; present: true; loaded: false }
  | { file: string; present: true; loaded: true; total: number; passed: number; notRun: number; results: CaseRow[] };

/** `steps.lint`: how large the plain path graph is (merged screens, answer classes, answer paths). */
export interface LintData {
  explored: Explored;
}

/** `steps.invariants`, one a row: the verdict, the promise in words and where it stands in the file. */
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
  /** The minimal answers that break it (fewest rules fired, then fewest answers), when it is broken. */
  counterexample?: Counterexample;
  /** The counterexample, one answer a line: `“Are you pregnant?” → “Pregnant”`. */
  steps: string[];
  /** Line of the invariant in the rule file. */
  line: number;
}

/** `steps.diagram`: the Mermaid `flowchart TD` source. */
export interface DiagramData {
  mermaid: string;
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
    const result = loadRuleSet(context.source, context.names.rules, context.parsed);
    if (!result.ok) return { issues: result.issues, stop: true, data: { ok: false } satisfies ValidateData };
    context.ruleSet = result.ruleSet;
    return {
      issues: result.issues,
      data: { ok: true, id: result.ruleSet.id, version: result.ruleSet.version } satisfies ValidateData,
    };
  },
};

const cases: CheckStep = {
  name: 'cases',
  run: (context) => {
    const ruleSet = context.ruleSet!;
    const file = context.names.cases;
    let source: string | undefined;
    try {
      source = context.readCases();
    } catch (error) {
      const { code, message } = error as { code?: string; message: string };
      const issue: RuleIssue = {
        code: 'unreadable',
        severity: 'error',
        file,
        line: 1,
        column: 1,
        path: [],
        message: M.cliCannotRead(file, code, message),
      };
      return { issues: [issue], summary: [M.cliCasesNotRun], data: { file, present: true, loaded: false } satisfies CasesData };
    }
    if (source === undefined) return { issues: [], summary: [M.cliNoCases(file)], data: { file, present: false } satisfies CasesData };
    const loaded = loadCases(source, file, ruleSet);
    // A case with problems of its own stays out (its issues say why); the others still run.
    const notRun = loaded.ok ? 0 : loaded.notRun;
    if (!loaded.ok && loaded.cases.length === 0 && notRun === 0)
      return { issues: loaded.issues, summary: [M.cliCasesNotRun], data: { file, present: true, loaded: false } satisfies CasesData };
    const results = runCases(ruleSet, loaded.cases);
    const passed = results.filter((r) => r.passed).length;
    const issues: ReportIssue[] = [
      ...loaded.issues,
      ...results.flatMap((r) => (r.issue ? [{ ...r.issue, detail: M.cliCaseDiff(r.case.expect, r.actual, r.missing, r.unexpected) }] : [])),
    ];
    const rows: CaseRow[] = results.map((r) => ({
      name: r.case.name,
      line: r.case.line,
      passed: r.passed,
      expected: r.case.expect,
      actual: r.actual,
      missing: r.missing,
      unexpected: r.unexpected,
    }));
    return {
      issues,
      summary: [M.cliCasesPassed(passed, results.length + notRun, notRun)],
      data: { file, present: true, loaded: true, total: results.length + notRun, passed, notRun, results: rows } satisfies CasesData,
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

const signOff: CheckStep = {
  name: 'sign-off',
  run: (context) => ({ issues: signOffFindings(context.ruleSet!).map(context.place) }),
};

const lint: CheckStep = {
  name: 'lint',
  run: (context) => {
    const graph = pathGraph(context);
    return { issues: lintRuleSet(context.ruleSet!, graph).map(context.place), data: { explored: exploredOf(graph) } satisfies LintData };
  },
};

const invariants: CheckStep = {
  name: 'invariants',
  run: (context) => {
    const ruleSet = context.ruleSet!;
    const results = proveInvariants(ruleSet);
    const proven = results.filter((r) => r.status === 'proven').length;
    const lineOf = (index: number) => context.place({ code: '', severity: 'warning', path: ['invariants', index], message: '' }).line;
    return {
      issues: invariantFindings(results).map(context.place),
      notes: results.flatMap((r) => formatInvariantResult(ruleSet, r)),
      summary: results.length ? [M.cliInvariantsProven(proven, results.length)] : [M.cliNoInvariants],
      data: results.map(
        (r): InvariantRow => ({
          id: r.id,
          description: r.description,
          atLeast: r.atLeast,
          shows: r.shows,
          status: r.status,
          vacuous: r.vacuous,
          paths: r.explored.paths,
          ...(r.counterexample ? { counterexample: r.counterexample } : {}),
          steps: r.counterexample ? formatSteps(ruleSet, r.counterexample.steps) : [],
          line: lineOf(r.index),
        }),
      ),
    };
  },
};

/** `steps.time`: the estimate in the file's own language, and under `languages` in each language it is written in (its own first). */
export type TimeData = TimeEstimate & { languages: Record<string, TimeEstimate> };

const time: CheckStep = {
  name: 'time',
  run: (context) => {
    const ruleSet = context.ruleSet!;
    const graph = pathGraph(context);
    // Each language is held to the same budget: Spanish runs longer than English for the same questions.
    const languages = Object.fromEntries(
      ruleSetLanguages(ruleSet).map((lang) => {
        // Each language walks every answer step again: counted against the check's limits first.
        spendSteps(graph.edgeCount * ESTIMATE_STEP_WEIGHT);
        return [lang, estimateTime(ruleSet, lang, graph)];
      }),
    );
    const [first, ...others] = Object.entries(languages);
    const estimate = first![1];
    // A slow typical path lists its screens, each with its words and seconds: where to trim.
    const issuesIn = (lang: string, found: TimeEstimate, prefix: string): ReportIssue[] =>
      found.findings.map((finding) => {
        const issue = context.place({ ...finding, message: `${prefix}${finding.message}` });
        return finding.code === 'slow-typical-path' ? { ...issue, detail: formatScreenTimes(ruleSet, found, lang) } : issue;
      });
    const issues = [
      ...issuesIn(first![0], estimate, ''),
      ...others.flatMap(([lang, other]) => issuesIn(lang, other, `in ${quote(lang)}: `)),
    ];
    const data: TimeData = { ...estimate, languages };
    return { issues, notes: formatEstimate(data), data };
  },
};

/**
 * The flowchart the playground draws. Not a step of `screener check` (it
 * prints no diagram); `screener graph` writes the same text.
 *
 * @example
 * runSteps(context, [...SLOW_STEPS, DIAGRAM_STEP]).steps.diagram // { mermaid: 'flowchart TD …' }
 */
export const DIAGRAM_STEP: CheckStep = {
  name: 'diagram',
  run: (context) => ({
    issues: [],
    data: { mermaid: ruleSetToMermaid(context.ruleSet!, context.ruleSet!.locale, pathGraph(context)) } satisfies DiagramData,
  }),
};

/**
 * The quick half: load the rules, check the sign-off is bound to them, load and run the cases (milliseconds).
 *
 * @example
 * runSteps(context, QUICK_STEPS).issues // loader and cases problems
 */
export const QUICK_STEPS: readonly CheckStep[] = [validate, signOff, cases];

/**
 * The slow half: lint, proofs, time (up to a second on the default rules).
 * A new analysis is one more entry.
 *
 * @example
 * runSteps(context, SLOW_STEPS).steps.invariants // InvariantRow[]
 */
export const SLOW_STEPS: readonly CheckStep[] = [lint, invariants, time];

/**
 * Every step of `screener check`, in order.
 *
 * @example
 * runCheck(file, source, read, { steps: [...CHECK_STEPS, { name: 'spelling', run: (context) => ({ issues: [] }) }] });
 */
export const CHECK_STEPS: readonly CheckStep[] = [...QUICK_STEPS, ...SLOW_STEPS];
