/**
 * Words every part of the house must read the same way: the loader and
 * `screener check` on one side, the widget's run-time check of a fetched rule
 * set on the other. Plain data, no Zod and no Node, because it ships in the
 * widget; a property test (tests/unit/accept-agreement.test.ts) holds the readers together.
 *
 * The compiled format (its name, version, `CompiledRuleSet` and the one
 * hash) is the other shared word; it lives in compile.ts, which every
 * reader imports.
 */
import { own } from './own.ts';

/**
 * Every outcome, most serious first: the order is the meaning (a rule set's
 * result is the first tier any fired rule raises). `candidate` is what
 * remains when no rule fires.
 *
 * @example
 * TIERS.indexOf('review') < TIERS.indexOf('candidate') // true: review is more serious
 */
export const TIERS = ['crisis', 'not-suitable', 'review', 'candidate'] as const;
export type Tier = (typeof TIERS)[number];

/** The tiers a rule can raise: every tier but `candidate`, in the same order. */
export const RULE_TIERS = ['crisis', 'not-suitable', 'review'] as const satisfies readonly Tier[];
export type RuleTier = (typeof RULE_TIERS)[number];

/** Which help a rule's result shows: the crisis lines, or urgent medical care. */
export const CRISIS_HELP = ['lines', 'medical'] as const;
export type CrisisHelp = (typeof CRISIS_HELP)[number];

/**
 * Ids of rule sets, questions, options, rules and invariants: lower-case
 * letters and digits, joined by single hyphens.
 *
 * @example
 * ID_PATTERN.test('blood-pressure') // true
 * ID_PATTERN.test('Blood_Pressure') // false
 */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A rule set's version: three numbers, like 1.0.0. */
export const VERSION_PATTERN = /^\d+\.\d+\.\d+$/;
/** A locale: a language code, with a region when needed ("en", "es", "pt-BR"). */
export const LOCALE_PATTERN = /^[a-z]{2,3}(?:-[A-Z]{2})?$/;

/** A content hash, as `hashRuleSet` (compile.ts) and `reviewHash` (the sign-off) write it: `sha256-` and the digest in base64. */
export const HASH_PATTERN = /^sha256-[\w+/]+=*$/;

/** The groups a condition can make of other conditions; every other condition is one leaf test. */
export const COMBINATORS = ['all', 'any', 'not'] as const;

/** The kinds of question a rule set can ask. */
export const QUESTION_TYPES = ['single-choice', 'multiple-choice', 'number'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** What a leaf test compares the answer with. */
export type Operand = 'option' | 'options' | 'number' | 'boolean';

/**
 * Each leaf test: what it takes, and the question types it works on.
 * `equals` on a multiple-choice answer (a list) is never true, so a rule
 * written that way silently never fires: both checkers refuse it.
 *
 * @example
 * LEAF_TESTS.includes.types.includes('single-choice') // false
 */
export const LEAF_TESTS = {
  equals: { operand: 'option', types: ['single-choice'] },
  oneOf: { operand: 'options', types: ['single-choice'] },
  noneOf: { operand: 'options', types: ['single-choice', 'multiple-choice'] },
  includes: { operand: 'option', types: ['multiple-choice'] },
  includesAny: { operand: 'options', types: ['multiple-choice'] },
  lessThan: { operand: 'number', types: ['number'] },
  atMost: { operand: 'number', types: ['number'] },
  greaterThan: { operand: 'number', types: ['number'] },
  atLeast: { operand: 'number', types: ['number'] },
  answered: { operand: 'boolean', types: QUESTION_TYPES },
} as const satisfies Record<string, { operand: Operand; types: readonly QuestionType[] }>;

/** The leaf tests a condition can use, in the order the guide lists them. */
// Pure, so a bundle that reads only LEAF_TESTS leaves it out.
export const LEAF_OPERATORS = /* @__PURE__ */ Object.keys(LEAF_TESTS) as (keyof typeof LEAF_TESTS)[];
export type LeafOperator = keyof typeof LEAF_TESTS;

/**
 * True when the test `operator` works on a question of `type`.
 *
 * @example
 * testFitsType('equals', 'multiple-choice') // false
 */
export function testFitsType(operator: string, type: string): boolean {
  const test = own(LEAF_TESTS, operator as LeafOperator);
  return !!test && (test.types as readonly string[]).includes(type);
}

/**
 * How deep a condition may be, counting the test itself and each `all`,
 * `any` and `not` above it: `{ not: { question: age, lessThan: 18 } }` is 2.
 * The widget walks conditions recursively on a patient's phone; no real rule
 * needs more than a handful.
 */
export const MAX_CONDITION_DEPTH = 24;
