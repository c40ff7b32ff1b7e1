/**
 * One problem in a rule file or a cases file, and the two ways it is shown:
 * as a `file:line:column message` line and in file order. Apart from the
 * loader (which re-exports it) so the playground page can order and count
 * problems without loading the YAML parser.
 */

/** One problem in a rule file. */
export interface RuleIssue {
  /** Stable kind of problem, e.g. 'yaml-syntax', 'invalid-type', 'unknown-question', 'duplicate-id'. */
  code: string;
  severity: 'error' | 'warning';
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** Where in the rule set, e.g. ['rules', 3, 'when', 'question']. */
  path: (string | number)[];
  /** Expected, found, and how to fix it, in plain words. */
  message: string;
}

/**
 * One issue as a line, the way compilers and editors print them.
 *
 * @example
 * formatIssue(issue) // 'rules/ketamine.yaml:12:11 there is no question "pregnacy". Did you mean "pregnancy"?'
 */
export function formatIssue(issue: RuleIssue): string {
  const prefix = issue.severity === 'warning' ? 'warning: ' : '';
  return `${issue.file}:${issue.line}:${issue.column} ${prefix}${issue.message}`;
}

/**
 * Issues in file order, so a clinician can fix them top to bottom.
 *
 * @example
 * sortIssues(issues).map(formatIssue).forEach((line) => console.log(line));
 */
export function sortIssues(issues: RuleIssue[]): RuleIssue[] {
  return [...issues].sort((a, b) => a.line - b.line || a.column - b.column);
}
