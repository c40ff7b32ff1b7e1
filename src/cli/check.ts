/**
 * `screener check <file>`: runs the check pipeline (src/analysis/check.ts) on
 * one rule file and prints what it found, for people (one `file:line:column
 * message` per problem, then a summary line) or for tools (`--json`).
 */
import {
  casesFileFor,
  CHECK_STEPS,
  runSteps,
  startCheck,
  summarize,
  type CheckStep,
  type ReportIssue,
  type StepData,
} from '../analysis/index.ts';
import { formatIssue } from '../authoring/loader.ts';
import { styles, type Io } from './io.ts';

/** The machine-readable result of `check` (what `--json` prints). */
export interface CheckReport {
  file: string;
  ok: boolean;
  exitCode: 0 | 1;
  errors: number;
  warnings: number;
  /** Every problem, in file order, rule file first then the cases file. */
  issues: ReportIssue[];
  /** Per step: its data (see {@link jsonSteps}). Steps skipped after a failed load are absent. */
  steps: Record<string, unknown>;
  /** The one-line summary, as printed. */
  summary: string;
  /** Lines printed between the problems and the summary (invariants, time). */
  notes: string[];
}

/** Options of `check`. */
export interface CheckOptions {
  /** Count warnings as problems. */
  strict?: boolean;
  steps?: readonly CheckStep[];
}

/**
 * Runs every check step on a rule file's text, with its cases file beside it.
 *
 * @example
 * const report = runCheck('rules/ketamine.yaml', source, (path) => readFileSync(path, 'utf8'));
 * report.exitCode // 0 when valid, every case passes and every invariant is proven
 */
export function runCheck(
  file: string,
  source: string,
  readOptional: (path: string) => string | undefined,
  options: CheckOptions = {},
): CheckReport {
  const names = { rules: file, cases: casesFileFor(file) };
  const context = startCheck({ names, rules: source, readCases: () => readOptional(names.cases) });
  const found = summarize(names, [runSteps(context, options.steps ?? CHECK_STEPS)], options);
  const { ok, errors, warnings, issues, summary, notes } = found;
  return { file, ok, exitCode: ok ? 0 : 1, errors, warnings, issues, steps: jsonSteps(found.steps), summary, notes };
}

/**
 * The step data as `--json` has always printed it, for the tools that read
 * it: the path-graph size (`lint`) stays out, and an invariant is its id,
 * verdict and counterexample (the words and line are for the playground).
 *
 * @example
 * jsonSteps(summarize(names, [part]).steps).invariants // [{ id: 'pregnant-not-suitable', status: 'proven', vacuous: false }]
 */
export function jsonSteps(steps: StepData): Record<string, unknown> {
  const { lint: _lint, ...rest } = steps;
  if (!rest.invariants) return rest;
  return {
    ...rest,
    invariants: rest.invariants.map(({ id, status, vacuous, counterexample }) => ({
      id,
      status,
      vacuous,
      ...(counterexample ? { counterexample } : {}),
    })),
  };
}

/**
 * Prints a report for people: problems, then notes, then the summary line.
 *
 * @example
 * printReport(report, processIo());
 */
export function printReport(report: CheckReport, io: Io): void {
  const s = styles(io.color);
  for (const issue of report.issues) {
    const location = `${issue.file}:${issue.line}:${issue.column}`;
    const text = formatIssue(issue).slice(location.length + 1);
    const message = issue.severity === 'warning' ? s.yellow(text) : text;
    io.out(`${s.bold(location)} ${message}`);
    for (const line of issue.detail ?? []) io.out(s.dim(`    ${line}`));
  }
  if (report.notes.length > 0) {
    if (report.issues.length > 0) io.out('');
    for (const note of report.notes) {
      io.out(note.startsWith('✓') ? s.green(note) : note.startsWith('✗') ? s.red(note) : note);
    }
    io.out('');
  }
  io.out(report.ok ? s.green(report.summary) : s.red(s.bold(report.summary)));
}
