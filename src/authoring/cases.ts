/**
 * Scenario cases: answers → the outcome a clinician expects (tier and the
 * exact rules that fire). `rules/<name>.cases.yaml` sits beside each rule
 * file; `screener check` and `npm test` run it.
 *
 * ```yaml
 * cases:
 *   - name: Adult with depression, no flags
 *     answers: { age: 34, goals: [depression], pregnancy: "no" }
 *     expect: { tier: candidate, fired: [] }
 * ```
 *
 * Answers are checked against the rule set when the file loads (unknown
 * questions or options, wrong answer types, numbers out of range), so a case
 * can only fail because of the rules, never because of a typo in the case.
 * A case with a problem of its own (an unknown rule id in `fired`) is one
 * error and does not run; the other cases of the file still can.
 */
import { evaluate, isValidAnswer, type Answer, type Answers } from '../core/engine.ts';
import { isMap, type Finding } from './finding.ts';
import { parseYaml, placeFinding, sortIssues, type ParsedYaml, type RuleIssue } from './loader.ts';
import { messages as M } from './messages.ts';
import type { Question, RuleSet, Tier } from './schema.ts';
import { TIERS } from '../core/vocabulary.ts';
import { closest } from './suggest.ts';
import { locate } from './yaml-positions.ts';

/** One scenario, validated against its rule set. */
export interface ScenarioCase {
  name: string;
  answers: Answers;
  expect: { tier: Tier; fired: string[] };
  /** Where the case starts in its file, for failure messages. */
  file: string;
  line: number;
  column: number;
}

/**
 * The cases of a file, or its problems. With problems, `cases` still holds
 * the cases that have none of their own (none when the file itself did not
 * load), which can run; `notRun` counts the cases left out.
 */
export type CasesLoadResult =
  | { ok: true; cases: ScenarioCase[]; issues: RuleIssue[] }
  | { ok: false; issues: RuleIssue[]; cases: ScenarioCase[]; notRun: number };

/** What happened when a case ran. */
export interface CaseResult {
  case: ScenarioCase;
  passed: boolean;
  actual: { tier: Tier; fired: string[] };
  /** Expected to fire, but did not. */
  missing: string[];
  /** Fired, but not expected. */
  unexpected: string[];
  /** The failure as an issue at the case's line; undefined when the case passed. */
  issue?: RuleIssue;
}

const CASE_FIELDS = ['name', 'answers', 'expect'];
const EXPECT_FIELDS = ['tier', 'fired'];

type Path = (string | number)[];

/**
 * Parses a cases file and checks every case against the rule set.
 *
 * @example
 * const loaded = loadCases(readFileSync('rules/ketamine.cases.yaml', 'utf8'), 'rules/ketamine.cases.yaml', ruleSet);
 * if (loaded.ok) runCases(ruleSet, loaded.cases).filter((r) => !r.passed);
 */
