/**
 * Putting the parts of a check together (src/analysis/check.ts runs them):
 * problems in the order people read them, the counts, the verdict and the
 * summary line. Its own module, with no parser behind it, so the playground
 * page orders and counts problems exactly as `screener check` does without
 * loading what the worker runs.
 */
import { messages as M } from '../authoring/messages.ts';
import { sortIssues } from '../authoring/rule-issue.ts';
import type { CasesData, DiagramData, FileNames, InvariantRow, LintData, ReportIssue, TimeData, ValidateData } from './check-steps.ts';

/** Each step's data, by step name; a step that did not run is absent. */
export interface StepData {
  validate?: ValidateData;
  cases?: CasesData;
  lint?: LintData;
  invariants?: InvariantRow[];
  time?: TimeData;
  diagram?: DiagramData;
  /** Steps added by the caller. */
  [name: string]: unknown;
}

/** What some steps found, as plain data. */
export interface CheckPart {
  /** Problems in both files, unordered (see {@link summarize}). */
  issues: ReportIssue[];
  /** Lines to print after the problems (invariant verdicts, time). */
  notes: string[];
  /** Parts of the summary line, e.g. "4/4 cases passed". */
  summary: string[];
  steps: StepData;
}

/** Everything found so far, counted and in the order people read it. */
export interface CheckSummary {
  ok: boolean;
  errors: number;
  warnings: number;
  /** Every problem, in file order, rule file first then the cases file. */
  issues: ReportIssue[];
  steps: StepData;
  /** The one-line summary: `file: 0 errors, 1 warning, 4/4 cases passed, 1/1 invariants proven`. */
  summary: string;
  notes: string[];
}

/**
 * Puts parts together: problems in file order (rule file first), the
 * counts, the verdict and the summary line.
 *
 * @example
 * summarize(names, [quick, slow]).summary // 'ketamine.yaml: 0 errors, 0 warnings, 48/48 cases passed, 9/9 invariants proven'
 */
export function summarize(names: FileNames, parts: readonly CheckPart[], options: { strict?: boolean } = {}): CheckSummary {
  const issues = parts.flatMap((part) => part.issues);
  const ordered = [
    ...sortIssues(issues.filter((issue) => issue.file === names.rules)),
    ...sortIssues(issues.filter((issue) => issue.file !== names.rules)),
  ] as ReportIssue[];
  const errors = ordered.filter((issue) => issue.severity === 'error').length;
  const warnings = ordered.length - errors;
  const steps: StepData = Object.assign({}, ...parts.map((part) => part.steps));
  const loaded = steps.validate?.ok === true;
  const summaryParts = loaded ? parts.flatMap((part) => part.summary) : [M.cliNotLoaded];
  return {
    ok: errors === 0 && (!options.strict || warnings === 0),
    errors,
    warnings,
    issues: ordered,
    steps,
    summary: `${names.rules}: ${[M.cliCounts(errors, warnings), ...summaryParts].join(', ')}`,
    notes: parts.flatMap((part) => part.notes),
  };
}
