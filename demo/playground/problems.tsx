/**
 * The problems of both files, in file order, each a button that puts the
 * cursor on its line. The count above them is the page's one live region,
 * so a screen reader hears how many problems there are after each check,
 * not every intermediate state.
 */
import type { RuleIssue } from '../../src/authoring/loader.ts';

/** Which editor a problem belongs to. */
export type FileKey = 'rules' | 'cases';

/** A problem and the file it is in; `detail` holds the lines `screener check` prints indented below it. */
export interface Problem {
  file: FileKey;
  issue: RuleIssue & { detail?: string[] };
}

export interface ProblemsProps {
  problems: Problem[];
  /** The sentence for the live region, e.g. "1 error, 1 warning." */
  summary: string;
  checking: boolean;
  onPick: (problem: Problem) => void;
}

/**
 * "No problems", "1 error", "2 errors and 1 warning".
 *
 * @example
 * countText([{ file: 'rules', issue: { severity: 'error', … } }]) // '1 error'
 */
export function countText(problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.issue.severity === 'error').length;
  const warnings = problems.length - errors;
  if (problems.length === 0) return 'No problems';
  const parts = [errors && plural(errors, 'error'), warnings && plural(warnings, 'warning')].filter(Boolean);
  return parts.join(' and ');
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * @example
 * <Problems problems={list} summary="1 error." checking={false} onPick={(p) => goTo(p)} />
 */
export function Problems({ problems, summary, checking, onPick }: ProblemsProps) {
  return (
    <section class="pg-problems" aria-labelledby="pg-problems-title">
      <div class="pg-problems-head">
        <h2 id="pg-problems-title">Problems</h2>
        <p id="pg-problem-count" class="pg-count" role="status" aria-live="polite" aria-atomic="true">
          {summary}
        </p>
        {/* Visible only: announcing every "Checking…" would drown the count. */}
        <span class="pg-checking" aria-hidden="true" hidden={!checking}>
          Checking…
        </span>
      </div>
      {problems.length > 0 && (
        <ul class="pg-problem-list">
          {problems.map((problem, index) => (
            <li key={`${problem.file}:${index}`}>
              <button type="button" class={`pg-problem pg-problem-${problem.issue.severity}`} onClick={() => onPick(problem)}>
                <span class="pg-problem-where">
                  {problem.issue.file}, line {problem.issue.line}
                </span>{' '}
                <strong class="pg-problem-kind">{problem.issue.severity === 'error' ? 'Error:' : 'Warning:'}</strong>{' '}
                <span class="pg-problem-message">{problem.issue.message}</span>
              </button>
              {/* Folded: the time warning's screen-by-screen lines, a failed case's expected against actual. */}
              {problem.issue.detail && problem.issue.detail.length > 0 && (
                <details class="pg-problem-detail">
                  <summary>Details</summary>
                  <ul>
                    {problem.issue.detail.map((line, i) => (
                      <li key={i}>{line.trim()}</li>
                    ))}
                  </ul>
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
