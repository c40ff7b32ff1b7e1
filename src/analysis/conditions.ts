/**
 * Small facts about conditions that every analysis needs: where they are,
 * the options a test names, and the last question they read (after which
 * their value cannot change). Their leaf tests come from the core's one fold
 * (`leavesOf` in src/core/conditions.ts).
 */
import { leavesOf } from '../core/conditions.ts';
import { has, own } from '../core/own.ts';
import type { Condition, LeafCondition, RuleSet } from '../authoring/schema.ts';

/**
 * Every condition in a rule set that can tell answers apart: `showIf`s, rule and invariant `when`s.
 *
 * @example
 * conditionsOf(ruleSet).length // showIfs + rules + invariants
 */
export function conditionsOf(ruleSet: RuleSet): Condition[] {
  return [
    ...ruleSet.questions.flatMap((question) => own(question, 'showIf') ?? []),
    ...ruleSet.rules.map((rule) => rule.when),
    ...ruleSet.invariants.map((invariant) => invariant.when),
  ];
}

/**
 * The option ids a leaf names (none for number and `answered` tests).
 *
 * @example
 * optionIdsOf({ question: 'meds', includesAny: ['opioids', 'maoi'] }) // ['opioids', 'maoi']
 */
export function optionIdsOf(leaf: LeafCondition): string[] {
  if (has(leaf, 'equals')) return [leaf.equals];
  if (has(leaf, 'oneOf')) return leaf.oneOf;
  if (has(leaf, 'noneOf')) return leaf.noneOf;
  if (has(leaf, 'includes')) return [leaf.includes];
  if (has(leaf, 'includesAny')) return leaf.includesAny;
  return [];
}

/**
 * A stable text key for a leaf, so equal tests written twice count once.
 *
 * @example
 * leafKey({ question: 'a', equals: 'x' }) === leafKey({ equals: 'x', question: 'a' }) // true
 */
export function leafKey(leaf: LeafCondition): string {
  // Each analysis asks again for the same leaves of the same rule set (one path graph per invariant).
  let key = leafKeys.get(leaf);
  if (key === undefined) leafKeys.set(leaf, (key = JSON.stringify(Object.entries(leaf).sort(([a], [b]) => a.localeCompare(b)))));
  return key;
}

/** Leaf → its key. Rule sets are never changed once loaded, so a leaf's key never changes. */
const leafKeys = new WeakMap<LeafCondition, string>();

/**
 * The index of the last question a condition reads, or -1 when it reads no
 * known question. Once that question is behind the patient, the condition's
 * value is final (a `showIf` may only look back, so nothing later changes it).
 *
 * @example
 * lastQuestionIndex({ all: [{ question: 'age', atLeast: 18 }, { question: 'bp', equals: 'high' }] }, questionOrder(ruleSet)) // index of 'bp'
 */
export function lastQuestionIndex(condition: Condition, order: ReadonlyMap<string, number>): number {
  let last = -1;
  for (const leaf of leavesOf(condition)) last = Math.max(last, order.get(leaf.question) ?? -1);
  return last;
}

/**
 * Question id → position in the file.
 *
 * @example
 * questionOrder(ruleSet).get('age') // 0
 */
export function questionOrder(ruleSet: RuleSet): Map<string, number> {
  return new Map(ruleSet.questions.map((question, index) => [question.id, index]));
}
