/**
 * `screener check <file>`: runs the check steps on one rule file and prints
 * the report, for people (one `file:line:column message` per problem, then a
 * summary line) or for tools (`--json`).
 */
import { findingPlacer, formatIssue, sortIssues } from '../authoring/loader.ts';
import { messages as M } from '../authoring/messages.ts';
import { CHECK_STEPS, type CheckContext, type CheckStep, type ReportIssue, type StepOutcome } from './check-steps.ts';
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
  /** Per step: its data (see each step). Steps skipped after a failed load are absent. */
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
 * Runs every check step on a rule file's text.
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
  const context: CheckContext = { file, source, place: findingPlacer(source, file), readOptional, shared: new Map() };
  const issues: ReportIssue[] = [];
  const notes: string[] = [];
  const summaryParts: string[] = [];
  const steps: Record<string, unknown> = {};
  for (const step of options.steps ?? CHECK_STEPS) {
    let outcome: StepOutcome;
    try {
      outcome = step.run(context);
    } catch (error) {
      // A crash in one analysis must not hide the others, nor look like a pass.
      outcome = {
        issues: [{ code: 'internal-error', severity: 'error' as const, file, line: 1, column: 1, path: [], message: M.cliStepCrashed(step.name, String((error as Error)?.message ?? error)) }],
      };
    }
    issues.push(...outcome.issues);
    notes.push(...(outcome.notes ?? []));
    summaryParts.push(...(outcome.summary ?? []));
    if (outcome.data !== undefined) steps[step.name] = outcome.data;
    if ('stop' in outcome && outcome.stop) break;
  }
  const ordered = [
    ...sortIssues(issues.filter((issue) => issue.file === file)),
    ...sortIssues(issues.filter((issue) => issue.file !== file)),
  ] as ReportIssue[];
  const errors = ordered.filter((issue) => issue.severity === 'error').length;
  const warnings = ordered.length - errors;
  const ok = errors === 0 && (!options.strict || warnings === 0);
  const loaded = 'validate' in steps && (steps.validate as { ok: boolean }).ok;
  const summary = `${file}: ${[M.cliCounts(errors, warnings), ...(loaded ? summaryParts : [M.cliNotLoaded])].join(', ')}`;
  return { file, ok, exitCode: ok ? 0 : 1, errors, warnings, issues: ordered, steps, summary, notes };
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
