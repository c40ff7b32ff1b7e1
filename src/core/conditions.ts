/**
 * The one walk over a condition tree. The engine, the prover and the rule
 * checks all read `all`, `any` and `not` here, so a new combinator, or a
 * rule about reading them (own keys only: see own.ts), changes in one place.
 */
import { has } from './own.ts';
import type { Condition, LeafCondition } from '../authoring/schema.ts';

/** What to make of each kind of node: its children arrive already folded. */
export interface ConditionFold<T> {
  leaf(leaf: LeafCondition): T;
  all(parts: T[]): T;
  any(parts: T[]): T;
  not(inner: T): T;
}

/**
 * Folds a condition bottom-up: each leaf test through `fold.leaf`, each
 * group through `fold.all`, `fold.any` or `fold.not` with its folded
 * children. Reads own keys only, so an `all` a host page put on
 * `Object.prototype` never turns a test into a group.
 *
 * @example
 * foldCondition({ not: { question: 'age', lessThan: 18 } }, {
 *   leaf: (leaf) => 1, all: (parts) => Math.max(...parts) + 1, any: (parts) => Math.max(...parts) + 1, not: (inner) => inner + 1,
 * }) // 2: how deep the condition is
 */
export function foldCondition<T>(condition: Condition, fold: ConditionFold<T>): T {
  if (has(condition, 'all')) return fold.all(condition.all.map((part) => foldCondition(part, fold)));
  if (has(condition, 'any')) return fold.any(condition.any.map((part) => foldCondition(part, fold)));
  if (has(condition, 'not')) return fold.not(foldCondition(condition.not, fold));
  return fold.leaf(condition);
}

/** A condition as a predicate: true or false for some `state` its leaves read. */
export type Predicate<S> = (state: S) => boolean;

/**
 * Turns a condition into a predicate of plain closures (no eval), given how to
 * test a leaf: `all` and `any` stop at the first part that decides.
 * The engine's plan and the prover's walk both run what this builds, so
 * their `all`, `any` and `not` are the same boolean logic.
 *
 * @example
 * const under18 = predicateOf({ not: { question: 'age', atLeast: 18 } }, (leaf) => (age: number) => has(leaf, 'atLeast') && age >= leaf.atLeast);
 * under18(17) // true
 */
export function predicateOf<S>(condition: Condition, leaf: (leaf: LeafCondition) => Predicate<S>): Predicate<S> {
  return foldCondition<Predicate<S>>(condition, {
    leaf,
    all: (parts) => (state) => parts.every((part) => part(state)),
    any: (parts) => (state) => parts.some((part) => part(state)),
    not: (inner) => (state) => !inner(state),
  });
}

/**
 * Every leaf test inside a condition, in reading order.
 *
 * @example
 * leavesOf({ all: [{ question: 'a', equals: 'x' }, { not: { question: 'b', atLeast: 3 } }] })
 * // [{ question: 'a', equals: 'x' }, { question: 'b', atLeast: 3 }]
 */
export function leavesOf(condition: Condition): LeafCondition[] {
  return foldCondition<LeafCondition[]>(condition, {
    leaf: (leaf) => [leaf],
    all: (parts) => parts.flat(),
    any: (parts) => parts.flat(),
    not: (inner) => inner,
  });
}
