/**
 * The three engines under comparison, behind one interface: ours
 * (`evaluate` from src/core/engine.ts), json-rules-engine and json-logic-js. The
 * peers get rules translated from ours through {@link conditionLowerer}, so
 * they decide with exactly our semantics from exactly the same raw answers.
 *
 * Peers are devDependencies used here only; nothing in src/ or widget/
 * imports them.
 */
import jsonLogic, { type RulesLogic } from 'json-logic-js';
import { Engine, type NestedCondition, type TopLevelCondition } from 'json-rules-engine';
import { evaluate, tierRank, type Answers } from '../../src/core/engine.ts';
import type { RuleSet, Tier } from '../../src/authoring/schema.ts';
import { conditionLowerer, type LowerMode, type Plain, type TestNode } from './lower-condition.ts';

/** What every engine must agree on: the tier, and which rules fired. */
export interface Decision {
  tier: Tier;
  /** Rule ids that fired, in rule-file order. */
  fired: string[];
}

/** An engine prepared for one rule set. */
export interface EngineUnderTest {
  name: string;
  /** True when `decide` returns a promise (json-rules-engine is async only). */
  async: boolean;
  decide(answers: Answers): Decision | Promise<Decision>;
}

/**
 * Our engine, called as the widget calls it.
 *
 * @example
 * ourEngine(ruleSet).decide({ age: 16 }) // { tier: 'not-suitable', fired: ['under-18'] }
 */
export function ourEngine(ruleSet: RuleSet): EngineUnderTest {
  const order = new Map(ruleSet.rules.map((rule, i) => [rule.id, i]));
  return {
    name: 'ours (evaluate)',
    async: false,
    decide(answers) {
      const outcome = evaluate(ruleSet, answers);
      const fired = outcome.fired.map((rule) => rule.id).sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
      return { tier: outcome.tier, fired };
    },
  };
}

function mostSerious(tiers: ReadonlyMap<string, Tier>, fired: readonly string[]): Tier {
  let best: Tier = 'candidate';
  for (const id of fired) {
    const tier = tiers.get(id) ?? 'candidate';
    if (tierRank(tier) < tierRank(best)) best = tier;
  }
  return best;
}

// ---------------------------------------------------------------------------
// json-logic-js

function jsonLogicTest(node: TestNode): RulesLogic {
  const { test } = node;
  const value = { var: test.question };
  if ('equals' in test) return { '===': [value, test.equals] };
  if ('oneOf' in test) return { in: [value, test.oneOf] };
  if ('noneOf' in test) {
    return node.type === 'multiple-choice'
      ? { none: [value, { in: [{ var: '' }, test.noneOf] }] }
      : { '!': { in: [value, test.noneOf] } };
  }
  if ('includes' in test) return { in: [test.includes, value] };
  if ('includesAny' in test) return { some: [value, { in: [{ var: '' }, test.includesAny] }] };
  if ('lessThan' in test) return { '<': [value, test.lessThan] };
  if ('atMost' in test) return { '<=': [value, test.atMost] };
  if ('greaterThan' in test) return { '>': [value, test.greaterThan] };
  if ('atLeast' in test) return { '>=': [value, test.atLeast] };
  throw new Error(`bench: no json-logic form for ${JSON.stringify(test)}`);
}

/**
 * Translates a lowered condition to JSON Logic. "Present" is `var !== null`:
 * json-logic's `var` yields null for a missing key.
 *
 * @example
 * toJsonLogic({ present: 'age' }) // { '!==': [{ var: 'age' }, null] }
 */
export function toJsonLogic(plain: Plain): RulesLogic {
  if (typeof plain === 'boolean') return plain;
  if ('all' in plain) return { and: plain.all.map(toJsonLogic) };
  if ('any' in plain) return { or: plain.any.map(toJsonLogic) };
  if ('not' in plain) return { '!': [toJsonLogic(plain.not)] };
  if ('present' in plain) return { '!==': [{ var: plain.present }, null] };
  return jsonLogicTest(plain);
}

/**
 * json-logic-js: one logic object per rule, applied to the raw answers.
 *
 * @example
 * jsonLogicEngine(ruleSet).decide({ age: 16 }).tier // 'not-suitable'
 */
