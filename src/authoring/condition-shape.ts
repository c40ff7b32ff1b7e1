/**
 * Explains why a condition does not have a valid shape.
 *
 * The schema models a condition as a union of thirteen one-test shapes, so
 * when one is wrong Zod can only say "no shape matched". A clinician needs to
 * hear which test they wrote, what it takes, and what is wrong with it; this
 * reads the written condition and says so. Zod still decides validity: this
 * only produces the words.
 */
import { closest } from './suggest.ts';
import { isMap, type Finding } from './finding.ts';
import { messages as M } from './messages.ts';
import { COMBINATORS, ID_PATTERN, LEAF_OPERATORS, LEAF_TESTS, MAX_CONDITION_DEPTH, type LeafOperator } from '../core/vocabulary.ts';

// The operators and what each takes come from vocabulary.ts, as the schema's and the widget's do.
const TESTS: readonly string[] = [...LEAF_OPERATORS, ...COMBINATORS];
const FIELDS: readonly string[] = ['question', ...TESTS];

type Path = (string | number)[];

/**
 * Every shape problem in a written condition, innermost first, with paths
 * under `path`. Empty when the shape is fine.
 *
 * @example
 * diagnoseCondition({ question: 'age', lesThan: 18 }, ['rules', 0, 'when'])
 * // [{ code: 'invalid-condition', path: ['rules',0,'when','lesThan'], at: 'key',
 * //    message: 'a condition has no test "lesThan". Did you mean "lessThan"? …' }]
 */
export function diagnoseCondition(value: unknown, path: Path): Finding[] {
  const found: Finding[] = [];
  const add = (at: Path, message: string, key = false) =>
    found.push({ code: 'invalid-condition', severity: 'error', path: at, message, ...(key ? { at: 'key' as const } : {}) });

  if (!isMap(value)) {
    add(path, M.conditionNotMap(value));
    return found;
  }
  const keys = Object.keys(value);
  for (const key of keys.filter((k) => !FIELDS.includes(k))) {
    add([...path, key], M.conditionUnknownKey(key, closest(key, FIELDS)), true);
  }
  const tests = keys.filter((k) => TESTS.includes(k));
  if (tests.length === 0) {
    if (found.length === 0) add(path, M.conditionNoTest(keys));
    return found;
  }
  if (tests.length > 1) {
    add([...path, tests[1]!], M.conditionManyTests(tests), true);
    return found;
  }
  const test = tests[0]!;
  const operand = value[test];
  const at = [...path, test];
  if (test === 'all' || test === 'any') {
    if ('question' in value) add([...path, 'question'], M.conditionCombinatorWithQuestion(test), true);
    if (!Array.isArray(operand)) add(at, M.conditionOperand(test, 'a list of conditions', operand, M.hintWriteList));
    else if (operand.length === 0) add(at, M.conditionEmptyList(test));
    else operand.forEach((inner, i) => found.push(...diagnoseCondition(inner, [...at, i])));
    return found;
  }
  if (test === 'not') {
    if ('question' in value) add([...path, 'question'], M.conditionCombinatorWithQuestion(test), true);
    found.push(...diagnoseCondition(operand, at));
    return found;
  }
  if (!('question' in value)) add(path, M.conditionMissingQuestion(test));
  else checkId(value.question, [...path, 'question'], 'a question id', add);
  checkOperand(test as LeafOperator, operand, at, add);
  return found;
}

/**
 * Conditions in a written rule set (before the schema reads it) that nest
 * deeper than {@link MAX_CONDITION_DEPTH}, the limit the widget keeps: one
 * finding per condition, at the first test or combinator past the limit.
 * Runs before the schema, so a condition thousands deep is refused, not
 * walked.
 *
 * @example
 * tooDeepConditions({ rules: [{ when: { not: { not: … } } }] }) // [{ code: 'condition-too-deep', path: ['rules', 0, 'when', 'not', …] }]
 */
export function tooDeepConditions(raw: unknown): Finding[] {
  const found: Finding[] = [];
  const walk = (value: unknown, path: Path, depth: number): boolean => {
    if (!isMap(value)) return false;
    if (depth > MAX_CONDITION_DEPTH) {
      found.push({ code: 'condition-too-deep', severity: 'error', path, message: M.conditionTooDeep(MAX_CONDITION_DEPTH) });
      return true;
    }
    if ('not' in value) return walk(value.not, [...path, 'not'], depth + 1);
    for (const key of ['all', 'any'] as const) {
      const list = value[key];
      if (Array.isArray(list) && list.some((inner, i) => walk(inner, [...path, key, i], depth + 1))) return true;
    }
    return false;
  };
  const list = (key: string) => (isMap(raw) && Array.isArray(raw[key]) ? (raw[key] as unknown[]) : []);
  list('questions').forEach((q, i) => isMap(q) && walk(q.showIf, ['questions', i, 'showIf'], 1));
  list('rules').forEach((r, i) => isMap(r) && walk(r.when, ['rules', i, 'when'], 1));
  list('invariants').forEach((v, i) => isMap(v) && walk(v.when, ['invariants', i, 'when'], 1));
  return found;
}

function checkOperand(test: LeafOperator, operand: unknown, at: Path, add: (at: Path, message: string) => void): void {
  switch (LEAF_TESTS[test].operand) {
    case 'option':
      checkId(operand, at, 'one option id', add, test);
      return;
    case 'options':
      if (!Array.isArray(operand)) add(at, M.conditionOperand(test, 'a list of option ids', operand, M.hintWriteList));
      else if (operand.length === 0) add(at, M.conditionEmptyList(test));
      else operand.forEach((item, i) => checkId(item, [...at, i], 'option ids', add, test));
      return;
    case 'boolean':
      if (typeof operand !== 'boolean') add(at, M.conditionOperand(test, 'true or false', operand));
      return;
    case 'number':
      if (typeof operand !== 'number') {
        const hint =
          typeof operand === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(operand)
            ? M.hintUnquoteNumber
            : typeof operand === 'string' && /^\s*-?\d/.test(operand)
              ? M.hintOnlyNumber
              : '';
        add(at, M.conditionOperand(test, 'a number', operand, hint));
      }
  }
}

function checkId(value: unknown, at: Path, expected: string, add: (at: Path, message: string) => void, test = 'question'): void {
  if (typeof value === 'string' && ID_PATTERN.test(value)) return;
  const hint =
    typeof value === 'boolean' ? M.hintQuoteBoolean : typeof value === 'string' && suggestId(value) ? M.hintIdFormat(suggestId(value)) : '';
  add(at, M.conditionOperand(test, expected, value, hint));
}

/** The id a clinician probably meant: "Blood Pressure" → "blood-pressure" ('' when no better). */
export function suggestId(value: string): string {
  const id = value
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return id && id !== value ? id : '';
}
