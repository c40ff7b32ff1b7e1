/**
 * Lowers one of our conditions to a plain boolean tree that spells out our
 * missing- and hidden-answer semantics (see the header of src/core/engine.ts), so
 * that a rule engine without those semantics can be given rules that mean
 * exactly what ours mean.
 *
 * - A test on question `q` becomes `counted(q) AND test`, where
 *   `counted(q) = visible(q) AND answered(q)` and `visible(q)` is `q`'s own
 *   `showIf`, lowered the same way (recursively: `showIf` may only refer to
 *   earlier questions). So each peer works from the SAME raw answers as ours,
 *   hidden answers included, and must ignore hidden answers itself.
 * - `answered: false` becomes `NOT counted(q)`; `not` stays plain negation.
 * - A test that can never hold for the question's type under our semantics
 *   (e.g. `includes` on a single-choice question) becomes `false`.
 * - In `counted` mode visibility is assumed done (answers already counted);
 *   this only serves the "visibility done outside the engine" comparison.
 */
import type { Condition, LeafCondition, Question, RuleSet } from '../../src/authoring/schema.ts';

/** A test on a present answer of a question of a known type. */
export interface TestNode {
  test: LeafCondition;
  type: Question['type'];
}

/** A boolean tree: constants, `all`/`any`/`not`, "answer present", and tests. */
export type Plain =
  | boolean
  | { all: Plain[] }
  | { any: Plain[] }
  | { not: Plain }
  | { present: string }
  | TestNode;

/** `raw`: visibility is encoded in the tree. `counted`: answers are pre-counted. */
export type LowerMode = 'raw' | 'counted';

/** Conjunction with constant folding. */
export function allOf(items: Plain[]): Plain {
  const kept: Plain[] = [];
  for (const item of items) {
    if (item === false) return false;
    if (item === true) continue;
    if (typeof item === 'object' && 'all' in item) kept.push(...item.all);
    else kept.push(item);
  }
  if (kept.length === 0) return true;
  return kept.length === 1 ? (kept[0] as Plain) : { all: kept };
}

/** Disjunction with constant folding. */
export function anyOf(items: Plain[]): Plain {
  const kept: Plain[] = [];
  for (const item of items) {
    if (item === true) return true;
    if (item === false) continue;
    if (typeof item === 'object' && 'any' in item) kept.push(...item.any);
    else kept.push(item);
  }
  if (kept.length === 0) return false;
  return kept.length === 1 ? (kept[0] as Plain) : { any: kept };
}

/** Negation with constant folding. */
export function notOf(item: Plain): Plain {
  if (typeof item === 'boolean') return !item;
  if ('not' in item) return item.not;
  return { not: item };
}

/** The leaf tests that can hold for each question type (answers being valid). */
const POSSIBLE: Record<Question['type'], ReadonlySet<string>> = {
  'single-choice': new Set(['equals', 'oneOf', 'noneOf']),
  'multiple-choice': new Set(['noneOf', 'includes', 'includesAny']),
  number: new Set(['lessThan', 'atMost', 'greaterThan', 'atLeast']),
};

function leafOperator(leaf: LeafCondition): string {
  const key = Object.keys(leaf).find((k) => k !== 'question');
  if (!key) throw new Error('bench: a leaf condition without a test');
  return key;
}

/**
 * Lowers conditions of one rule set; memoises `visible(q)` per question.
 *
 * @example
 * const lower = conditionLowerer(ruleSet, 'raw');
 * const plain = lower({ question: 'age', lessThan: 18 });
 * // { all: [{ present: 'age' }, { test: { question: 'age', lessThan: 18 }, type: 'number' }] }
 */
export function conditionLowerer(ruleSet: RuleSet, mode: LowerMode): (condition: Condition) => Plain {
  const questions = new Map(ruleSet.questions.map((question) => [question.id, question]));
  const visible = new Map<string, Plain>();

  const visibility = (question: Question): Plain => {
    if (mode === 'counted' || !question.showIf) return true;
    let plain = visible.get(question.id);
    if (plain === undefined) {
      plain = lower(question.showIf);
      visible.set(question.id, plain);
    }
    return plain;
  };

  const counted = (id: string): Plain => {
    const question = questions.get(id);
    // An unknown question never has a counted answer, as in our engine.
    if (!question) return false;
    return allOf([visibility(question), { present: id }]);
  };

  function lower(condition: Condition): Plain {
    if ('all' in condition) return allOf(condition.all.map(lower));
    if ('any' in condition) return anyOf(condition.any.map(lower));
    if ('not' in condition) return notOf(lower(condition.not));
    if ('answered' in condition) {
      const isCounted = counted(condition.question);
      return condition.answered ? isCounted : notOf(isCounted);
    }
    const question = questions.get(condition.question);
    if (!question || !POSSIBLE[question.type].has(leafOperator(condition))) return false;
    return allOf([counted(condition.question), { test: condition, type: question.type }]);
  }

  return lower;
}