export function loadCases(source: string, file: string, ruleSet: RuleSet): CasesLoadResult {
  const parsed = parseYaml(source, file);
  if (parsed.issues.some((issue) => issue.severity === 'error')) return { ok: false, issues: parsed.issues, cases: [], notRun: 0 };
  const findings: Finding[] = [];
  const fail = (path: Path, message: string, code = 'invalid-case', at?: 'key') =>
    findings.push({ code, severity: 'error', path, message, ...(at ? { at } : {}) });

  const root = parsed.value;
  const list = isMap(root) ? root.cases : undefined;
  if (!Array.isArray(list)) {
    fail(isMap(root) && 'cases' in root ? ['cases'] : [], M.casesNotList(isMap(root) && 'cases' in root ? list : root));
    return { ok: false, issues: place(parsed, findings), cases: [], notRun: 0 };
  }
  for (const key of Object.keys(root as object).filter((k) => k !== 'cases')) {
    fail([key], M.caseUnknownField(key, closest(key, ['cases'])), 'unknown-field', 'key');
  }

  const questions = new Map(ruleSet.questions.map((q) => [q.id, q]));
  const ruleIds = ruleSet.rules.map((r) => r.id);
  const names = new Map<string, number>();
  const cases: ScenarioCase[] = [];

  list.forEach((item: unknown, index) => {
    const at: Path = ['cases', index];
    const before = findings.length;
    if (!isMap(item)) {
      fail(at, M.caseNotMap(item));
      return;
    }
    for (const key of Object.keys(item).filter((k) => !CASE_FIELDS.includes(k))) {
      fail([...at, key], M.caseUnknownField(key, closest(key, CASE_FIELDS)), 'unknown-field', 'key');
    }
    const name = item.name;
    if (typeof name !== 'string' || name.trim() === '') fail(typeof name === 'string' ? [...at, 'name'] : at, M.caseNameMissing());
    else if (names.has(name)) fail([...at, 'name'], M.caseDuplicateName(name, lineOf(parsed, ['cases', names.get(name)!])), 'duplicate-id');
    else names.set(name, index);

    const answers: Record<string, Answer> = {};
    const misspelt = Object.keys(item).some((k) => !CASE_FIELDS.includes(k) && closest(k, CASE_FIELDS) === 'answers');
    if (!('answers' in item)) {
      if (!misspelt) fail(at, M.caseMissing('answers'));
    } else if (!isMap(item.answers)) fail([...at, 'answers'], M.caseAnswersNotMap(item.answers));
    else {
      for (const [questionId, value] of Object.entries(item.answers)) {
        const path = [...at, 'answers', questionId];
        const question = questions.get(questionId);
        if (!question) {
          fail(
            path,
            M.unknownQuestion(questionId, closest(questionId, questions.keys()), [...questions.keys()]),
            'unknown-question',
            'key',
          );
          continue;
        }
        const problems = checkAnswer(question, value, path, parsed);
        if (problems.length > 0) findings.push(...problems);
        else answers[questionId] = value as Answer;
      }
    }

    const expected = checkExpect(item, at, ruleIds, fail);
    if (findings.length === before && expected && typeof name === 'string') {
      const { line, column } = locate(parsed.doc, parsed.lineCounter, at).position;
      cases.push({ name, answers, expect: expected, file, line, column });
    }
  });

  const issues = place(parsed, findings);
  return issues.some((issue) => issue.severity === 'error')
    ? { ok: false, issues, cases, notRun: list.length - cases.length }
    : { ok: true, cases, issues };
}

function checkExpect(
  item: Record<string, unknown>,
  at: Path,
  ruleIds: readonly string[],
  fail: (path: Path, message: string, code?: string, key?: 'key') => void,
): ScenarioCase['expect'] | undefined {
  if (!('expect' in item)) {
    fail(at, M.caseMissing('expect'));
    return undefined;
  }
  const expect = item.expect;
  const path = [...at, 'expect'];
  if (!isMap(expect)) {
    fail(path, M.caseMissing('expect: { tier: …, fired: […] }'));
    return undefined;
  }
  for (const key of Object.keys(expect).filter((k) => !EXPECT_FIELDS.includes(k))) {
    fail([...path, key], M.caseExpectUnknownField(key, closest(key, EXPECT_FIELDS)), 'unknown-field', 'key');
  }
  const tier = expect.tier;
  const tierOk = typeof tier === 'string' && (TIERS as readonly string[]).includes(tier);
  if (!('tier' in expect)) fail(path, M.caseMissing('tier'));
  else if (!tierOk)
    fail([...path, 'tier'], M.caseUnknownTier(tier, typeof tier === 'string' ? closest(tier, TIERS) : undefined), 'unknown-tier');
  const fired = expect.fired;
  let firedOk = Array.isArray(fired);
  if (!('fired' in expect)) fail(path, M.caseMissing('fired'));
  else if (!Array.isArray(fired)) fail([...path, 'fired'], M.caseFiredNotList(fired));
  else {
    fired.forEach((id: unknown, i) => {
      if (typeof id === 'string' && ruleIds.includes(id)) return;
      firedOk = false;
      fail([...path, 'fired', i], M.caseUnknownRule(id, typeof id === 'string' ? closest(id, ruleIds) : undefined), 'unknown-rule');
    });
  }
  return tierOk && firedOk ? { tier: tier as Tier, fired: fired as string[] } : undefined;
}