export function jsonLogicEngine(ruleSet: RuleSet, mode: LowerMode = 'raw'): EngineUnderTest {
  const lower = conditionLowerer(ruleSet, mode);
  const rules = ruleSet.rules.map((rule) => ({ id: rule.id, tier: rule.tier, logic: toJsonLogic(lower(rule.when)) }));
  return {
    name: 'json-logic-js',
    async: false,
    decide(answers) {
      const fired: string[] = [];
      let tier: Tier = 'candidate';
      for (const rule of rules) {
        if (!jsonLogic.truthy(jsonLogic.apply(rule.logic, answers))) continue;
        fired.push(rule.id);
        if (tierRank(rule.tier) < tierRank(tier)) tier = rule.tier;
      }
      return { tier, fired };
    },
  };
}

// ---------------------------------------------------------------------------
// json-rules-engine

/** json-rules-engine treats an empty `all` AND an empty `any` as true. */
const ALWAYS: TopLevelCondition = { all: [] };
const NEVER: TopLevelCondition = { not: { all: [] } };

function rulesEngineTest(node: TestNode): NestedCondition {
  const { test } = node;
  const fact = test.question;
  if ('equals' in test) return { fact, operator: 'equal', value: test.equals };
  if ('oneOf' in test) return { fact, operator: 'in', value: test.oneOf };
  if ('noneOf' in test) {
    return node.type === 'multiple-choice'
      ? { all: test.noneOf.map((value) => ({ fact, operator: 'doesNotContain', value })) }
      : { fact, operator: 'notIn', value: test.noneOf };
  }
  if ('includes' in test) return { fact, operator: 'contains', value: test.includes };
  if ('includesAny' in test) return { any: test.includesAny.map((value) => ({ fact, operator: 'contains', value })) };
  if ('lessThan' in test) return { fact, operator: 'lessThan', value: test.lessThan };
  if ('atMost' in test) return { fact, operator: 'lessThanInclusive', value: test.atMost };
  if ('greaterThan' in test) return { fact, operator: 'greaterThan', value: test.greaterThan };
  if ('atLeast' in test) return { fact, operator: 'greaterThanInclusive', value: test.atLeast };
  throw new Error(`bench: no json-rules-engine form for ${JSON.stringify(test)}`);
}

function toRulesEngineNested(plain: Plain): NestedCondition {
  if (plain === true) return ALWAYS;
  if (plain === false) return NEVER;
  if ('all' in plain) return { all: plain.all.map(toRulesEngineNested) };
  if ('any' in plain) return { any: plain.any.map(toRulesEngineNested) };
  if ('not' in plain) return { not: toRulesEngineNested(plain.not) };
  // A custom operator: none of the built-in ones tells "absent" from a value.
  if ('present' in plain) return { fact: plain.present, operator: 'isAnswered', value: true };
  return rulesEngineTest(plain);
}

/**
 * Translates a lowered condition to json-rules-engine's conditions (the top
 * level must be `all`, `any` or `not`).
 *
 * @example
 * toRulesEngine({ present: 'age' }) // { all: [{ fact: 'age', operator: 'isAnswered', value: true }] }
 */
export function toRulesEngine(plain: Plain): TopLevelCondition {
  const nested = toRulesEngineNested(plain);
  return 'all' in nested || 'any' in nested || 'not' in nested ? (nested as TopLevelCondition) : { all: [nested] };
}

/**
 * json-rules-engine: one Engine with every rule, run per answer set with the
 * raw answers as facts (`allowUndefinedFacts`, since unanswered is normal).
 *
 * @example
 * (await jsonRulesEngine(ruleSet).decide({ age: 16 })).tier // 'not-suitable'
 */
export function jsonRulesEngine(ruleSet: RuleSet, mode: LowerMode = 'raw'): EngineUnderTest {
  const lower = conditionLowerer(ruleSet, mode);
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addOperator<unknown, boolean>('isAnswered', (factValue, expected) => (factValue !== undefined) === expected);
  for (const rule of ruleSet.rules) {
    engine.addRule({ name: rule.id, conditions: toRulesEngine(lower(rule.when)), event: { type: rule.id } });
  }
  const order = new Map(ruleSet.rules.map((rule, i) => [rule.id, i]));
  const tiers = new Map(ruleSet.rules.map((rule) => [rule.id, rule.tier as Tier]));
  return {
    name: 'json-rules-engine',
    async: true,
    async decide(answers) {
      const { events } = await engine.run(answers);
      const fired = events.map((event) => event.type).sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
      return { tier: mostSerious(tiers, fired), fired };
    },
  };
}
