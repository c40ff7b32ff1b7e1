/**
 * Conditions as predicates for the path walk. During the walk every answer is an
 * answer class's representative, so each leaf test's value is looked up in a
 * table filled ONCE per class by the engine's own `evaluateCondition`: the
 * engine's semantics (unanswered, hidden, `noneOf`, number edges) carry over
 * exactly, and `all` / `any` / `not` are plain boolean logic on top.
 */
import { predicateOf } from '../core/conditions.ts';
import { evaluateCondition } from '../core/engine.ts';
import type { Condition, LeafCondition, RuleSet } from '../authoring/schema.ts';
import type { AnswerClass } from './answer-classes.ts';
import { leafKey } from './conditions.ts';

/**
 * The walk's answers: for each question (by position), the index of the
 * chosen answer class, or -1 when the question has no counted answer.
 */
export type ClassState = readonly number[];

interface LeafTable {
  index: number;
  values: boolean[];
  unanswered: boolean;
}

// Shared by every graph built on the same classes (classes are cached per rule set).
const tableCache = new WeakMap<ReadonlyMap<string, readonly AnswerClass[]>, Map<string, LeafTable>>();

/** A condition as a predicate over the walk's answer classes. */
export type ClassPredicate = (state: ClassState) => boolean;

/**
 * Turns conditions into predicates over the answer classes of a rule set.
 *
 * @example
 * const predicate = classPredicates(ruleSet, classes);
 * const under18 = predicate({ question: 'age', lessThan: 18 });
 * under18([0, -1, …]) // true when age has class 0 (say, "17 or less")
 */
export function classPredicates(ruleSet: RuleSet, classes: ReadonlyMap<string, readonly AnswerClass[]>) {
  const order = new Map(ruleSet.questions.map((question, index) => [question.id, index]));
  let tables = tableCache.get(classes);
  if (!tables) tableCache.set(classes, (tables = new Map()));

  /** The leaf's value per class of its question, and when unanswered. */
  function leafTable(leaf: LeafCondition): LeafTable {
    const id = leafKey(leaf);
    const known = tables!.get(id);
    if (known) return known;
    const unanswered = evaluateCondition(leaf, {});
    const index = order.get(leaf.question) ?? -1;
    const values = (classes.get(leaf.question) ?? []).map((c) => evaluateCondition(leaf, { [leaf.question]: c.answer }));
    const table = { index, values, unanswered };
    tables!.set(id, table);
    return table;
  }

  function leafPredicate(leaf: LeafCondition): ClassPredicate {
    const { index, values, unanswered } = leafTable(leaf);
    if (index < 0) return () => unanswered;
    return (state) => {
      const chosen = state[index]!;
      return chosen < 0 ? unanswered : values[chosen]!;
    };
  }

  // The same `all` / `any` / `not` closures as the engine's plan (src/core/conditions.ts).
  function predicate(condition: Condition): ClassPredicate {
    return predicateOf(condition, leafPredicate);
  }

  return Object.assign(predicate, { leafTable, leafPredicate });
}