function checkAnswer(question: Question, value: unknown, path: Path, parsed: ParsedYaml): Finding[] {
  const error = (message: string, at: Path = path, code = 'invalid-answer'): Finding => ({ code, severity: 'error', path: at, message });
  if (question.type === 'number') {
    if (typeof value !== 'number') {
      const hint = typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? M.hintUnquoteNumber : '';
      return [error(M.caseNumberExpected(question.id, value, hint))];
    }
    return isValidAnswer(question, value)
      ? []
      : [error(M.caseNumberOutOfRange(question.id, value, question.min, question.max, question.step ?? 1))];
  }
  const options = question.options.map((o) => o.id);
  const optionProblem = (option: unknown, at: Path): Finding | undefined => {
    if (typeof option === 'boolean') return error(M.caseBooleanAnswer(question.id, writtenAt(parsed, at) ?? String(option), options), at);
    if (typeof option !== 'string') return error(M.caseSingleExpected(question.id, option), at);
    if (!options.includes(option)) {
      return error(M.unknownOption(option, question.id, closest(option, options), options), at, 'unknown-option');
    }
    return undefined;
  };
  if (question.type === 'single-choice') {
    if (Array.isArray(value)) return [error(M.caseSingleExpected(question.id, value))];
    const problem = optionProblem(value, path);
    return problem ? [problem] : [];
  }
  if (!Array.isArray(value)) {
    if (typeof value === 'boolean') return [error(M.caseBooleanAnswer(question.id, writtenAt(parsed, path) ?? String(value), options))];
    return [error(M.caseMultipleExpected(question.id, value))];
  }
  if (value.length === 0) return [error(M.caseMultipleExpected(question.id, value))];
  const problems = value.flatMap((option: unknown, i) => optionProblem(option, [...path, i]) ?? []);
  if (problems.length > 0) return problems;
  const repeated = value.find((option, i) => value.indexOf(option) !== i);
  if (repeated !== undefined) return [error(M.caseRepeatedOption(question.id, String(repeated)))];
  const exclusive = question.options.find((o) => o.exclusive && value.includes(o.id));
  if (exclusive && value.length > 1) return [error(M.caseExclusiveMixed(question.id, exclusive.id))];
  return [];
}

/**
 * Runs each case through the engine and compares tier and fired rules.
 *
 * @example
 * const failed = runCases(ruleSet, cases).filter((result) => !result.passed);
 * failed.forEach((result) => console.log(formatIssue(result.issue!)));
 */
export function runCases(ruleSet: RuleSet, cases: readonly ScenarioCase[]): CaseResult[] {
  return cases.map((scenario) => {
    const outcome = evaluate(ruleSet, scenario.answers);
    const actualFired = outcome.fired.map((rule) => rule.id);
    const missing = scenario.expect.fired.filter((id) => !actualFired.includes(id));
    const unexpected = actualFired.filter((id) => !scenario.expect.fired.includes(id));
    const tierMatches = outcome.tier === scenario.expect.tier;
    const passed = tierMatches && missing.length === 0 && unexpected.length === 0;
    const result: CaseResult = { case: scenario, passed, actual: { tier: outcome.tier, fired: actualFired }, missing, unexpected };
    if (!passed) {
      const details = [
        ...(tierMatches ? [] : [M.caseTier(scenario.expect.tier, outcome.tier)]),
        ...(missing.length ? [M.caseFiredMissing(missing)] : []),
        ...(unexpected.length ? [M.caseFiredUnexpected(unexpected)] : []),
      ];
      result.issue = {
        code: 'case-failed',
        severity: 'error',
        file: scenario.file,
        line: scenario.line,
        column: scenario.column,
        path: [],
        message: M.caseFailed(scenario.name, details),
      };
    }
    return result;
  });
}

function place(parsed: ParsedYaml, findings: Finding[]): RuleIssue[] {
  return sortIssues([...parsed.issues, ...findings.map((finding) => placeFinding(parsed, finding))]);
}

function lineOf(parsed: ParsedYaml, path: Path): number {
  return locate(parsed.doc, parsed.lineCounter, path).position.line;
}

/** The text exactly as written at a path (to quote `yes` back, not `true`). */
function writtenAt(parsed: ParsedYaml, path: Path): string | undefined {
  const node = parsed.doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
  if (!node?.range) return undefined;
  return parsed.source.slice(node.range[0], node.range[1]).trim();
}
