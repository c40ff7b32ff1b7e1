/**
 * Turns the YAML text of a rule file into a validated rule set, or into a
 * list of issues a clinician can act on: each with file, line, column, path
 * and a message saying what was expected, what was found and how to fix it.
 *
 * Pure: no file system. The CLI reads the file; the playground passes the
 * editor's text.
 */
import { LineCounter, parseDocument } from 'yaml';
import { RuleSet } from './schema.ts';
import { locate } from './yaml-positions.ts';

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

/** A validated rule set (with warnings), or the errors that stop it loading. */
export type LoadResult =
  | { ok: true; ruleSet: RuleSet; issues: RuleIssue[] }
  | { ok: false; issues: RuleIssue[] };

/**
 * Parses and validates a rule file.
 *
 * @example
 * const result = loadRuleSet(readFileSync('rules/ketamine.yaml', 'utf8'), 'rules/ketamine.yaml');
 * if (!result.ok) result.issues.forEach((issue) => console.error(formatIssue(issue)));
 */
export function loadRuleSet(source: string, file = 'rules.yaml'): LoadResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((error) => {
        const { line, col } = lineCounter.linePos(error.pos[0]);
        return { code: 'yaml-syntax', severity: 'error', file, line, column: col, path: [], message: error.message };
      }),
    };
  }
  const parsed = RuleSet.safeParse(doc.toJS());
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => {
        const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
        const { position } = locate(doc, lineCounter, path);
        return { code: 'invalid', severity: 'error', file, ...position, path, message: issue.message };
      }),
    };
  }
  return { ok: true, ruleSet: parsed.data, issues: [] };
}

/**
 * One issue as a line, the way compilers and editors print them.
 *
 * @example
 * formatIssue(issue) // 'rules/ketamine.yaml:12:7 a rule\'s tier is one of …'
 */
export function formatIssue(issue: RuleIssue): string {
  return `${issue.file}:${issue.line}:${issue.column} ${issue.message}`;
}
